#include "decisionscale.h"

#include <algorithm>
#include <cmath>

#include "axisticks.h"
#include "palette.h"

namespace ui {

namespace {

constexpr int kRoundNumbers = 5;  // the round numbers an unbounded scale's ends fall on, at most

// `from` with a share `t` (0 to 1) of the way to `to`, channel by channel.
QRgb blend(QColor from, QColor to, double t) {
    const auto channel = [t](int a, int b) { return int(std::lround(a + (b - a) * t)); };
    return qRgb(channel(from.red(), to.red()), channel(from.green(), to.green()),
                channel(from.blue(), to.blue()));
}

}  // namespace

DecisionScale DecisionScale::forOutput(core::Activation activation, double lowest, double highest) {
    switch (activation) {
        case core::Activation::Sigmoid:
            return {0.0, 1.0};
        case core::Activation::Tanh:
            return {-1.0, 1.0};
        case core::Activation::Relu:
        case core::Activation::Linear:
            break;
    }
    if (!std::isfinite(lowest) || !std::isfinite(highest)) return {0.0, 1.0};
    if (highest - lowest < 1e-12 * std::max(1.0, std::abs(lowest))) {
        lowest -= 0.5;
        highest += 0.5;
    }
    // Out to the round numbers just outside, so that the colour bar's ends carry numbers.
    const double step = AxisTicks(lowest, highest, kRoundNumbers).step();
    return {std::floor(lowest / step) * step, std::ceil(highest / step) * step};
}

QRgb DecisionScale::colour(double value) const {
    if (!std::isfinite(value)) return Palette::neutral().rgb();
    const double t = std::clamp((value - low_) / (high_ - low_), 0.0, 1.0);
    return t < 0.5 ? blend(Palette::scaleLow(), Palette::scaleMiddle(), 2 * t)
                   : blend(Palette::scaleMiddle(), Palette::scaleHigh(), 2 * t - 1);
}

}  // namespace ui
