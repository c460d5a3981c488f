#include "axisticks.h"

#include <algorithm>
#include <cmath>

namespace ui {

namespace {

constexpr double kSlack = 1e-9;  // in steps: an end a rounding error past a multiple still counts

}  // namespace

AxisTicks::AxisTicks(double low, double high, int most) {
    most = std::max(most, 2);
    if (!(high > low) || !std::isfinite(high - low)) {
        if (std::isfinite(low)) values_ = {low};
        return;
    }
    // The smallest step of 1, 2 or 5 times a power of ten that fits at most `most` numbers: from
    // the power of ten below the span shared evenly, up.
    const double power = std::pow(10.0, std::floor(std::log10((high - low) / (most - 1))));
    double first = 0.0;
    double last = 0.0;
    for (const double factor : {1.0, 2.0, 5.0, 10.0}) {
        step_ = factor * power;
        first = std::ceil(low / step_ - kSlack);
        last = std::floor(high / step_ + kSlack);
        if (last - first + 1 <= most) break;
    }
    decimals_ = std::max(0, -static_cast<int>(std::floor(std::log10(step_) + kSlack)));
    // Multiples of the step (k * step, never added up, so no error piles up); + 0.0 makes -0 0.
    for (double k = first; k <= last; ++k)
        values_.push_back(k * step_ + 0.0);
}

QString AxisTicks::text(double value) const {
    return QString::number(value + 0.0, 'f', decimals_);
}

}  // namespace ui
