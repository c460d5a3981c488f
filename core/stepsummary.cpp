#include "stepsummary.h"

#include "markup.h"

namespace core {

StepSummary summarizeStep(const StepSnapshot& step, double lossAfter) {
    StepSummary summary{step.loss(), lossAfter, {}};
    const Topology& topology = step.topology();
    for (int w = 0; w < topology.weightCount(); ++w)
        summary.parameters.push_back({topology.weightName(w), step.weightsBefore()[w],
                                      step.dLoss_dWeight(w), step.weightsAfter()[w], true});
    for (int b = 0; b < topology.biasCount(); ++b)
        summary.parameters.push_back({topology.biasName(b), step.biasesBefore()[b],
                                      step.dLoss_dBias(b), step.biasesAfter()[b],
                                      step.trainsBiases()});
    return summary;
}

std::string updateText(const ParameterUpdate& update, int digits) {
    const std::string before = update.name + ": " + formatNumber(update.before, digits);
    if (!update.trained) return before + " (fixed)";
    return before + " -> " + formatNumber(update.after, digits);
}

}  // namespace core
