#pragma once

#include <optional>

#include "networkitem.h"
#include "valueeditor.h"

namespace ui {

class TrainingController;

// A drag along a number of the network to change it, as spreadsheets and 3-D tools scrub: right
// adds, left takes away, a hundredth a pixel (a thousandth with Shift). The model follows every
// move (the network, the equation and the loss are of the new value at once) and the whole drag
// is one edit; Escape puts the value back as the drag found it. A press becomes a drag only once
// the mouse has moved a few pixels, so that a click still pins and a double-click still types.
class ValueScrub {
public:
    // Pixels the mouse moves before a press becomes a drag.
    static constexpr double threshold = 4.0;
    // The change a pixel makes, and with Shift.
    static constexpr double step = 0.01;
    static constexpr double fineStep = 0.001;

    explicit ValueScrub(TrainingController& model) : model_(model) {}

    // The left button went down on `item` at `x`.
    void press(const NetworkItem& item, double x);
    // The mouse moved to `x` with the button held (`fine`: Shift); returns whether a drag is on.
    bool move(double x, bool fine);
    // The button came up: a drag becomes one edit.
    void release();
    // Escape: the model goes back to before the drag.
    void cancel();
    bool isDragging() const { return dragging_; }
    // The value the drag gives at `x`: the start's, moved by whole steps and rounded to them.
    double valueAt(double x, bool fine) const;

private:
    TrainingController& model_;
    std::optional<EditableValue> value_;  // what was pressed on, if it can be typed over
    double pressX_ = 0.0;
    double anchorX_ = 0.0;      // where the current precision's counting starts
    double anchorValue_ = 0.0;  // the value there
    bool fine_ = false;
    bool dragging_ = false;
};

}  // namespace ui
