#pragma once

#include <cstddef>
#include <vector>

#include "backpropagation.h"
#include "matrixproduct.h"

namespace core {

// What the matrix-form pass keeps from one step to the next, so that a step allocates nothing:
// every layer's outs for every sample, two layers' worth of dE/dout, one layer's weights turned
// source-major. Its size is O(nodes x samples + parameters); no per-sample gradient is kept.
struct BatchWorkspace {
    std::vector<double> outs;        // layer l: samples x size at samples * nodeOffset(l)
    std::vector<double> dOuts;        // dE/dout, then delta, of the layer being worked back
    std::vector<double> dOutsBelow;   // dE/dout of the layer below it
    std::vector<double> transposed;  // weights into one layer, source-major
    // Which build of the matrix kernels runs (tests compare them all).
    Instructions instructions = Instructions::Best;
};

// Whether backpropagateBatch is the faster pass for this shape and batch (both give the same
// bits; this only picks the quicker one).
bool prefersBatchPass(const Topology& topology, std::size_t sampleCount);

// backpropagate() in matrix form: the whole batch one layer at a time, each layer's sums as one
// matrix product. Bit-identical to the sample-by-sample pass on every processor: each sum adds
// its terms in the same order, starting the same way, and the vector kernels only run the same
// operations on independent lanes (no fused multiply-add, no reordering). Writes the same node
// values and sample losses into `buffers` when they ask for them; never writes
// buffers.sampleGradients.
double backpropagateBatch(const Topology& topology, const double* weights, const double* biases,
                          const std::vector<Sample>& samples, const PassBuffers& buffers,
                          BatchWorkspace& workspace, bool& netsFinite);

// The forward half of that pass alone, at any `count` points of the input space: `inputs` holds
// each point's inputs in turn (count x inputCount values), and no target is needed. Leaves every
// layer's outs in workspace.outs as backpropagateBatch does (layer l: count x size values from
// count * nodeOffset(l), the output layer's last), the same bits as both passes' forward values.
// Returns whether every net input came out finite. What the network answers anywhere.
bool forwardBatch(const Topology& topology, const double* weights, const double* biases,
                  const double* inputs, std::size_t count, BatchWorkspace& workspace);

}  // namespace core
