#include "losslandscape.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

#include "cpu.h"

namespace core {

double LossLandscape::evaluationCost(const Topology& topology, std::size_t sampleCount) {
    // Per sample: each node's sum over the layer below, its bias and its activation.
    double perSample = 0.0;
    for (int l = 1; l < topology.layerCount(); ++l)
        perSample += topology.layerSize(l) * (topology.layerSize(l - 1) + kActivationCost);
    return perSample * double(sampleCount);
}

double LossLandscape::gridCost(const Topology& topology, std::size_t sampleCount, int size) {
    return evaluationCost(topology, sampleCount) * double(size) * double(size);
}

int LossLandscape::affordableSize(const Topology& topology, std::size_t sampleCount, int wanted,
                                  double budget) {
    const double points = budget / evaluationCost(topology, sampleCount);
    const double side = std::floor(std::sqrt(std::max(points, 0.0)));
    return std::clamp(static_cast<int>(std::min(side, double(wanted))), 2, std::max(wanted, 2));
}

LossLandscape::LossLandscape(const Topology& topology, const std::vector<Sample>& samples,
                             LandscapePlane plane, LandscapeGrid grid)
    : topology_(topology), sampleCount_(samples.size()), plane_(std::move(plane)), grid_(grid) {
    if (grid_.size < 2) throw std::invalid_argument("a landscape needs at least 2 points a side");
    if (plane_.parameterCount() != topology.weightCount() + topology.biasCount())
        throw std::invalid_argument("the landscape's plane is not in this network's parameters");
    // The batch laid out flat once, as the forward pass and the loss read it.
    for (const Sample& sample : samples) {
        if (int(sample.input.size()) != topology.inputCount() ||
            int(sample.target.size()) != topology.outputCount())
            throw std::invalid_argument("a sample does not fit the landscape's network");
        inputs_.insert(inputs_.end(), sample.input.begin(), sample.input.end());
        targets_.insert(targets_.end(), sample.target.begin(), sample.target.end());
    }
    values_.assign(std::size_t(grid_.size) * grid_.size, std::numeric_limits<double>::quiet_NaN());
}

bool LossLandscape::compute(const std::atomic<bool>* cancelled) {
    return computeUntil(values_.size(), cancelled);
}

bool LossLandscape::computeRows(int rows, const std::atomic<bool>* cancelled) {
    const int lastRow = std::min(grid_.size, rowsDone() + std::max(rows, 0));
    return computeUntil(std::size_t(lastRow) * grid_.size, cancelled);
}

bool LossLandscape::computeUntil(std::size_t end, const std::atomic<bool>* cancelled) {
    clearUpperAvxState();  // the pass is legacy SSE calling a VEX-encoded exp
    BatchWorkspace workspace;
    Parameters point;
    const std::size_t size = grid_.size;
    for (; pointsDone_ < end; ++pointsDone_) {
        if (cancelled && cancelled->load(std::memory_order_relaxed)) return false;
        const int row = int(pointsDone_ / size);
        const int column = int(pointsDone_ % size);
        plane_.pointAt(grid_.first(row), grid_.second(column), point);
        values_[pointsDone_] = lossAt(point, workspace);
    }
    return true;
}

double LossLandscape::lossAt(const Parameters& parameters, BatchWorkspace& workspace) const {
    forwardBatch(topology_, parameters.weights.data(), parameters.biases.data(), inputs_.data(),
                 sampleCount_, workspace);
    // E as both passes add it: each sample's sum from 0.0 in output order, then the samples'
    // sum in sample order, then (for more than one sample) divided by their number.
    const int outputs = topology_.outputCount();
    const double* outs = workspace.outs.data() +
                         sampleCount_ * topology_.layer(topology_.layerCount() - 1).nodeOffset;
    double lossSum = 0.0;
    for (std::size_t s = 0; s < sampleCount_; ++s) {
        double loss = 0.0;
        for (int k = 0; k < outputs; ++k) {
            const double difference = targets_[s * outputs + k] - outs[s * outputs + k];
            loss += 0.5 * difference * difference;
        }
        lossSum += loss;
    }
    return sampleCount_ == 1 ? lossSum : lossSum / double(sampleCount_);
}

}  // namespace core
