#pragma once

#include <QString>
#include <vector>

namespace ui {

// Round numbers to label a span with: every multiple of one step within [low, high], the step 1,
// 2 or 5 times a power of ten, the smallest such step that gives at most `most` numbers. Written
// with as many decimals as the step needs ("0.2", "0.4"; "-1", "0", "1").
class AxisTicks {
public:
    AxisTicks(double low, double high, int most);

    // The numbers, from the lowest up.
    const std::vector<double>& values() const { return values_; }
    // The distance between two neighbours.
    double step() const { return step_; }
    // `value` as a tick says it, with the step's decimals.
    QString text(double value) const;

private:
    std::vector<double> values_;
    double step_ = 1.0;
    int decimals_ = 0;
};

}  // namespace ui
