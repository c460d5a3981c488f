#pragma once

#include <cstddef>
#include <string>

#include "topology.h"

namespace core {

// The kinds of number a training step computes, and the givens it computes them from.
enum class Quantity {
    Net,                  // net of a node
    Out,                  // out of a node
    OutputError,          // E_o = 1/2 (target - out)^2 of one output node
    SampleLoss,           // E of one sample: the sum of its output errors
    Loss,                 // E_total: the mean of the sample losses
    DLoss_dOut,           // dE/dout of a node
    PathDLoss_dOut,       // one path's share of a hidden node's dE/dout: delta_via * w(node -> via)
    DOut_dNet,            // dout/dnet of a node
    Delta,                // delta = dE/dnet of a node
    SampleDLoss_dWeight,  // dE/dw of one sample's loss
    SampleDLoss_dBias,    // dE/db of one sample's loss
    DLoss_dWeight,        // dE/dw of the batch loss
    DLoss_dBias,          // dE/db of the batch loss
    NewWeight,            // w - lr * dE/dw (with momentum: w - lr * v_w+)
    NewBias,              // b - lr * dE/db (with momentum: b - lr * v_b+)
    NewWeightVelocity,    // v_w+ = beta * v_w + dE/dw: a weight's velocity after the update
    NewBiasVelocity,      // v_b+ = beta * v_b + dE/db
    // The step's givens: read by its formulas, never computed by a term of the explanation nor
    // reported by a divergence. The inputs are not among them: they are Out of layer 0.
    Weight,          // a weight's value before the update (`parameter`)
    Bias,            // a bias's value before the update (`parameter`)
    Target,          // the target of output node `node` in `sample` (`layer`: the output layer)
    LearningRate,    // lr of the update
    WeightVelocity,  // a weight's velocity before the update (`parameter`); 0 at the start
    BiasVelocity,    // a bias's velocity before the update (`parameter`)
    Momentum,        // beta of the update: how much of the velocity carries over
};

// Names one number of a step: its kind and where it sits.
struct QuantityRef {
    Quantity quantity = Quantity::Loss;
    int sample = -1;     // the sample, for per-sample quantities; -1 otherwise
    int layer = -1;      // the node's layer, for node quantities
    int node = -1;       // the node within `layer`
    int parameter = -1;  // the weight or bias index, for parameter quantities
    int via = -1;        // PathDLoss_dOut: the node of layer+1 the path runs through

    bool operator==(const QuantityRef&) const = default;
};

// Hashes a QuantityRef, to index terms by the quantity they compute.
struct QuantityRefHash {
    std::size_t operator()(const QuantityRef& ref) const {
        std::size_t hash = static_cast<std::size_t>(ref.quantity);
        for (int field : {ref.sample, ref.layer, ref.node, ref.parameter, ref.via})
            hash = hash * 1000003u ^ static_cast<std::size_t>(field + 1);
        return hash;
    }
};

// A short plain-text name such as "net_o1", "dE/dw5", "w5 (new)", "w5", "target_o1", "lr", with
// " of sample 2" when the batch holds several samples.
std::string quantityName(const Topology& topology, const QuantityRef& ref, int sampleCount);

}  // namespace core
