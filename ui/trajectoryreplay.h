#pragma once

#include <atomic>
#include <map>
#include <optional>
#include <vector>

#include "core/networkconfig.h"
#include "core/trainer.h"

namespace ui {

// One point of a run's path through parameter space: the parameters at `iteration`.
struct TrajectoryPoint {
    long long iteration = 0;
    core::Parameters parameters;
};

// A run replayed from its start, for the loss landscape to draw its path: the parameters at
// every `stride()`-th iteration, at most maxPoints() of them (the stride doubles and every other
// point goes when they fill up). Training is deterministic, so the points are the run's own
// parameters, bit for bit. It goes on from where it stopped when the same run asks for more; a
// different run (another start or another rate before where it got) starts it over. Plain C++,
// used by one worker thread at a time.
class TrajectoryReplay {
public:
    // Most points kept for a small network; fewer for a large one (at most kPointBudget doubles).
    static constexpr int kMostPoints = 2000;
    static constexpr double kPointBudget = 4e6;

    // Replays the run that starts at `start` (its learningRate ignored) with `rates` (from which
    // iteration on which learning rate, the first at 0) up to iteration `target`, for at most
    // `seconds` of work, reading `cancelled` between pieces. Returns true when it got there (or
    // the run blew up on the way).
    bool replay(const core::NetworkConfig& start, const std::map<long long, double>& rates,
                long long target, double seconds, const std::atomic<bool>* cancelled = nullptr);

    // The points so far, oldest first: every stride()-th iteration up to reached().
    const std::vector<TrajectoryPoint>& points() const { return points_; }
    // Iterations between kept points.
    long long stride() const { return stride_; }
    // The iteration the replay got to.
    long long reached() const;
    // Most points kept for the network replayed.
    int maxPoints() const { return maxPoints_; }

private:
    bool sameRun(const core::NetworkConfig& start, const std::map<long long, double>& rates) const;
    void restart(const core::NetworkConfig& start, const std::map<long long, double>& rates);
    void keep();

    core::NetworkConfig start_;
    std::map<long long, double> rates_;
    std::optional<core::Trainer> trainer_;
    std::vector<TrajectoryPoint> points_;  // every stride_-th iteration the replay reached
    long long stride_ = 1;
    int maxPoints_ = kMostPoints;
    bool stopped_ = false;  // the run blew up: no further updates
};

}  // namespace ui
