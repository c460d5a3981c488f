#include "topology.h"

namespace core {

std::string_view biasModeName(BiasMode mode) {
    return mode == BiasMode::Shared ? "shared" : "per-node";
}

std::optional<BiasMode> biasModeFromName(std::string_view name) {
    if (name == "shared") return BiasMode::Shared;
    if (name == "per-node") return BiasMode::PerNode;
    return std::nullopt;
}

Topology::Topology(const std::vector<int>& layerSizes, const std::vector<Activation>& activations,
                   BiasMode biasMode)
    : biasMode_(biasMode) {
    layers_.resize(layerSizes.size());
    for (std::size_t l = 0; l < layerSizes.size(); ++l) {
        LayerShape& shape = layers_[l];
        shape.size = layerSizes[l];
        shape.nodeOffset = nodeCount_;
        nodeCount_ += shape.size;
        if (l == 0) continue;
        shape.activation = activations[l - 1];
        shape.weightOffset = weightCount_;
        weightCount_ += shape.size * layerSizes[l - 1];
        shape.biasOffset = biasCount_;
        shape.biasStride = biasMode == BiasMode::Shared ? 0 : 1;
        biasCount_ += biasMode == BiasMode::Shared ? 1 : shape.size;
    }
}

WeightEnds Topology::weightEnds(int weight) const {
    int layer = 1;
    while (layer + 1 < layerCount() && weight >= layers_[layer + 1].weightOffset)
        ++layer;
    const int local = weight - layers_[layer].weightOffset;
    const int sources = layers_[layer - 1].size;
    return {layer, local / sources, local % sources};
}

int Topology::biasLayer(int bias) const {
    int layer = 1;
    while (layer + 1 < layerCount() && bias >= layers_[layer + 1].biasOffset)
        ++layer;
    return layer;
}

std::string Topology::nodeName(int layer, int node) const {
    const std::string number = std::to_string(node + 1);
    if (layer == 0) return "i" + number;
    if (layer == layerCount() - 1) return "o" + number;
    if (layerCount() == 3) return "h" + number;
    return "h" + std::to_string(layer) + "_" + number;
}

std::string Topology::weightName(int weight) const {
    return "w" + std::to_string(weight + 1);
}

std::string Topology::biasName(int bias) const {
    const int layer = biasLayer(bias);
    if (biasMode_ == BiasMode::Shared) return "b" + std::to_string(layer);
    return "b_" + nodeName(layer, bias - layers_[layer].biasOffset);
}

std::vector<int> Topology::layerSizes() const {
    std::vector<int> sizes;
    for (const LayerShape& shape : layers_)
        sizes.push_back(shape.size);
    return sizes;
}

std::vector<Activation> Topology::activations() const {
    std::vector<Activation> result;
    for (std::size_t l = 1; l < layers_.size(); ++l)
        result.push_back(layers_[l].activation);
    return result;
}

}  // namespace core
