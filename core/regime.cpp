#include "regime.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace core {

std::string_view regimeName(Regime regime) {
    switch (regime) {
        case Regime::Starting:
            return "starting";
        case Regime::Converging:
            return "converging";
        case Regime::Oscillating:
            return "oscillating";
        case Regime::Stalled:
            return "stalled";
        case Regime::Diverging:
            return "diverging";
        case Regime::Diverged:
            return "diverged";
    }
    return "unknown";
}

double trainedGradientNorm(const StepSnapshot& step) {
    double sum = 0.0;
    for (double g : step.dLoss_dWeights())
        sum += g * g;
    if (step.trainsBiases())
        for (double g : step.dLoss_dBiases())
            sum += g * g;
    return std::sqrt(sum);
}

Regime classifyRegime(const RegimeEvidence& evidence) {
    if (evidence.diverged) return Regime::Diverged;
    const std::vector<double>& losses = evidence.losses;
    if (losses.size() < 5) return Regime::Starting;
    if (!std::all_of(losses.begin(), losses.end(), [](double v) { return std::isfinite(v); }))
        return Regime::Diverged;

    // Count the turns: steps whose change has the other sign than the step before.
    const double mean = std::accumulate(losses.begin(), losses.end(), 0.0) / losses.size();
    const double negligible = 1e-12 * std::max(mean, 1e-300);
    int turns = 0;
    int previousSign = 0;
    for (std::size_t i = 1; i < losses.size(); ++i) {
        const double change = losses[i] - losses[i - 1];
        const int sign = change > negligible ? 1 : change < -negligible ? -1 : 0;
        if (sign != 0 && previousSign != 0 && sign != previousSign) ++turns;
        if (sign != 0) previousSign = sign;
    }
    const auto [low, high] = std::minmax_element(losses.begin(), losses.end());
    const double swing = *high - *low;
    if (turns >= 0.3 * (losses.size() - 2) && swing >= 1e-4 * mean) return Regime::Oscillating;

    const double first = losses.front(), last = losses.back();
    const double relative = (last - first) / std::max(first, 1e-300);
    if (relative > 1e-3) return Regime::Diverging;
    if (std::abs(relative) < 1e-3 && evidence.gradientNorm < 1e-3 && last > 1e-3)
        return Regime::Stalled;
    return Regime::Converging;
}

}  // namespace core
