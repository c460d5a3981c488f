#pragma once

#include <atomic>
#include <cstddef>
#include <vector>

#include "batchpass.h"
#include "landscapeplane.h"
#include "networkconfig.h"
#include "topology.h"

namespace core {

// The points a landscape is computed at: size x size of them, row i at a_i = firstSpan *
// (2i / (size - 1) - 1) along the plane's first direction, column j at b_j = secondSpan *
// (2j / (size - 1) - 1) along the second. Both run from -span to +span; for an odd size the
// middle row and column are exactly 0, the plane's origin.
struct LandscapeGrid {
    int size = 101;           // points a side, at least 2
    double firstSpan = 1.0;   // a runs from -firstSpan to +firstSpan
    double secondSpan = 1.0;  // b runs from -secondSpan to +secondSpan

    // a_i of row `row`.
    double first(int row) const { return coordinate(firstSpan, row); }
    // b_j of column `column`.
    double second(int column) const { return coordinate(secondSpan, column); }
    // span * (2 index / (size - 1) - 1).
    double coordinate(double span, int index) const {
        return span * (2.0 * index / (size - 1) - 1.0);
    }
};

// The batch loss E (the mean over the samples of sum 1/2 (target - out)^2, as the engine defines
// it) at every point of a grid on a plane through parameter space: value(i, j) = E(origin +
// a_i d1 + b_j d2). Each point is one forward pass of the whole batch (core::forwardBatch, no
// backward pass), whose loss has the engine's bits: at the origin it equals
// Trainer::evaluate().loss() exactly. Computed row by row in pieces, so that a worker thread can
// hand back partial maps and stop when the answer is no longer wanted. Non-finite losses (a
// huge span with relu or linear layers) are kept as they are, inf or NaN. A value: copy it, keep
// it, finish it elsewhere.
class LossLandscape {
public:
    // What one activation counts as in multiply-adds, as ui::DecisionGrid counts it.
    static constexpr double kActivationCost = 20;

    // Multiply-adds (an activation counting as kActivationCost) of one evaluation of E: one
    // forward pass of `sampleCount` samples.
    static double evaluationCost(const Topology& topology, std::size_t sampleCount);
    // The same for a whole grid of size x size points.
    static double gridCost(const Topology& topology, std::size_t sampleCount, int size);
    // The largest size from 2 to `wanted` whose grid costs at most `budget` (2 when even that
    // costs more): how a view picks a coarser grid for a big network.
    static int affordableSize(const Topology& topology, std::size_t sampleCount, int wanted,
                              double budget);

    // The landscape of `topology` (its parameter count that of `plane`) trained on `samples`
    // over `grid`, nothing computed yet. Throws std::invalid_argument when the grid's size is
    // below 2 or the plane's parameters are not those of `topology`.
    LossLandscape(const Topology& topology, const std::vector<Sample>& samples,
                  LandscapePlane plane, LandscapeGrid grid);

    // The plane the landscape lies on: its origin and directions.
    const LandscapePlane& plane() const { return plane_; }
    // Where on the plane the points are.
    const LandscapeGrid& grid() const { return grid_; }
    // Points a side.
    int size() const { return grid_.size; }

    // Computes the points not yet computed, in order, reading `cancelled` (may be null) before
    // each. Returns true when every point is done, false when `cancelled` stopped it first.
    bool compute(const std::atomic<bool>* cancelled = nullptr);
    // Computes on until `rows` more rows are whole (or the last row is), reading `cancelled`
    // before each point. Returns false when `cancelled` stopped it first.
    bool computeRows(int rows, const std::atomic<bool>* cancelled = nullptr);
    // Points computed so far, counted in order: row 0's, then row 1's, ..
    std::size_t pointsDone() const { return pointsDone_; }
    // Rows whose every point is computed.
    int rowsDone() const { return static_cast<int>(pointsDone_ / std::size_t(grid_.size)); }
    // Whether every point is computed.
    bool complete() const { return pointsDone_ == values_.size(); }

    // E at row `row` (a_i), column `column` (b_j); NaN where not yet computed.
    double value(int row, int column) const {
        return values_[std::size_t(row) * grid_.size + column];
    }
    // Every value, row by row (size x size).
    const std::vector<double>& values() const { return values_; }

    // E at `parameters` by the same forward pass, with `workspace` as scratch.
    double lossAt(const Parameters& parameters, BatchWorkspace& workspace) const;

private:
    bool computeUntil(std::size_t end, const std::atomic<bool>* cancelled);

    Topology topology_;
    std::size_t sampleCount_ = 0;
    std::vector<double> inputs_;   // every sample's inputs in turn, as forwardBatch reads them
    std::vector<double> targets_;  // every sample's targets in turn
    LandscapePlane plane_;
    LandscapeGrid grid_;
    std::vector<double> values_;
    std::size_t pointsDone_ = 0;
};

}  // namespace core
