#include "probe.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace core {

namespace {

constexpr double kSmallestRate = 1e-12;           // a rate of 0 or below is taken as this
constexpr double kRelativeDifferenceStep = 1e-6;  // h of the central difference, per unit of |p|

}  // namespace

std::vector<double> previewRun(const Trainer& from, double learningRate, int iterations) {
    std::vector<double> losses;
    Trainer probe = from;
    probe.setLearningRate(std::clamp(std::isfinite(learningRate) ? learningRate : kSmallestRate,
                                     kSmallestRate, ConfigLimits::maxLearningRate));
    probe.run(iterations, &losses);
    if (probe.divergence()) return losses;
    if (const double last = probe.evaluate().loss(); std::isfinite(last)) losses.push_back(last);
    return losses;
}

double lossAfterStep(const Trainer& from) {
    Trainer probe = from;
    if (probe.run(1) != 1) return std::numeric_limits<double>::quiet_NaN();
    return probe.evaluate().loss();
}

double centralDifference(const Trainer& at, int index) {
    const int weights = at.topology().weightCount();
    const Parameters here = at.parameters();
    Trainer probe = at;
    const auto lossWith = [&](double offset) {
        Parameters moved = here;
        (index < weights ? moved.weights[index] : moved.biases[index - weights]) += offset;
        probe.restore(moved, at.iteration());
        return probe.evaluate().loss();
    };
    const double value = index < weights ? here.weights[index] : here.biases[index - weights];
    const double h = kRelativeDifferenceStep * std::max(1.0, std::abs(value));
    return (lossWith(h) - lossWith(-h)) / (2 * h);
}

}  // namespace core
