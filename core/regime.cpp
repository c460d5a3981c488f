#include "regime.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "losshistory.h"
#include "trainer.h"
#include "traininghistory.h"

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

Regime previewRegime(const std::vector<double>& losses, int iterations, double gradientNorm) {
    RegimeEvidence evidence;
    const std::size_t window = std::min(losses.size(), std::size_t(RegimeRule::window) + 1);
    evidence.losses.assign(losses.end() - std::ptrdiff_t(window), losses.end());
    evidence.gradientNorm = gradientNorm;
    evidence.diverged = losses.size() < std::size_t(iterations) + 1;
    return classifyRegime(evidence);
}

Regime classifyRegime(const RegimeEvidence& evidence) {
    using Rule = RegimeRule;
    if (evidence.diverged) return Regime::Diverged;
    const std::vector<double>& losses = evidence.losses;
    if (!std::all_of(losses.begin(), losses.end(), [](double v) { return std::isfinite(v); }))
        return Regime::Diverged;
    const auto growth = [&] {
        return (losses.back() - losses.front()) / std::max(losses.front(), 1e-300);
    };
    if (losses.size() < std::size_t(Rule::fewest))
        return losses.size() >= 2 && growth() > Rule::explosion ? Regime::Diverging
                                                                : Regime::Starting;

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
    if (turns >= Rule::turning * (losses.size() - 2) && *high - *low >= Rule::swing * mean)
        return Regime::Oscillating;

    const double relative = growth();
    if (relative > Rule::growing) return Regime::Diverging;
    if (std::abs(relative) < Rule::flat && evidence.gradientNorm < Rule::tinyGradient &&
        losses.back() > Rule::solved)
        return Regime::Stalled;
    return Regime::Converging;
}

RegimeEvidence regimeEvidence(const Trainer& trainer, const TrainingHistory& record,
                              const LossHistory& losses, const StepSnapshot& step) {
    RegimeEvidence evidence;
    evidence.diverged = step.divergence().has_value();
    evidence.gradientNorm = trainedGradientNorm(step);
    const long long now = trainer.iteration();
    const long long from = std::max(0LL, now - RegimeRule::window);
    if (losses.stride() == 1 && losses.size() > now) {
        // Every loss is kept: read the window off the curve.
        for (long long i = from; i <= now; ++i)
            evidence.losses.push_back(losses.points()[i].loss);
    } else {
        // The curve keeps only extremes here: replay the window on a copy.
        Trainer probe = trainer;
        record.seek(probe, from);
        probe.run(now - from, &evidence.losses);
        evidence.losses.push_back(step.loss());
    }
    return evidence;
}

}  // namespace core
