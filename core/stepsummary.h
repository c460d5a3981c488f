#pragma once

#include <string>
#include <vector>

#include "stepsnapshot.h"

namespace core {

// One parameter in a step: its value before, its gradient and its value after the update.
struct ParameterUpdate {
    std::string name;  // "w5", "b1", "b_h1"
    double before = 0.0;
    double gradient = 0.0;  // dE_total/dp
    double after = 0.0;     // before - lr * gradient; the same when it does not train
    bool trained = true;    // false for a bias that is kept fixed

    bool operator==(const ParameterUpdate&) const = default;
};

// What one step did: E_total before and after its update, and every parameter's update, weights
// first, in the order of the explanation.
struct StepSummary {
    double lossBefore = 0.0;
    double lossAfter = 0.0;
    std::vector<ParameterUpdate> parameters;
};

// The summary of `step`, whose update gave E_total = `lossAfter`.
StepSummary summarizeStep(const StepSnapshot& step, double lossAfter);

// "w5: 0.4 -> 0.35891648" with `digits` significant digits ("b1: 0.35 (fixed)" when it does not
// train): how every program and view writes a parameter's update.
std::string updateText(const ParameterUpdate& update, int digits);

}  // namespace core
