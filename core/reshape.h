#pragma once

#include <string>
#include <vector>

#include "networkconfig.h"

namespace core {

// A change of a network's shape as the student makes it: a node more or less in one layer, or a
// hidden layer more or less.
struct ShapeChange {
    enum class Kind {
        AddNode,     // a node after the last of `layer` (any layer)
        RemoveNode,  // the last node of `layer`
        AddLayer,    // a hidden layer inserted at index `layer` (1 to the output layer's index),
                     // as large as the layer before it, with the hidden layers' activation
        RemoveLayer  // hidden layer `layer`
    };
    Kind kind = Kind::AddNode;
    int layer = 1;
};

// `config` reshaped to `layers`, with new layer l coming from old layer `fromLayer[l]` (-1: a new
// layer). A weight between two kept layers that are adjacent in both shapes, and a bias of a kept
// layer, keeps its value in `parameters` (the state being edited) where its nodes still exist;
// every other parameter is drawn from the seed as a session file without it would draw it.
// Samples gain inputs and targets of 0 for new input and output nodes and lose those of removed
// ones. `activations` are those of the new non-input layers. Nothing is checked: see
// validateConfig.
NetworkConfig reshaped(const NetworkConfig& config, const Parameters& parameters,
                       const std::vector<int>& layers, const std::vector<Activation>& activations,
                       const std::vector<int>& fromLayer);

// `config` (at `parameters`) with `change` made; empty `error` when it is allowed, else one
// sentence saying why not (the engine's bounds: 2 to 8 layers of 1 to 64 nodes).
NetworkConfig changedShape(const NetworkConfig& config, const Parameters& parameters,
                           ShapeChange change, std::string& error);

// What `change` does, in words: "add a node to h", "remove hidden layer 2".
std::string describe(const NetworkConfig& config, ShapeChange change);

}  // namespace core
