#include "core/numbertext.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <random>
#include <string>
#include <vector>

namespace {

TEST(NumberTextTest, FormatsSignificantDigits) {
    EXPECT_EQ(core::formatNumber(0.3775, 9), "0.3775");
    EXPECT_EQ(core::formatNumber(0.5932699921071872, 9), "0.593269992");
    EXPECT_EQ(core::formatNumber(0.5932699921071872, 4), "0.5933");
    EXPECT_EQ(core::formatNumber(3.510854812251261e-05, 6), "3.51085e-05");
    EXPECT_EQ(core::formatNumber(-INFINITY, 4), "-inf");
    EXPECT_EQ(core::formatNumber(NAN, 4), "nan");
}

// The independent oracle: printf's "%.<digits>g" (this process keeps the "C" locale).
std::string printfNumber(double value, int digits) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
    return buffer;
}

// Doubles of every kind: any bit pattern (subnormals, huge and tiny), magnitudes spread evenly
// over the powers of ten, numbers like the weights and losses, integers and exact halves (ties
// when rounded), and the edges.
std::vector<double> manyDoubles() {
    using limits = std::numeric_limits<double>;
    std::vector<double> values = {0.0, -0.0, 1.0, -1.0, 0.5, 2.5, 9.5, 0.15, 0.1, 1.0 / 3.0};
    for (const double edge : {1e-5, 1e-4, 9.9999999999999995e-5, 1e-11, 9.99999999999999939e-12,
                              1e16, 1e17, 99999999999999984.0, 123456789012345678.0})
        values.push_back(edge);
    for (const double edge :
         {limits::min(), limits::denorm_min(), limits::max(), limits::epsilon()})
        values.push_back(edge);
    std::mt19937_64 random(20240611);
    std::uniform_real_distribution<double> unit(-1.0, 1.0), decades(-330.0, 310.0);
    std::uniform_int_distribution<long long> integers(-(1LL << 54), 1LL << 54);
    for (int i = 0; i < 30000; ++i) {
        const double bits = std::bit_cast<double>(random());
        if (std::isfinite(bits)) values.push_back(bits);
        values.push_back(unit(random));
        values.push_back(unit(random) * std::pow(10.0, decades(random)));
        values.push_back(double(integers(random)) / double(1 << (i % 12)));
    }
    for (int power = -325; power <= 308; ++power)
        for (const double factor : {1.0, 9.5, 9.9999999999999999})
            values.push_back(factor * std::pow(10.0, power));
    return values;
}

TEST(NumberTextTest, FormatsAsPrintfForEveryNumberOfDigits) {
    int mismatches = 0;
    for (const double value : manyDoubles())
        for (int digits = core::DigitsRange::min; digits <= core::DigitsRange::max; ++digits) {
            const std::string expected = printfNumber(value, digits);
            const std::string written = core::formatNumber(value, digits);
            if (written != expected && ++mismatches <= 10)
                ADD_FAILURE() << "%." << digits << "g of " << std::hexfloat << value << ": "
                              << written << ", printf " << expected;
        }
    EXPECT_EQ(mismatches, 0);
}

TEST(NumberTextTest, SeventeenDigitsReadBackExactly) {
    for (const double value : manyDoubles())
        EXPECT_EQ(std::strtod(core::formatNumber(value, core::DigitsRange::max).c_str(), nullptr),
                  value);
}

TEST(NumberTextTest, NonFiniteNumbersAreSpelledOut) {
    for (int digits = core::DigitsRange::min; digits <= core::DigitsRange::max; ++digits) {
        EXPECT_EQ(core::formatNumber(INFINITY, digits), "inf");
        EXPECT_EQ(core::formatNumber(-INFINITY, digits), "-inf");
        EXPECT_EQ(core::formatNumber(std::nan(""), digits), "nan");
        EXPECT_EQ(core::formatNumber(-std::nan(""), digits), "nan");
    }
}

TEST(NumberTextTest, AppendNumberAppends) {
    std::string text = "w1,";
    core::appendNumber(text, 0.15, 17);
    text += ',';
    core::appendNumber(text, -INFINITY, 17);
    EXPECT_EQ(text, "w1,0.14999999999999999,-inf");
}

TEST(NumberTextTest, DigitsOutsideTheRangeTakeTheNearestEnd) {
    EXPECT_EQ(core::formatNumber(0.15, 0), "0.1");
    EXPECT_EQ(core::formatNumber(0.15, 40), "0.14999999999999999");
}

}  // namespace
