#include "numbertext.h"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string_view>

namespace core {

namespace {

// GCC's and Clang's 128-bit integer (__extension__: without -Wpedantic's warning).
__extension__ typedef unsigned __int128 Uint128;

constexpr int kMaxPowerOf5 = 27;  // 5^27 is the largest power of 5 in 64 bits

// powers[k] = base^k, for k in 0 ..= Count - 1.
template <std::uint64_t Base, int Count>
constexpr std::array<std::uint64_t, Count> powersOf() {
    std::array<std::uint64_t, Count> powers{};
    powers[0] = 1;
    for (int k = 1; k < Count; ++k)
        powers[k] = powers[k - 1] * Base;
    return powers;
}
constexpr auto kPowersOf5 = powersOf<5, kMaxPowerOf5 + 1>();
constexpr auto kPowersOf10 = powersOf<10, DigitsRange::max + 2>();  // up to 10^18

// A positive number as printf's "%.<digits>e" sees it: the integer `significand`, with
// 10^(digits-1) <= significand < 10^digits, times 10^(exponent - digits + 1).
struct Decimal {
    std::uint64_t significand;
    int exponent;
};

// `magnitude` (positive, finite) rounded to `digits` significant digits, exactly and with ties
// to even as printf does; nothing where that takes more than 128-bit integers (below 1e-11 and
// above 1e17 at 17 digits, and subnormals), which std::to_chars then writes.
std::optional<Decimal> roundToDigits(double magnitude, int digits) {
    // magnitude = mantissa * 2^binaryExponent, exactly.
    const auto bits = std::bit_cast<std::uint64_t>(magnitude);
    const int biased = int(bits >> 52);
    if (biased == 0) return std::nullopt;
    const std::uint64_t mantissa = (bits & ((std::uint64_t(1) << 52) - 1)) | std::uint64_t(1) << 52;
    const int binaryExponent = biased - 1075;
    // floor(log10(magnitude)) is this or one more (78913 / 2^18 is log10(2) from below).
    int exponent = ((biased - 1023) * 78913) >> 18;
    for (int attempt = 0; attempt < 2; ++attempt) {
        // scaled = magnitude * 10^shift = mantissa * 5^shift * 2^(binaryExponent + shift).
        const int shift = digits - 1 - exponent;
        if (shift < 0 || shift > kMaxPowerOf5) return std::nullopt;
        const Uint128 product = Uint128(mantissa) * kPowersOf5[shift];
        const int twos = binaryExponent + shift;
        if (twos <= -128) return std::nullopt;
        std::uint64_t whole = 0;
        bool roundUp = false;
        if (twos >= 0) {
            whole = std::uint64_t(product << twos);
        } else {
            whole = std::uint64_t(product >> -twos);
            const Uint128 rest = product & ((Uint128(1) << -twos) - 1);
            const Uint128 half = Uint128(1) << (-twos - 1);
            roundUp = rest > half || (rest == half && (whole & 1) != 0);
        }
        if (whole >= kPowersOf10[digits]) {
            ++exponent;  // the estimate was one short
            continue;
        }
        if (whole < kPowersOf10[digits - 1]) return std::nullopt;
        std::uint64_t significand = whole + (roundUp ? 1 : 0);
        if (significand == kPowersOf10[digits]) {
            significand = kPowersOf10[digits - 1];  // 9.99.. rounded up to 10.0..
            ++exponent;
        }
        return Decimal{significand, exponent};
    }
    return std::nullopt;
}

// "00", "01" .. "99": two decimal digits at a time.
constexpr auto kDigitPairs = [] {
    std::array<char, 200> pairs{};
    for (int i = 0; i < 100; ++i) {
        pairs[2 * i] = char('0' + i / 10);
        pairs[2 * i + 1] = char('0' + i % 10);
    }
    return pairs;
}();

// `value` (below 10^8) as exactly 8 digits, zeros in front.
void writeEightDigits(char* out, std::uint32_t value) {
    const std::uint32_t high = value / 10000, low = value % 10000;
    std::memcpy(out, &kDigitPairs[2 * (high / 100)], 2);
    std::memcpy(out + 2, &kDigitPairs[2 * (high % 100)], 2);
    std::memcpy(out + 4, &kDigitPairs[2 * (low / 100)], 2);
    std::memcpy(out + 6, &kDigitPairs[2 * (low % 100)], 2);
}

// Writes `decimal` with `digits` significant digits as printf's "%.<digits>g" does: fixed for
// exponents from -4 to digits - 1, else with an exponent; trailing zeros dropped. Returns the end.
char* writeDecimal(char* out, Decimal decimal, int digits) {
    // The significand as 18 digits, in two independent halves of 8 and the top 2.
    char padded[18];
    const std::uint64_t top = decimal.significand / 100000000;
    std::memcpy(padded, &kDigitPairs[2 * (top / 100000000)], 2);
    writeEightDigits(padded + 2, std::uint32_t(top % 100000000));
    writeEightDigits(padded + 10, std::uint32_t(decimal.significand % 100000000));
    const char* figures = padded + sizeof padded - digits;
    int count = digits;
    while (count > 1 && figures[count - 1] == '0')
        --count;
    const int exponent = decimal.exponent;
    const auto copy = [&](int from, int to) {
        for (int i = from; i < to; ++i)
            *out++ = figures[i];
    };
    if (exponent >= -4 && exponent < digits) {
        if (exponent >= 0) {
            copy(0, exponent + 1);
            if (count > exponent + 1) {
                *out++ = '.';
                copy(exponent + 1, count);
            }
        } else {
            *out++ = '0';
            *out++ = '.';
            for (int i = -1; i > exponent; --i)
                *out++ = '0';
            copy(0, count);
        }
        return out;
    }
    *out++ = figures[0];
    if (count > 1) {
        *out++ = '.';
        copy(1, count);
    }
    *out++ = 'e';
    *out++ = exponent < 0 ? '-' : '+';
    const int size = exponent <= -100 || exponent >= 100 ? 3 : 2;
    for (int i = size - 1, rest = std::abs(exponent); i >= 0; --i, rest /= 10)
        out[i] = char('0' + rest % 10);
    return out + size;
}

}  // namespace

std::string formatNumber(double value, int digits) {
    std::string text;
    appendNumber(text, value, digits);
    return text;
}

void appendNumber(std::string& out, double value, int digits) {
    char buffer[kMaxNumberLength];
    out.append(buffer, writeNumber(buffer, value, digits));
}

char* writeNumber(char* first, double value, int digits) {
    const auto copy = [first](std::string_view text) {
        return std::copy(text.begin(), text.end(), first);
    };
    if (std::isnan(value)) return copy("nan");
    if (std::isinf(value)) return copy(value > 0 ? "inf" : "-inf");
    digits = std::clamp(digits, DigitsRange::min, DigitsRange::max);
    if (value != 0.0) {
        if (const std::optional<Decimal> decimal = roundToDigits(std::fabs(value), digits)) {
            char* end = first;
            if (value < 0) *end++ = '-';
            return writeDecimal(end, *decimal, digits);
        }
    }
    return std::to_chars(first, first + kMaxNumberLength, value, std::chars_format::general, digits)
        .ptr;
}

}  // namespace core
