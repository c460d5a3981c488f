#pragma once

// Sessions of networks large enough that the model computes their steps, jumps and probes in
// the background, built in code (tanh hidden layers, sigmoid outputs, per-node trained biases,
// samples drawn with a fixed seed).

#include <random>
#include <vector>

#include "ui/session/sessionfile.h"

namespace testing_support {

inline session::Session largeSession(const std::vector<int>& layers, int samples,
                                     double learningRate = 0.1) {
    session::Session session;
    core::NetworkConfig& config = session.config;
    config.layers = layers;
    config.activations.assign(layers.size() - 2, core::Activation::Tanh);
    config.activations.push_back(core::Activation::Sigmoid);
    config.biasMode = core::BiasMode::PerNode;
    config.trainBiases = true;
    config.learningRate = learningRate;
    config.seed = 7;
    std::mt19937_64 random(11);
    std::uniform_real_distribution<double> input(-1, 1), target(0.05, 0.95);
    for (int s = 0; s < samples; ++s) {
        core::Sample sample;
        for (int i = 0; i < layers.front(); ++i)
            sample.input.push_back(input(random));
        for (int o = 0; o < layers.back(); ++o)
            sample.target.push_back(target(random));
        config.samples.push_back(sample);
    }
    return session;
}

// A network whose step (a snapshot of 1.3 million values) and jumps (replays of up to 8 updates
// of 1.1 million multiply-adds) go to a worker, yet that trains in milliseconds.
inline session::Session backgroundSession() {
    return largeSession({2, 64, 64, 2}, 256);
}

// The largest the lab allows: 2-64-64-64-64-64-64-2 with 1024 samples.
inline session::Session largestSession() {
    return largeSession({2, 64, 64, 64, 64, 64, 64, 2}, 1024);
}

}  // namespace testing_support
