#pragma once

#include <string_view>
#include <vector>

#include "stepsnapshot.h"

namespace core {

// How training is going over its recent iterations.
enum class Regime {
    Starting,     // too few iterations to tell
    Converging,   // the loss falls (or has reached almost nothing)
    Oscillating,  // the loss goes up and down
    Stalled,      // the loss barely moves while it is still large, and the gradient is tiny
    Diverging,    // the loss grows without turning back
    Diverged,     // a value became infinite or NaN
};

// "converging", "oscillating", ..
std::string_view regimeName(Regime regime);

// The numbers the regime is read from.
struct RegimeEvidence {
    std::vector<double> losses;  // E of the recent iterations, oldest first (up to a window)
    double gradientNorm = 0.0;   // |dE/dp| over all trained parameters at the newest iteration
    bool diverged = false;       // the run hit an infinite or NaN value
};

// The rule, over the window of recent losses L_0 .. L_n:
// - Diverged when the run hit a non-finite value.
// - Oscillating when at least 30% of the steps turn direction (the loss rises after falling or
//   falls after rising) and the swing max - min is at least 0.01% of the mean.
// - Diverging when the loss grew over the window by more than 0.1%.
// - Stalled when it changed by less than 0.1% over the window, the gradient's norm is below 1e-3
//   and the loss is still above 1e-3 (a plateau, not a solution).
// - Converging otherwise (the loss fell, or has reached almost nothing).
// Fewer than 5 losses: Starting.
Regime classifyRegime(const RegimeEvidence& evidence);

// |dE/dp| over the parameters the step trains: every weight, and the biases when they train.
double trainedGradientNorm(const StepSnapshot& step);

// Losses per window: the detector looks at the last this many iterations.
inline constexpr int kRegimeWindow = 50;

}  // namespace core
