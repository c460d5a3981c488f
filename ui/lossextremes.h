#pragma once

#include <algorithm>
#include <cmath>
#include <limits>

namespace ui {

// The lowest, highest and lowest positive finite loss of some points: what a loss axis must show.
struct LossExtremes {
    double low = std::numeric_limits<double>::infinity();
    double high = -std::numeric_limits<double>::infinity();
    double lowPositive = std::numeric_limits<double>::infinity();

    // Takes `loss` into account (non-finite values are ignored).
    void add(double loss) {
        if (!std::isfinite(loss)) return;
        low = std::min(low, loss);
        high = std::max(high, loss);
        if (loss > 0) lowPositive = std::min(lowPositive, loss);
    }
    void add(const LossExtremes& other) {
        for (double v : {other.low, other.high, other.lowPositive})
            add(v);
    }
};

}  // namespace ui
