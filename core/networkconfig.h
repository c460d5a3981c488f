#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "activation.h"
#include "topology.h"

namespace core {

// One training example: the values put on the input nodes and those wanted from the outputs.
struct Sample {
    std::vector<double> input;   // one value per input node
    std::vector<double> target;  // one value per output node

    bool operator==(const Sample&) const = default;
};

// The trainable numbers of a network, flat: weights in the order w1, w2, .. (see Topology) and
// biases in the order of Topology::biasIndex.
struct Parameters {
    std::vector<double> weights;
    std::vector<double> biases;

    bool operator==(const Parameters&) const = default;
};

// Bounds that keep every configuration small enough to draw, explain and train interactively.
struct ConfigLimits {
    static constexpr int minLayers = 2;
    static constexpr int maxLayers = 8;
    static constexpr int maxLayerSize = 64;
    static constexpr int maxSamples = 1024;
    static constexpr double maxLearningRate = 1e6;
};

// Everything a training run needs; the in-memory form of a session file.
struct NetworkConfig {
    std::vector<int> layers{2, 2, 2};  // node count of each layer, input layer first
    std::vector<Activation> activations{Activation::Sigmoid,
                                        Activation::Sigmoid};  // non-input layers
    BiasMode biasMode = BiasMode::Shared;
    bool trainBiases = false;   // the worked example keeps its biases fixed
    double learningRate = 0.5;  // lr in p <- p - lr * v
    // beta in v <- beta * v + dE/dp, from 0 (plain gradient descent: v = dE/dp) up to, not
    // including, 1; v starts at 0.
    double momentum = 0.0;
    std::uint64_t seed = 1;  // draws the weights and biases that are not given
    // weights[l][d][s]: from node s of layer l to node d of layer l+1; empty: drawn from `seed`.
    std::vector<std::vector<std::vector<double>>> weights;
    // biases[l]: the bias of layer l+1 (one value when shared, one per node otherwise);
    // empty: drawn from `seed`.
    std::vector<std::vector<double>> biases;
    std::vector<Sample> samples;

    bool operator==(const NetworkConfig&) const = default;
};

// Empty when the engine can train `config`; otherwise one sentence that names the field at fault
// (as a session file spells it, e.g. "weights[1][0][1]") and says what is wrong.
std::string validateConfig(const NetworkConfig& config);

// The shape of a valid configuration.
Topology topologyOf(const NetworkConfig& config);

// The starting parameters of a valid configuration: those it lists, the others drawn uniformly
// from [-a, a] with a = sqrt(6 / (fan-in + fan-out)) by a generator seeded with `seed`.
Parameters initialParameters(const NetworkConfig& config);

// Writes `parameters` back into the nested lists of `config` (used to save a trained state).
void storeParameters(const Parameters& parameters, NetworkConfig& config);

}  // namespace core
