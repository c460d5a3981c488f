#include "decisiongrid.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/batchpass.h"

namespace ui {

namespace {

constexpr double kMarginShare = 0.1;  // of the samples' span, on each side
constexpr double kLeastMargin = 0.5;  // on each side, where the samples share a value

// What evaluating one point costs: its multiply-adds and its activations.
double workPerPoint(const core::Topology& topology) {
    double work = 0.0;
    for (int l = 1; l < topology.layerCount(); ++l)
        work += topology.layerSize(l) * (topology.layerSize(l - 1) + DecisionGrid::kActivationCost);
    return work;
}

// [low, high] widened by a share of its span, or by the least margin when it has none.
std::pair<double, double> withMargin(double low, double high) {
    const double margin = high > low ? kMarginShare * (high - low) : kLeastMargin;
    return {low - margin, high + margin};
}

}  // namespace

InputArea InputArea::around(const std::vector<core::Sample>& samples) {
    if (samples.empty()) return {};
    double left = samples.front().input[0], right = left;
    double bottom = samples.front().input[1], top = bottom;
    for (const core::Sample& sample : samples) {
        left = std::min(left, sample.input[0]);
        right = std::max(right, sample.input[0]);
        bottom = std::min(bottom, sample.input[1]);
        top = std::max(top, sample.input[1]);
    }
    const auto [areaLeft, areaRight] = withMargin(left, right);
    const auto [areaBottom, areaTop] = withMargin(bottom, top);
    return {areaLeft, areaRight, areaBottom, areaTop};
}

QSize DecisionGrid::cellsFor(const core::Topology& topology, QSize pixels) {
    double columns = std::clamp(pixels.width() / kPixelsPerCell, 1, kMostCells);
    double rows = std::clamp(pixels.height() / kPixelsPerCell, 1, kMostCells);
    // Fewer cells, in the same proportion, when so many would cost more than the budget.
    const double affordable = kWorkBudget / workPerPoint(topology);
    if (columns * rows > affordable) {
        const double shrink = std::sqrt(affordable / (columns * rows));
        columns = std::max(1.0, std::floor(columns * shrink));
        rows = std::max(1.0, std::floor(rows * shrink));
    }
    return {int(columns), int(rows)};
}

DecisionGrid::DecisionGrid(const core::Topology& topology, const core::Parameters& parameters,
                           int output, const InputArea& area, QSize cells)
    : area_(area), columns_(cells.width()), rows_(cells.height()) {
    values_.resize(std::size_t(columns_) * rows_);
    lowest_ = std::numeric_limits<double>::infinity();
    highest_ = -lowest_;
    const std::size_t outputOffset =
        std::size_t(columns_) * topology.layer(topology.layerCount() - 1).nodeOffset;
    const int outputs = topology.outputCount();
    core::BatchWorkspace workspace;
    std::vector<double> inputs(2 * std::size_t(columns_));
    // One row of cells a pass: the engine's forward pass at each cell's centre.
    for (int row = 0; row < rows_; ++row) {
        for (int column = 0; column < columns_; ++column) {
            const QPointF point = centre(column, row);
            inputs[2 * column] = point.x();
            inputs[2 * column + 1] = point.y();
        }
        core::forwardBatch(topology, parameters.weights.data(), parameters.biases.data(),
                           inputs.data(), columns_, workspace);
        for (int column = 0; column < columns_; ++column) {
            const double out =
                workspace.outs[outputOffset + std::size_t(column) * outputs + output];
            values_[std::size_t(row) * columns_ + column] = out;
            if (!std::isfinite(out)) {
                allFinite_ = false;
                continue;
            }
            lowest_ = std::min(lowest_, out);
            highest_ = std::max(highest_, out);
        }
    }
    if (lowest_ > highest_) lowest_ = highest_ = std::numeric_limits<double>::quiet_NaN();
}

QPointF DecisionGrid::centre(int column, int row) const {
    return {area_.left + (column + 0.5) * area_.width() / columns_,
            area_.top - (row + 0.5) * area_.height() / rows_};
}

QPoint DecisionGrid::cellAt(QPointF inputs) const {
    const int column = int(std::floor((inputs.x() - area_.left) / area_.width() * columns_));
    const int row = int(std::floor((area_.top - inputs.y()) / area_.height() * rows_));
    return {std::clamp(column, 0, columns_ - 1), std::clamp(row, 0, rows_ - 1)};
}

}  // namespace ui
