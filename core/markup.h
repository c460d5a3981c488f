#pragma once

#include <string>
#include <string_view>

namespace core {

// Formulas of the explanation are written in a small markup, so that the terminal and the
// formula panel typeset one source:
//   _{x}  subscript, plain "_x"          _[x]  subscript, plain "x" (w_[5] -> w5)
//   ^{x}  superscript, plain "^x", "^(xy)", and "+" for ^{+}
//   @{d} partial sign   @{delta} delta   @{eta} learning rate   @{half} one half
//   *     multiplication sign
//   #k{x} x is factor k of its term (k: decimal digits), for colour: plain "x",
//         HTML <span class="fk">x</span>; a symbol and its number share their k
// Braces nest: e^{-net_{h1}}, #0{out_{h1}^{(2)}}. A '#' not followed by digits and '{' is text.

// ASCII text: "dE_total/dw5 = 0.74 * 0.19".
std::string plainFromMarkup(std::string_view markup);

// Qt rich text (HTML): "&part;E<sub>total</sub>/&part;w<sub>5</sub>", with escaping.
std::string htmlFromMarkup(std::string_view markup);

// `text` marked as factor `factor` of its term: "#<factor>{<text>}".
std::string markFactor(int factor, std::string_view text);

// How many significant digits a number may be written with, in every program and view: from 1
// to 17, which writes any double exactly.
struct DigitsRange {
    static constexpr int min = 1;
    static constexpr int max = 17;
    static constexpr int workedExample = 9;  // the precision the worked example prints
};

// `value` with `digits` significant digits, shortest form ("0.3775", "0.593269992", "1e-06");
// "inf", "-inf" or "nan" for non-finite values.
std::string formatNumber(double value, int digits);

}  // namespace core
