#pragma once

#include <cstddef>
#include <vector>

#include "networkconfig.h"
#include "stepsnapshot.h"
#include "topology.h"

namespace core {

// Where one pass over the batch writes what it computes. A stride of 0 reuses one block for
// every sample (the fast path); a stride of one block keeps every sample's values (a snapshot).
struct PassBuffers {
    double* nodes = nullptr;            // sample s: nodes + s * nodeStride, kNodeFieldCount values
    std::size_t nodeStride = 0;         // per node in nodeIndex order
    double* sampleLosses = nullptr;     // E_s per sample; may be null
    double* sampleGradients = nullptr;  // sample s: + s * gradientStride; weights, then biases;
                                        // may be `gradient` itself when there is one sample
    std::size_t gradientStride = 0;
    double* gradient = nullptr;  // dE/dp of the batch loss: weights, then biases
};

// One forward and backward pass over every sample at the given parameters. Returns E_total, the
// mean of the sample losses; `netsFinite` says whether every net input came out finite (the other
// values are checked by the caller). Hidden deltas use `weights`, the weights before any update.
double backpropagate(const Topology& topology, const double* weights, const double* biases,
                     const std::vector<Sample>& samples, const PassBuffers& buffers,
                     bool& netsFinite);

}  // namespace core
