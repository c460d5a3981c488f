#include "workerprobes.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ui {

namespace {

constexpr double kWorkBetweenChecks = 2e6;  // multiply-adds run between reads of the cancel flag
constexpr double kRelativeDifferenceStep = 1e-6;  // as core::centralDifference

// Updates to run between reads of the cancel flag: about a millisecond of work.
long long chunkFor(const core::Trainer& trainer) {
    return std::max(1LL, static_cast<long long>(kWorkBetweenChecks / passWork(trainer)));
}

}  // namespace

double passWork(const core::Trainer& trainer) {
    const core::Topology& topology = trainer.topology();
    return double(trainer.samples().size()) * (topology.weightCount() + topology.biasCount());
}

double snapshotWork(const core::Trainer& trainer) {
    const core::Topology& topology = trainer.topology();
    return double(trainer.samples().size()) *
           (topology.weightCount() + topology.biasCount() + 5.0 * topology.nodeCount());
}

double lossAt(const core::Trainer& at) {
    // The loss before a fast update is the loss at the state; the update itself is thrown away.
    core::Trainer probe = at;
    std::vector<double> losses;
    if (!probe.divergence() && probe.run(1, &losses) == 1) return losses.front();
    return at.evaluate().loss();  // the update blows up: the recorded path, rarely taken
}

bool replayRecorded(core::Trainer& trainer, const std::map<long long, double>& rates,
                    long long target, const std::atomic<bool>& cancelled,
                    std::vector<double>* lossesBefore) {
    const auto rateAt = [&](long long iteration) {
        return std::prev(rates.upper_bound(iteration))->second;
    };
    const long long chunk = chunkFor(trainer);
    while (trainer.iteration() < target) {
        if (cancelled) return false;
        // Each update at the rate the run had at its iteration, in chunks that end at a change.
        const long long at = trainer.iteration();
        if (trainer.learningRate() != rateAt(at)) trainer.setLearningRate(rateAt(at));
        long long until = std::min(target, at + chunk);
        if (const auto change = rates.upper_bound(at); change != rates.end())
            until = std::min(until, change->first);
        if (trainer.run(until - at, lossesBefore) < until - at) break;  // it blows up here
    }
    if (trainer.learningRate() != rateAt(target)) trainer.setLearningRate(rateAt(target));
    return !cancelled;
}

std::vector<double> previewCurve(const core::Trainer& from, int iterations,
                                 const std::atomic<bool>& cancelled,
                                 const std::function<void(std::vector<double>)>& partial,
                                 int partialEvery) {
    std::vector<double> losses;
    losses.reserve(iterations + 1);
    // As core::previewRun: the rate set anew, which forgets a blow-up held at this state.
    core::Trainer probe = from;
    probe.setLearningRate(from.learningRate());
    const long long chunk = std::min<long long>(
        chunkFor(probe), partialEvery > 0 ? partialEvery : std::numeric_limits<int>::max());
    while (probe.iteration() < from.iteration() + iterations && !cancelled) {
        const long long left = from.iteration() + iterations - probe.iteration();
        if (probe.run(std::min(chunk, left), &losses) < std::min(chunk, left)) return losses;
        if (partial && probe.iteration() < from.iteration() + iterations) partial(losses);
    }
    if (cancelled) return {};
    if (const double last = lossAt(probe); std::isfinite(last)) losses.push_back(last);
    return losses;
}

double centralDifference(const core::Trainer& at, int index, const std::atomic<bool>& cancelled) {
    const int weights = at.topology().weightCount();
    const core::Parameters& here = at.parameters();
    const double value = index < weights ? here.weights[index] : here.biases[index - weights];
    const double h = kRelativeDifferenceStep * std::max(1.0, std::abs(value));
    const auto lossWith = [&](double offset) {
        core::Parameters moved = here;
        (index < weights ? moved.weights[index] : moved.biases[index - weights]) += offset;
        core::Trainer probe = at;
        probe.restore(moved, at.iteration());
        return lossAt(probe);
    };
    const double above = lossWith(h);
    if (cancelled) return std::numeric_limits<double>::quiet_NaN();
    return (above - lossWith(-h)) / (2 * h);
}

core::Regime replayedRegime(core::Trainer atCheckpoint, const std::map<long long, double>& rates,
                            long long now, double loss, double gradientNorm, bool diverged,
                            const std::atomic<bool>& cancelled) {
    core::RegimeEvidence evidence;
    evidence.diverged = diverged;
    evidence.gradientNorm = gradientNorm;
    const long long from = std::max(0LL, now - core::RegimeRule::window);
    if (!replayRecorded(atCheckpoint, rates, from, cancelled)) return core::Regime::Starting;
    if (!replayRecorded(atCheckpoint, rates, now, cancelled, &evidence.losses))
        return core::Regime::Starting;
    evidence.losses.push_back(loss);
    return core::classifyRegime(evidence);
}

}  // namespace ui
