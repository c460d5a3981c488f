#pragma once

#include <string_view>
#include <vector>

#include "stepsnapshot.h"

namespace core {

class LossHistory;
class Trainer;
class TrainingHistory;

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
    bool diverged = false;       // the step from the newest iteration blows up
};

// The thresholds of the rule below.
struct RegimeRule {
    static constexpr int window = 50;             // losses looked at: the last this many updates
    static constexpr int fewest = 5;              // fewer losses than this: Starting
    static constexpr double turning = 0.3;        // share of steps that turn, to oscillate
    static constexpr double swing = 1e-4;         // least swing max - min, relative to the mean
    static constexpr double growing = 1e-3;       // relative growth over the window: diverging
    static constexpr double flat = 1e-3;          // relative change under this: may be stalled
    static constexpr double tinyGradient = 1e-3;  // gradient norm under this: may be stalled
    static constexpr double solved = 1e-3;        // a loss under this is a solution, not a stall
    static constexpr double explosion = 1e3;      // growth by this factor: diverging at once
};

// The rule, over the window of recent losses L_0 .. L_n:
// - Diverged when the step from the newest iteration blows up (or a loss is not finite).
// - Fewer than `fewest` losses: Diverging when the loss grew `explosion`-fold, else Starting.
// - Oscillating when at least `turning` of the steps turn direction (the loss rises after
//   falling or falls after rising) and the swing max - min is at least `swing` of the mean.
// - Diverging when the loss grew over the window by more than `growing`.
// - Stalled when it changed by less than `flat` over the window, the gradient's norm is below
//   `tinyGradient` and the loss is still above `solved` (a plateau, not a solution).
// - Converging otherwise (the loss fell, or has reached almost nothing).
Regime classifyRegime(const RegimeEvidence& evidence);

// The regime a preview of `iterations` updates ends in (core::previewRun's losses: E at its start
// and after each update, fewer when it blew up): the rule over its last window, Diverged when it
// blew up before its end. `gradientNorm` is the gradient's at its start (for a stall).
Regime previewRegime(const std::vector<double>& losses, int iterations, double gradientNorm);

// |dE/dp| over the parameters the step trains: every weight, and the biases when they train.
double trainedGradientNorm(const StepSnapshot& step);

// The evidence at `trainer`'s iteration, whose step is `step`: the losses of the window up to it,
// read off `losses` while that keeps every iteration and else replayed from `record` on a copy.
RegimeEvidence regimeEvidence(const Trainer& trainer, const TrainingHistory& record,
                              const LossHistory& losses, const StepSnapshot& step);

}  // namespace core
