#pragma once

// The networks the benchmarks time, built the same way in every benchmark file: the worked
// example and the largest session the engine allows; and the fastest of three timings.
#include <algorithm>
#include <chrono>
#include <cstdint>

#include "core/networkconfig.h"

namespace testing_support {

inline core::NetworkConfig workedExample() {
    core::NetworkConfig config;
    config.weights = {{{0.15, 0.20}, {0.25, 0.30}}, {{0.40, 0.45}, {0.50, 0.55}}};
    config.biases = {{0.35}, {0.60}};
    config.samples = {{{0.05, 0.10}, {0.01, 0.99}}};
    return config;
}

// The largest network the issue names (2-64-64-64-64-64-64-2, tanh hidden, sigmoid out, per-node
// trained biases, 1,024 samples): one forward and backward pass sample by sample against the
// same pass in matrix form, which the trainer takes at this size. Both give the same bits.
inline core::NetworkConfig largestNetwork() {
    core::NetworkConfig config;
    config.layers = {2, 64, 64, 64, 64, 64, 64, 2};
    config.activations.assign(7, core::Activation::Tanh);
    config.activations.back() = core::Activation::Sigmoid;
    config.biasMode = core::BiasMode::PerNode;
    config.trainBiases = true;
    config.learningRate = 0.1;
    std::uint64_t state = 11;
    const auto uniform = [&] {  // a small LCG: the numbers only need to be spread out
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return double(state >> 11) / double(1ULL << 53) * 2.0 - 1.0;
    };
    config.samples.resize(1024);
    for (core::Sample& sample : config.samples) {
        sample.input = {uniform(), uniform()};
        sample.target = {0.5 + 0.4 * uniform(), 0.5 + 0.4 * uniform()};
    }
    return config;
}

// The fastest of three timings of `repetitions` calls of `body`, in nanoseconds per call.
template <class Body>
inline double fastestNanoseconds(long long repetitions, Body&& body) {
    double fastest = 1e300;
    for (int round = 0; round < 3; ++round) {
        const auto start = std::chrono::steady_clock::now();
        for (long long r = 0; r < repetitions; ++r)
            body();
        const std::chrono::duration<double, std::nano> elapsed =
            std::chrono::steady_clock::now() - start;
        fastest = std::min(fastest, elapsed.count() / double(repetitions));
    }
    return fastest;
}

}  // namespace testing_support
