#pragma once

#include <random>
#include <vector>

#include "core/curvature.h"
#include "core/networkconfig.h"

// Networks for the curvature tests and the curvature of one.
namespace testing_support {

// A random network with every weight and bias given: 2 to 4 layers of 1 to 4 nodes, the
// activations `activations` cycles through, 1 to 3 samples, every number in [-1, 1].
inline core::NetworkConfig randomNetwork(std::mt19937_64& random,
                                         const std::vector<core::Activation>& activations,
                                         core::BiasMode mode, bool trainBiases) {
    const auto uniform = [&] { return std::uniform_real_distribution<double>(-1, 1)(random); };
    const auto integer = [&](int low, int high) {
        return std::uniform_int_distribution<int>(low, high)(random);
    };
    core::NetworkConfig config;
    config.layers.resize(integer(2, 4));
    for (int& size : config.layers)
        size = integer(1, 4);
    config.activations.clear();
    config.weights.clear();
    config.biases.clear();
    for (std::size_t l = 1; l < config.layers.size(); ++l) {
        config.activations.push_back(activations[(l - 1) % activations.size()]);
        config.weights.emplace_back(config.layers[l]);
        for (auto& destination : config.weights.back())
            for (int s = 0; s < config.layers[l - 1]; ++s)
                destination.push_back(uniform());
        config.biases.emplace_back(mode == core::BiasMode::Shared ? 1 : config.layers[l]);
        for (double& bias : config.biases.back())
            bias = uniform();
    }
    config.biasMode = mode;
    config.trainBiases = trainBiases;
    config.samples.resize(integer(1, 3));
    for (core::Sample& sample : config.samples) {
        for (int i = 0; i < config.layers.front(); ++i)
            sample.input.push_back(uniform());
        for (int o = 0; o < config.layers.back(); ++o)
            sample.target.push_back(uniform());
    }
    return config;
}

// The curvature at the starting parameters of `config`.
inline core::Curvature curvatureOf(const core::NetworkConfig& config,
                                   const core::CurvatureOptions& options = {}) {
    return core::curvatureAt(core::topologyOf(config), core::initialParameters(config),
                             config.samples, config.trainBiases, options);
}

// A medium network of 146 trained parameters: 3-10-8-2, tanh, tanh, sigmoid, a trained bias
// per node, weights drawn from the seed, 16 samples.
inline core::NetworkConfig mediumNetwork() {
    core::NetworkConfig config;
    config.layers = {3, 10, 8, 2};
    config.activations = {core::Activation::Tanh, core::Activation::Tanh,
                          core::Activation::Sigmoid};
    config.biasMode = core::BiasMode::PerNode;
    config.trainBiases = true;
    config.seed = 7;
    std::mt19937_64 random(13);
    std::uniform_real_distribution<double> uniform(-1, 1);
    for (int s = 0; s < 16; ++s)
        config.samples.push_back({{uniform(random), uniform(random), uniform(random)},
                                  {0.5 + 0.4 * uniform(random), 0.5 + 0.4 * uniform(random)}});
    return config;
}

}  // namespace testing_support
