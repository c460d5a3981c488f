#pragma once

#include <cmath>
#include <random>
#include <vector>

#include "core/networkconfig.h"

namespace testing_support {

// f of each activation, written here, not taken from the engine's table.
inline double referenceActivation(core::Activation activation, double net) {
    switch (activation) {
        case core::Activation::Sigmoid:
            return 1.0 / (1.0 + std::exp(-net));
        case core::Activation::Tanh:
            return std::tanh(net);
        case core::Activation::Relu:
            return net > 0.0 ? net : 0.0;
        case core::Activation::Linear:
            return net;
    }
    return NAN;
}

// E by a plain forward pass from the documented layout: weights layer by layer, for each
// destination, for each source; biases one per layer (shared) or one per node, layer by layer.
inline double referenceLoss(const core::NetworkConfig& config, const core::Parameters& parameters) {
    const bool perNode = config.biasMode == core::BiasMode::PerNode;
    double total = 0.0;
    for (const core::Sample& sample : config.samples) {
        std::vector<double> outs = sample.input;
        std::size_t weight = 0, bias = 0;
        for (std::size_t l = 1; l < config.layers.size(); ++l) {
            std::vector<double> next(config.layers[l]);
            for (int d = 0; d < config.layers[l]; ++d) {
                double net = 0.0;
                for (const double out : outs)
                    net += parameters.weights[weight++] * out;
                net += parameters.biases[bias + (perNode ? d : 0)];
                next[d] = referenceActivation(config.activations[l - 1], net);
            }
            bias += perNode ? config.layers[l] : 1;
            outs = next;
        }
        for (std::size_t k = 0; k < outs.size(); ++k)
            total += 0.5 * (sample.target[k] - outs[k]) * (sample.target[k] - outs[k]);
    }
    return total / double(config.samples.size());
}

// A network of random shape (2 to 4 layers of 1 to 9 nodes, 1 to 5 samples) with every layer's
// activation `activation`, weights drawn from a random seed.
inline core::NetworkConfig randomNetwork(core::Activation activation, core::BiasMode biasMode,
                                         std::mt19937_64& random) {
    std::uniform_real_distribution<double> uniform(-1.0, 1.0);
    core::NetworkConfig config;
    config.layers.clear();
    const int layers = 2 + int(random() % 3);
    for (int l = 0; l < layers; ++l)
        config.layers.push_back(1 + int(random() % 9));
    config.activations.assign(layers - 1, activation);
    config.biasMode = biasMode;
    config.seed = random();
    config.samples.resize(1 + random() % 5);
    for (core::Sample& sample : config.samples) {
        for (int i = 0; i < config.layers.front(); ++i)
            sample.input.push_back(uniform(random));
        for (int o = 0; o < config.layers.back(); ++o)
            sample.target.push_back(uniform(random));
    }
    return config;
}

}  // namespace testing_support
