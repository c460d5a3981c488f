#pragma once

#include <string>
#include <vector>

#include "activation.h"

namespace core {

// Whether a layer has one bias for all its nodes (the worked example) or one bias per node.
enum class BiasMode { Shared, PerNode };

// "shared" or "per-node", as in session files.
std::string_view biasModeName(BiasMode mode);

// The mode called `name`, or nothing.
std::optional<BiasMode> biasModeFromName(std::string_view name);

// Where one layer's values sit in the flat arrays of nodes, weights and biases.
struct LayerShape {
    int size = 0;          // number of nodes
    int nodeOffset = 0;    // index of the layer's first node among all nodes
    int weightOffset = 0;  // index of the first weight into this layer (none for the input layer)
    int biasOffset = 0;    // index of the layer's (first) bias (none for the input layer)
    int biasStride = 0;    // 0 when the layer shares one bias, 1 with a bias per node
    Activation activation = Activation::Linear;  // f of this layer (unused for the input layer)
    bool operator==(const LayerShape&) const = default;
};

// The two nodes a weight connects: it carries out of `source` in layer-1 into `destination`.
struct WeightEnds {
    int layer = 0;        // the destination's layer (1 .. layerCount-1)
    int destination = 0;  // node index within `layer`
    int source = 0;       // node index within `layer - 1`
};

// The shape of a fully connected feed-forward network and the names of its parts.
// Weights are numbered layer by layer, for each destination node, for each source node, so that
// in a 2-2-2 network w1 = i1->h1, w2 = i2->h1, w3 = i1->h2, .., w8 = h2->o2.
class Topology {
public:
    // Layer sizes from input to output and one activation for each non-input layer; the caller
    // has validated them (see validateConfig).
    Topology(const std::vector<int>& layerSizes, const std::vector<Activation>& activations,
             BiasMode biasMode);

    int layerCount() const { return static_cast<int>(layers_.size()); }
    int layerSize(int layer) const { return layers_[layer].size; }
    const LayerShape& layer(int layer) const { return layers_[layer]; }
    int inputCount() const { return layers_.front().size; }
    int outputCount() const { return layers_.back().size; }
    // Number of nodes in all layers together, inputs included.
    int nodeCount() const { return nodeCount_; }
    // Index of a node among all nodes, layer by layer.
    int nodeIndex(int layer, int node) const { return layers_[layer].nodeOffset + node; }
    Activation activation(int layer) const { return layers_[layer].activation; }
    BiasMode biasMode() const { return biasMode_; }

    int weightCount() const { return weightCount_; }
    int weightIndex(int layer, int destination, int source) const {
        return layers_[layer].weightOffset + destination * layers_[layer - 1].size + source;
    }
    WeightEnds weightEnds(int weight) const;

    int biasCount() const { return biasCount_; }
    // The bias that node `node` of `layer` (>= 1) adds to its net input.
    int biasIndex(int layer, int node) const {
        return layers_[layer].biasOffset + node * layers_[layer].biasStride;
    }
    // The layer a bias belongs to.
    int biasLayer(int bias) const;

    // i1, h1, o2, or h2_3 (layer 2 of the hidden layers, node 3) when there are several.
    std::string nodeName(int layer, int node) const;
    // w1, w2, ..
    std::string weightName(int weight) const;
    // b1, b2, .. (shared) or b_h1, b_o2, .. (per node).
    std::string biasName(int bias) const;

    std::vector<int> layerSizes() const;
    std::vector<Activation> activations() const;

    bool operator==(const Topology&) const = default;

private:
    std::vector<LayerShape> layers_;
    BiasMode biasMode_;
    int nodeCount_ = 0;
    int weightCount_ = 0;
    int biasCount_ = 0;
};

}  // namespace core
