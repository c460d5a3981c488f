#include "networkconfig.h"

#include <cmath>
#include <random>

namespace core {

namespace {

std::string at(const std::string& field, std::size_t index) {
    return field + "[" + std::to_string(index) + "]";
}

// Checks that `values` has `size` finite entries; names the first that is not.
std::string checkVector(const std::vector<double>& values, std::size_t size,
                        const std::string& field) {
    if (values.size() != size)
        return field + ": expected " + std::to_string(size) + " values, got " +
               std::to_string(values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        if (!std::isfinite(values[i])) return at(field, i) + ": not a finite number";
    return {};
}

std::string checkShape(const NetworkConfig& config) {
    const auto& layers = config.layers;
    if (layers.size() < ConfigLimits::minLayers || layers.size() > ConfigLimits::maxLayers)
        return "layers: expected " + std::to_string(ConfigLimits::minLayers) + " to " +
               std::to_string(ConfigLimits::maxLayers) + " layers, got " +
               std::to_string(layers.size());
    for (std::size_t l = 0; l < layers.size(); ++l)
        if (layers[l] < 1 || layers[l] > ConfigLimits::maxLayerSize)
            return at("layers", l) + ": a layer has 1 to " +
                   std::to_string(ConfigLimits::maxLayerSize) + " nodes, got " +
                   std::to_string(layers[l]);
    if (config.activations.size() != layers.size() - 1)
        return "activations: expected one per non-input layer (" +
               std::to_string(layers.size() - 1) + "), got " +
               std::to_string(config.activations.size());
    return {};
}

std::string checkParameters(const NetworkConfig& config) {
    const auto& layers = config.layers;
    const std::size_t weightLayers = layers.size() - 1;
    if (!config.weights.empty()) {
        if (config.weights.size() != weightLayers)
            return "weights: expected " + std::to_string(weightLayers) +
                   " layers of weights, got " + std::to_string(config.weights.size());
        for (std::size_t l = 0; l < weightLayers; ++l) {
            const std::string field = at("weights", l);
            const auto& rows = config.weights[l];
            if (rows.size() != static_cast<std::size_t>(layers[l + 1]))
                return field + ": expected one row per node of layer " + std::to_string(l + 1) +
                       " (" + std::to_string(layers[l + 1]) + "), got " +
                       std::to_string(rows.size());
            for (std::size_t d = 0; d < rows.size(); ++d)
                if (auto error = checkVector(rows[d], layers[l], at(field, d)); !error.empty())
                    return error;
        }
    }
    if (!config.biases.empty()) {
        if (config.biases.size() != weightLayers)
            return "biases: expected one entry per non-input layer (" +
                   std::to_string(weightLayers) + "), got " + std::to_string(config.biases.size());
        for (std::size_t l = 0; l < weightLayers; ++l) {
            const std::size_t size =
                config.biasMode == BiasMode::Shared ? 1 : static_cast<std::size_t>(layers[l + 1]);
            if (auto error = checkVector(config.biases[l], size, at("biases", l)); !error.empty())
                return error;
        }
    }
    return {};
}

std::string checkSamples(const NetworkConfig& config) {
    const auto& samples = config.samples;
    if (samples.empty() || samples.size() > ConfigLimits::maxSamples)
        return "samples: expected 1 to " + std::to_string(ConfigLimits::maxSamples) +
               " samples, got " + std::to_string(samples.size());
    for (std::size_t s = 0; s < samples.size(); ++s) {
        const std::string field = at("samples", s);
        if (auto error = checkVector(samples[s].input, config.layers.front(), field + ".input");
            !error.empty())
            return error;
        if (auto error = checkVector(samples[s].target, config.layers.back(), field + ".target");
            !error.empty())
            return error;
    }
    return {};
}

// Uniform doubles in [0, 1) from a 64-bit Mersenne Twister, the same on every platform
// (std::uniform_real_distribution is not).
class UnitRandom {
public:
    explicit UnitRandom(std::uint64_t seed) : engine_(seed) {}
    double next() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

private:
    std::mt19937_64 engine_;
};

}  // namespace

std::string validateConfig(const NetworkConfig& config) {
    if (auto error = checkShape(config); !error.empty()) return error;
    if (!std::isfinite(config.learningRate) || config.learningRate <= 0.0 ||
        config.learningRate > ConfigLimits::maxLearningRate)
        return "learning_rate: must be a number above 0 and at most 1e6";
    if (!(config.momentum >= 0.0 && config.momentum < 1.0))
        return "momentum: must be a number from 0 up to, not including, 1";
    if (auto error = checkParameters(config); !error.empty()) return error;
    return checkSamples(config);
}

Topology topologyOf(const NetworkConfig& config) {
    return Topology(config.layers, config.activations, config.biasMode);
}

Parameters initialParameters(const NetworkConfig& config) {
    const Topology topology = topologyOf(config);
    Parameters parameters;
    parameters.weights.resize(topology.weightCount());
    parameters.biases.resize(topology.biasCount());

    // Draw every parameter in a fixed order, so a given seed always yields the same network.
    UnitRandom random(config.seed);
    for (int l = 1; l < topology.layerCount(); ++l) {
        const double bound = std::sqrt(6.0 / (topology.layerSize(l - 1) + topology.layerSize(l)));
        for (int d = 0; d < topology.layerSize(l); ++d)
            for (int s = 0; s < topology.layerSize(l - 1); ++s)
                parameters.weights[topology.weightIndex(l, d, s)] =
                    (2.0 * random.next() - 1.0) * bound;
    }
    for (double& bias : parameters.biases)
        bias = (2.0 * random.next() - 1.0) * 0.5;

    // Then take what the configuration lists.
    for (std::size_t l = 0; l < config.weights.size(); ++l)
        for (std::size_t d = 0; d < config.weights[l].size(); ++d)
            for (std::size_t s = 0; s < config.weights[l][d].size(); ++s)
                parameters.weights[topology.weightIndex(l + 1, d, s)] = config.weights[l][d][s];
    for (std::size_t l = 0; l < config.biases.size(); ++l)
        for (std::size_t k = 0; k < config.biases[l].size(); ++k)
            parameters.biases[topology.biasIndex(l + 1, k)] = config.biases[l][k];
    return parameters;
}

void storeParameters(const Parameters& parameters, NetworkConfig& config) {
    const Topology topology = topologyOf(config);
    config.weights.assign(topology.layerCount() - 1, {});
    config.biases.assign(topology.layerCount() - 1, {});
    for (int l = 1; l < topology.layerCount(); ++l) {
        auto& rows = config.weights[l - 1];
        rows.assign(topology.layerSize(l), std::vector<double>(topology.layerSize(l - 1)));
        for (int d = 0; d < topology.layerSize(l); ++d)
            for (int s = 0; s < topology.layerSize(l - 1); ++s)
                rows[d][s] = parameters.weights[topology.weightIndex(l, d, s)];
        const int biases = topology.biasMode() == BiasMode::Shared ? 1 : topology.layerSize(l);
        for (int k = 0; k < biases; ++k)
            config.biases[l - 1].push_back(parameters.biases[topology.biasIndex(l, k)]);
    }
}

}  // namespace core
