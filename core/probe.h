#pragma once

#include <vector>

#include "trainer.h"

namespace core {

// Questions asked of a trainer's current state, answered on a copy: the trainer itself never
// moves.

// E of the next `iterations` updates from `from`'s state at `learningRate` (clamped into
// (0, ConfigLimits::maxLearningRate]), then E after the last one; fewer when the run blows up.
// What the run would do at that rate.
std::vector<double> previewRun(const Trainer& from, double learningRate, int iterations);

// E_total after the step from `from`'s state (E at its next iteration); NaN when that step blows
// up. What a step's summary compares the loss before with.
double lossAfterStep(const Trainer& from);

// dE/dp of parameter `index` (weights, then biases) at `at`'s state by a central difference of
// the batch loss, with a step of 1e-6 relative to the parameter: an independent check of
// backpropagation's value.
double centralDifference(const Trainer& at, int index);

}  // namespace core
