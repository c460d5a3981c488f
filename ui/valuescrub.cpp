#include "valuescrub.h"

#include <algorithm>
#include <cmath>

#include "trainingcontroller.h"
#include "valueentry.h"

namespace ui {

void ValueScrub::press(const NetworkItem& item, double x) {
    cancel();
    value_ = editableValue(model_, item);
    pressX_ = anchorX_ = x;
    if (value_) anchorValue_ = value_->value;
}

double ValueScrub::valueAt(double x, bool fine) const {
    // Whole steps from the anchor, and the result on the steps' grid: 0.4 + 3 steps is 0.43.
    const double perUnit = 1.0 / (fine ? fineStep : step);
    const double raw = anchorValue_ + std::round(x - anchorX_) / perUnit;
    return std::clamp(std::round(raw * perUnit) / perUnit, -maxEditedMagnitude,
                      maxEditedMagnitude);
}

bool ValueScrub::move(double x, bool fine) {
    if (!value_) return false;
    if (!dragging_) {
        if (std::abs(x - pressX_) < threshold) return false;
        dragging_ = true;
        fine_ = fine;
        model_.beginValueDrag();
    }
    // A change of precision counts on from where the value is.
    if (fine != fine_) {
        anchorValue_ = valueAt(x, fine_);
        anchorX_ = x;
        fine_ = fine;
    }
    value_->apply(valueAt(x, fine), nullptr);
    return true;
}

void ValueScrub::release() {
    if (dragging_) model_.endValueDrag();
    dragging_ = false;
    value_.reset();
}

void ValueScrub::cancel() {
    if (dragging_) model_.cancelValueDrag();
    dragging_ = false;
    value_.reset();
}

}  // namespace ui
