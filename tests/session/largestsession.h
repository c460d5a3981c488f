#pragma once

#include <QChar>
#include <QString>
#include <cmath>
#include <vector>

#include "core/networkconfig.h"
#include "ui/session/sessionfile.h"

namespace testing_support {

// The largest session the limits allow, every part at its longest when written: 8 layers of 64
// nodes, per-node biases, 1024 samples, a description of control characters (6 bytes each,
// "\u0001"), the largest seed, and every number 24 characters (-1.2345678901234567e-300 and its
// neighbours, all different).
inline session::Session largestSession() {
    using Limits = core::ConfigLimits;
    double next = -1.2345678901234567e-300;
    const auto numbers = [&](int count) {
        std::vector<double> values(count);
        for (double& value : values)
            value = next = std::nextafter(next, -1.0);
        return values;
    };
    session::Session session;
    session.description = QString(session::SessionFile::maxDescriptionLength, QChar(1));
    core::NetworkConfig& config = session.config;
    config.layers.assign(Limits::maxLayers, Limits::maxLayerSize);
    config.activations.assign(Limits::maxLayers - 1, core::Activation::Tanh);
    config.biasMode = core::BiasMode::PerNode;
    config.trainBiases = true;
    config.learningRate = 1.2345678901234567e-300;
    config.seed = 1ULL << 53;
    config.weights.resize(Limits::maxLayers - 1);
    for (auto& layer : config.weights)
        for (int node = 0; node < Limits::maxLayerSize; ++node)
            layer.push_back(numbers(Limits::maxLayerSize));
    for (int layer = 1; layer < Limits::maxLayers; ++layer)
        config.biases.push_back(numbers(Limits::maxLayerSize));
    for (int sample = 0; sample < Limits::maxSamples; ++sample)
        config.samples.push_back({numbers(Limits::maxLayerSize), numbers(Limits::maxLayerSize)});
    return session;
}

}  // namespace testing_support
