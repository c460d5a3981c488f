#pragma once

#include <QColor>

#include "core/activation.h"

namespace ui {

// The colours of the decision map: a value from low() to high() runs from orange through white
// (the middle: the network undecided) to blue, Playground's scale in the palette's colours.
// The orange end is lighter than the blue one, so the scale reads in grey too.
class DecisionScale {
public:
    // The scale for the outputs of a layer with `activation`. The sigmoid's and tanh's are their
    // ranges, (0, 1) and (-1, 1); ReLU and linear outputs have none, so theirs spans `lowest` to
    // `highest` (the values shown: the map's and the targets'), widened to round numbers.
    static DecisionScale forOutput(core::Activation activation, double lowest, double highest);

    DecisionScale(double low, double high) : low_(low), high_(high) {}

    // The value drawn orange, and the one drawn blue.
    double low() const { return low_; }
    double high() const { return high_; }
    // The colour of `value`: clamped into the scale; grey for a value that is not finite.
    QRgb colour(double value) const;

private:
    double low_;
    double high_;
};

}  // namespace ui
