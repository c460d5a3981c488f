#include "reshape.h"

#include <algorithm>

namespace core {

NetworkConfig reshaped(const NetworkConfig& config, const Parameters& parameters,
                       const std::vector<int>& layers, const std::vector<Activation>& activations,
                       const std::vector<int>& fromLayer) {
    NetworkConfig old = config;
    storeParameters(parameters, old);  // the state being edited, as nested lists
    NetworkConfig result = config;
    result.layers = layers;
    result.activations = activations;
    result.weights.clear();
    result.biases.clear();
    // Everything drawn from the seed first, then what is kept written over it.
    storeParameters(initialParameters(result), result);
    for (std::size_t l = 0; l + 1 < layers.size(); ++l) {
        const int from = fromLayer[l], to = fromLayer[l + 1];
        if (from >= 0 && to == from + 1) {
            const auto& kept = old.weights[from];
            auto& rows = result.weights[l];
            for (std::size_t d = 0; d < rows.size() && d < kept.size(); ++d)
                for (std::size_t s = 0; s < rows[d].size() && s < kept[d].size(); ++s)
                    rows[d][s] = kept[d][s];
        }
        if (to >= 1) {
            const auto& kept = old.biases[to - 1];
            auto& biases = result.biases[l];
            for (std::size_t k = 0; k < biases.size() && k < kept.size(); ++k)
                biases[k] = kept[k];
        }
    }
    const auto fit = [](std::vector<double>& values, int size) { values.resize(size, 0.0); };
    for (Sample& sample : result.samples) {
        fit(sample.input, layers.front());
        fit(sample.target, layers.back());
    }
    return result;
}

NetworkConfig changedShape(const NetworkConfig& config, const Parameters& parameters,
                           ShapeChange change, std::string& error) {
    const int count = int(config.layers.size());
    std::vector<int> layers = config.layers;
    std::vector<Activation> activations = config.activations;
    std::vector<int> fromLayer(count);
    for (int l = 0; l < count; ++l)
        fromLayer[l] = l;
    const int l = change.layer;
    error.clear();
    switch (change.kind) {
    case ShapeChange::Kind::AddNode:
    case ShapeChange::Kind::RemoveNode: {
        if (l < 0 || l >= count) {
            error = "there is no layer " + std::to_string(l);
            break;
        }
        const bool add = change.kind == ShapeChange::Kind::AddNode;
        layers[l] += add ? 1 : -1;
        if (layers[l] > ConfigLimits::maxLayerSize)
            error = "a layer has at most " + std::to_string(ConfigLimits::maxLayerSize) + " nodes";
        if (layers[l] < 1) error = "a layer keeps at least one node";
        break;
    }
    case ShapeChange::Kind::AddLayer:
        if (l < 1 || l >= count) {
            error = "a hidden layer goes between the inputs and the outputs";
            break;
        }
        if (count >= ConfigLimits::maxLayers) {
            error = "a network has at most " + std::to_string(ConfigLimits::maxLayers) + " layers";
            break;
        }
        layers.insert(layers.begin() + l, std::max(config.layers[l - 1], 1));
        // The hidden layers' activation (the first hidden layer's; the output's when none).
        activations.insert(activations.begin() + (l - 1), activations.front());
        fromLayer.insert(fromLayer.begin() + l, -1);
        break;
    case ShapeChange::Kind::RemoveLayer:
        if (l < 1 || l >= count - 1) {
            error = "only a hidden layer can be removed";
            break;
        }
        layers.erase(layers.begin() + l);
        activations.erase(activations.begin() + (l - 1));
        fromLayer.erase(fromLayer.begin() + l);
        break;
    }
    if (!error.empty()) return config;
    return reshaped(config, parameters, layers, activations, fromLayer);
}

std::string describe(const NetworkConfig& config, ShapeChange change) {
    const Topology topology = topologyOf(config);
    const int l = change.layer;
    const bool known = l >= 0 && l < topology.layerCount();
    std::string layer = "hidden layer " + std::to_string(l);
    if (l == 0) layer = "the inputs";
    if (known && l == topology.layerCount() - 1) layer = "the outputs";
    if (known && l > 0 && l < topology.layerCount() - 1 && topology.layerCount() == 3)
        layer = "the hidden layer";
    switch (change.kind) {
    case ShapeChange::Kind::AddNode:
        return "add a node to " + layer;
    case ShapeChange::Kind::RemoveNode:
        return "remove a node from " + layer;
    case ShapeChange::Kind::AddLayer:
        return "add a hidden layer";
    case ShapeChange::Kind::RemoveLayer:
        return "remove hidden layer " + std::to_string(l);
    }
    return {};
}

}  // namespace core
