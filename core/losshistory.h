#pragma once

#include <cstddef>
#include <vector>

namespace core {

// The loss curve of a run in bounded memory. While they fit, every iteration keeps its own
// point; past `capacity` points, neighbouring buckets of iterations merge in pairs and each
// bucket keeps only its lowest and its highest loss, so a curve of any length keeps its
// envelope (an oscillation its amplitude) in at most `capacity` points.
class LossHistory {
public:
    struct Point {
        long long iteration = 0;
        double loss = 0.0;
        bool operator==(const Point&) const = default;
    };

    // `capacity`: the most points kept (at least 4).
    explicit LossHistory(std::size_t capacity = std::size_t(1) << 20);

    // Records the loss of the next iteration (the first call records iteration 0).
    void append(double loss);
    // Forgets every iteration from `iteration` on, and with it the rest of that iteration's
    // bucket; returns the first iteration no longer recorded, from which the caller appends again.
    long long truncate(long long iteration);
    void clear();

    // Iterations recorded.
    long long size() const { return size_; }
    // Iterations per bucket: 1 until the first merge, then 2, 4, ..
    long long stride() const { return stride_; }
    // The points in iteration order: each bucket's lowest and highest loss (one point while the
    // stride is 1); the last bucket may be incomplete.
    const std::vector<Point>& points() const { return points_; }
    // Points that will not change any more until the next merge: all but the last bucket's.
    std::size_t settledCount() const { return settled_; }
    // The curve in at most `maxPoints` points (each span of iterations keeps its lowest and
    // highest point), to keep a copy of it cheaply.
    std::vector<Point> summary(std::size_t maxPoints) const;
    // Counts merges and truncations: when it changes, earlier points have been rewritten.
    long long generation() const { return generation_; }

private:
    void mergePairs();

    std::size_t capacity_;
    std::vector<Point> points_;
    std::size_t settled_ = 0;
    long long size_ = 0;
    long long stride_ = 1;
    long long generation_ = 0;
};

}  // namespace core
