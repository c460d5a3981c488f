#pragma once

#include <string>

namespace core {

// How many significant digits a number may be written with, in every program and view: from 1
// to 17, which writes any double exactly.
struct DigitsRange {
    static constexpr int min = 1;
    static constexpr int max = 17;
    static constexpr int workedExample = 9;  // the precision the worked example prints
};

// `value` with `digits` significant digits, shortest form ("0.3775", "0.593269992", "1e-06");
// "inf", "-inf" or "nan" for non-finite values. The text of printf's "%.<digits>g" in the "C"
// locale, whatever the locale; `digits` outside DigitsRange is taken as its nearest end.
std::string formatNumber(double value, int digits);

// formatNumber(value, digits) appended to `out`, without a string in between.
void appendNumber(std::string& out, double value, int digits);

// The most characters formatNumber writes: "-1.2345678901234567e-308".
constexpr int kMaxNumberLength = 24;

// formatNumber(value, digits) written from `first`, which has room for kMaxNumberLength
// characters; returns the end of what was written.
char* writeNumber(char* first, double value, int digits);

}  // namespace core
