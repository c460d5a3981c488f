#pragma once

#include <QPoint>
#include <QPointF>
#include <QSize>
#include <vector>

#include "core/networkconfig.h"
#include "core/topology.h"

namespace ui {

// A rectangle of a two-input network's input plane: i1 from `left` to `right`, i2 from `bottom`
// to `top`.
struct InputArea {
    double left = 0.0;
    double right = 1.0;
    double bottom = 0.0;
    double top = 1.0;

    // The rectangle around `samples`' inputs (two each): their bounding box with a margin of a
    // tenth of its span on every side, or of 0.5 where every sample has the same value.
    static InputArea around(const std::vector<core::Sample>& samples);
    double width() const { return right - left; }
    double height() const { return top - bottom; }
};

// What a network with two inputs answers over a rectangle of its input plane: one of its outputs
// at the centre of every cell of a columns x rows grid, computed by the engine's own forward pass
// (core::forwardBatch), so the numbers are the engine's. Laid out as an image: row 0 at the top
// (the largest i2), column 0 at the left (the smallest i1).
class DecisionGrid {
public:
    // Multiply-adds (an activation counting as kActivationCost) one grid may cost: 2.5 ms for
    // the largest network on the machine of BM_DecisionMapRedrawLargest.
    static constexpr double kWorkBudget = 1.2e7;
    static constexpr double kActivationCost = 20;
    // Pixels a side of one cell, at the finest; and cells a side, at the most.
    static constexpr int kPixelsPerCell = 2;
    static constexpr int kMostCells = 300;

    // The grid for a map of `pixels`: a cell per kPixelsPerCell pixels, at most kMostCells a side,
    // coarser for a large network so that evaluating it costs at most about kWorkBudget.
    static QSize cellsFor(const core::Topology& topology, QSize pixels);

    DecisionGrid() = default;
    // Output `output` of `topology` (two inputs) at `parameters` over `area`, on `cells`.
    DecisionGrid(const core::Topology& topology, const core::Parameters& parameters, int output,
                 const InputArea& area, QSize cells);

    bool isEmpty() const { return values_.empty(); }
    int columns() const { return columns_; }
    int rows() const { return rows_; }
    const InputArea& area() const { return area_; }
    // The output at the centre of cell (`column`, `row`); NaN where it overflowed.
    double value(int column, int row) const {
        return values_[std::size_t(row) * columns_ + column];
    }
    // The inputs (i1, i2) at the centre of cell (`column`, `row`): where its value was computed.
    QPointF centre(int column, int row) const;
    // The cell (column, row) that holds `inputs`; the nearest one for inputs outside the area.
    QPoint cellAt(QPointF inputs) const;
    // The lowest and the highest finite value (NaN when none is).
    double lowest() const { return lowest_; }
    double highest() const { return highest_; }
    // Whether every value is a finite number.
    bool allFinite() const { return allFinite_; }

private:
    InputArea area_;
    int columns_ = 0;
    int rows_ = 0;
    std::vector<double> values_;  // row by row
    double lowest_ = 0.0;
    double highest_ = 0.0;
    bool allFinite_ = true;
};

}  // namespace ui
