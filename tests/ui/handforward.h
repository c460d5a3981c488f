#pragma once

// A network's forward pass written here from the definition, for tests to check the engine's
// numbers against: every node's net is its bias plus the previous layer's outs times their
// weights, its out the activation of that.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "../core/referencenetwork.h"
#include "core/networkconfig.h"
#include "core/topology.h"

namespace testing_support {

// The outputs of the network of `topology` at `parameters` for `inputs`.
inline std::vector<double> forwardByHand(const core::Topology& topology,
                                         const core::Parameters& parameters,
                                         std::vector<double> inputs) {
    std::vector<double> outs = std::move(inputs);
    for (int layer = 1; layer < topology.layerCount(); ++layer) {
        std::vector<double> next;
        for (int node = 0; node < topology.layerSize(layer); ++node) {
            double net = parameters.biases[topology.biasIndex(layer, node)];
            for (int source = 0; source < int(outs.size()); ++source)
                net += parameters.weights[topology.weightIndex(layer, node, source)] * outs[source];
            next.push_back(referenceActivation(topology.activation(layer), net));
        }
        outs = next;
    }
    return outs;
}

}  // namespace testing_support
