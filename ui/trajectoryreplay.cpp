#include "trajectoryreplay.h"

#include <algorithm>
#include <chrono>
#include <iterator>

#include "core/losslandscape.h"

namespace ui {

namespace {

// Multiply-adds replayed between two looks at the clock and the cancel flag.
constexpr double kPieceWork = 2e6;

// The config with the one field a replay takes from elsewhere (the rates) set aside.
core::NetworkConfig withoutRate(core::NetworkConfig config) {
    config.learningRate = 0.0;
    return config;
}

}  // namespace

long long TrajectoryReplay::reached() const {
    return trainer_ ? trainer_->iteration() : 0;
}

bool TrajectoryReplay::sameRun(const core::NetworkConfig& start,
                               const std::map<long long, double>& rates) const {
    if (!trainer_ || withoutRate(start) != start_) return false;
    // The rates of the updates already made must be those of the run asked for.
    const long long done = reached();
    const auto end = rates_.lower_bound(done), askedEnd = rates.lower_bound(done);
    return std::distance(rates_.begin(), end) == std::distance(rates.begin(), askedEnd) &&
           std::equal(rates_.begin(), end, rates.begin());
}

void TrajectoryReplay::restart(const core::NetworkConfig& start,
                               const std::map<long long, double>& rates) {
    start_ = withoutRate(start);
    core::NetworkConfig first = start;
    first.learningRate = rates.empty() ? start.learningRate : rates.begin()->second;
    trainer_.emplace(first);
    const double parameters =
        double(trainer_->topology().weightCount() + trainer_->topology().biasCount());
    maxPoints_ = int(std::clamp(kPointBudget / parameters, 16.0, double(kMostPoints)));
    points_.clear();
    stride_ = 1;
    stopped_ = false;
    keep();
}

void TrajectoryReplay::keep() {
    const long long iteration = trainer_->iteration();
    if (iteration % stride_ != 0) return;
    points_.push_back({iteration, trainer_->parameters()});
    if (int(points_.size()) <= maxPoints_) return;
    // Full: every other point goes, the stride doubles.
    stride_ *= 2;
    std::erase_if(points_, [&](const TrajectoryPoint& point) { return point.iteration % stride_; });
}

bool TrajectoryReplay::replay(const core::NetworkConfig& start,
                              const std::map<long long, double>& rates, long long target,
                              double seconds, const std::atomic<bool>* cancelled) {
    if (!sameRun(start, rates)) restart(start, rates);
    rates_ = rates;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    const double stepWork =
        3 * core::LossLandscape::evaluationCost(trainer_->topology(), trainer_->samples().size());
    const long long piece = std::max<long long>(1, (long long)(kPieceWork / stepWork));
    while (!stopped_ && reached() < target) {
        if ((cancelled && *cancelled) || std::chrono::steady_clock::now() > deadline) return false;
        const long long now = reached();
        // Up to the next kept point, rate change, target or end of the piece, at the rate of now.
        long long until = std::min({target, (now / stride_ + 1) * stride_, now + piece});
        if (const auto next = rates.upper_bound(now); next != rates.end())
            until = std::min(until, next->first);
        if (const auto rate = rates.upper_bound(now); rate != rates.begin())
            if (trainer_->learningRate() != std::prev(rate)->second)
                trainer_->setLearningRate(std::prev(rate)->second);
        if (trainer_->run(until - now) < until - now) stopped_ = true;
        keep();
    }
    return true;
}

}  // namespace ui
