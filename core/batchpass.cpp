#include "batchpass.h"

#include <algorithm>
#include <cmath>

#include "matrixproduct.h"

namespace core {

namespace {

// Where one pass writes a snapshot's node values, if it keeps them.
struct NodeSink {
    double* nodes = nullptr;
    std::size_t stride = 0;

    bool keeps() const { return stride != 0; }
    double* at(std::size_t sample, int nodeIndex) const {
        return nodes + sample * stride + std::size_t(kNodeFieldCount) * nodeIndex;
    }
};

// Forward through layer `l`: nets as one product of the layer below's outs with the weights,
// then the bias and the activation, in place. Returns false if a net is not finite.
bool forwardLayer(const Topology& topology, int l, const double* weights, const double* biases,
                  std::size_t samples, BatchWorkspace& work, const NodeSink& sink) {
    const LayerShape& layer = topology.layer(l);
    const LayerShape& below = topology.layer(l - 1);
    const double* w = weights + layer.weightOffset;
    // Source-major weights, so that the product reads each source's weights as one row.
    for (int d = 0; d < layer.size; ++d)
        for (int k = 0; k < below.size; ++k)
            work.transposed[std::size_t(k) * layer.size + d] = w[d * below.size + k];
    const double* in = work.outs.data() + samples * below.nodeOffset;
    double* out = work.outs.data() + samples * layer.nodeOffset;
    multiply({.rows = static_cast<int>(samples),
              .columns = layer.size,
              .inner = below.size,
              .left = in,
              .leftRow = below.size,
              .leftInner = 1,
              .right = work.transposed.data(),
              .rightRow = layer.size,
              .out = out,
              .outRow = layer.size,
              .fromZero = true},
             work.instructions);

    bool finite = true;
    const double* bias = biases + layer.biasOffset;
    withActivation(layer.activation, [&](auto activation) {
        for (std::size_t s = 0; s < samples; ++s) {
            double* row = out + s * layer.size;
            for (int d = 0; d < layer.size; ++d) {
                const double net = row[d] + bias[d * layer.biasStride];
                finite &= std::isfinite(net);
                row[d] = kActivations[activation].f(net);
                if (sink.keeps()) {
                    double* node = sink.at(s, layer.nodeOffset + d);
                    node[kNet] = net;
                    node[kOut] = row[d];
                }
            }
        }
    });
    return finite;
}

// Every layer forward from the inputs in the workspace's outs, one after the other. Returns
// false if a net is not finite.
bool forwardLayers(const Topology& topology, const double* weights, const double* biases,
                   std::size_t samples, BatchWorkspace& work, const NodeSink& sink) {
    bool finite = true;
    for (int l = 1; l < topology.layerCount(); ++l)
        finite &= forwardLayer(topology, l, weights, biases, samples, work, sink);
    return finite;
}

// The sample losses E_s = sum 1/2 (t - o)^2 into the sink, dE/dout = -(t - o) into `dOuts`;
// returns the sum of the sample losses, added in sample order.
double outputLoss(const Topology& topology, const std::vector<Sample>& samples,
                  BatchWorkspace& work, const PassBuffers& buffers) {
    const LayerShape& output = topology.layer(topology.layerCount() - 1);
    const double* outs = work.outs.data() + samples.size() * output.nodeOffset;
    double lossSum = 0.0;
    for (std::size_t s = 0; s < samples.size(); ++s) {
        double loss = 0.0;
        for (int k = 0; k < output.size; ++k) {
            const double difference = samples[s].target[k] - outs[s * output.size + k];
            loss += 0.5 * difference * difference;
            work.dOuts[s * output.size + k] = -difference;
        }
        if (buffers.sampleLosses) buffers.sampleLosses[s] = loss;
        lossSum += loss;
    }
    return lossSum;
}

// Backward through layer `l`, whose dE/dout is in `dOuts`: its deltas (in place), the batch
// sums of its weights' and biases' gradients, and the dE/dout of the layer below when that is
// hidden (into `dOutsBelow`, then swapped in).
void backwardLayer(const Topology& topology, int l, const double* weights, std::size_t samples,
                   BatchWorkspace& work, const NodeSink& sink, double* gradient) {
    const LayerShape& layer = topology.layer(l);
    const LayerShape& below = topology.layer(l - 1);
    double* signal = work.dOuts.data();
    withActivation(layer.activation, [&](auto activation) {
        const double* outs = work.outs.data() + samples * layer.nodeOffset;
        for (std::size_t i = 0; i < samples * layer.size; ++i) {
            const double slope = kActivations[activation].slope(outs[i]);
            const double delta = signal[i] * slope;
            if (sink.keeps()) {
                double* node = sink.at(i / layer.size, layer.nodeOffset + int(i % layer.size));
                node[kDLoss_dOut] = signal[i];
                node[kDelta] = delta;
            }
            signal[i] = delta;
        }
    });

    // dE/dw summed over samples in sample order: delta of the destination * out of the source.
    const int sampleCount = static_cast<int>(samples);
    multiply({.rows = layer.size,
              .columns = below.size,
              .inner = sampleCount,
              .left = signal,
              .leftRow = 1,
              .leftInner = layer.size,
              .right = work.outs.data() + samples * below.nodeOffset,
              .rightRow = below.size,
              .out = gradient + layer.weightOffset,
              .outRow = below.size,
              .fromZero = false},
             work.instructions);

    // dE/db: a node's delta, or for a shared bias the sum of its layer's deltas (from 0.0).
    double* bias = gradient + topology.weightCount() + layer.biasOffset;
    for (std::size_t s = 0; s < samples; ++s) {
        const double* row = signal + s * layer.size;
        if (layer.biasStride == 0) {
            double sum = 0.0;
            for (int d = 0; d < layer.size; ++d)
                sum = sum + row[d];
            *bias = s == 0 ? sum : *bias + sum;
        } else {
            for (int d = 0; d < layer.size; ++d)
                bias[d] = s == 0 ? row[d] : bias[d] + row[d];
        }
    }

    // dE/dout of a hidden source: its paths' delta * w, added in destination order.
    if (l == 1) return;
    multiply({.rows = sampleCount,
              .columns = below.size,
              .inner = layer.size,
              .left = signal,
              .leftRow = layer.size,
              .leftInner = 1,
              .right = weights + layer.weightOffset,
              .rightRow = below.size,
              .out = work.dOutsBelow.data(),
              .outRow = below.size,
              .fromZero = false},
             work.instructions);
    work.dOuts.swap(work.dOutsBelow);
}

// The node count of the largest layer.
int widestLayer(const Topology& topology) {
    int widest = 0;
    for (int l = 0; l < topology.layerCount(); ++l)
        widest = std::max(widest, topology.layerSize(l));
    return widest;
}

}  // namespace

bool prefersBatchPass(const Topology& topology, std::size_t sampleCount) {
    // Measured in core_bench (BM_LargestPass): the matrix form wins once layers are wider than
    // a lesson's and the batch has more than a few samples.
    return widestLayer(topology) > 8 && sampleCount >= 4;
}

double backpropagateBatch(const Topology& topology, const double* weights, const double* biases,
                          const std::vector<Sample>& samples, const PassBuffers& buffers,
                          BatchWorkspace& work, bool& netsFinite) {
    const std::size_t count = samples.size();
    const int widest = widestLayer(topology);
    work.outs.resize(count * topology.nodeCount());
    work.dOuts.resize(count * widest);
    work.dOutsBelow.resize(count * widest);
    work.transposed.resize(std::size_t(widest) * widest);
    const NodeSink sink{buffers.nodes, buffers.nodeStride};

    const int inputs = topology.inputCount();
    for (std::size_t s = 0; s < count; ++s) {
        std::copy(samples[s].input.begin(), samples[s].input.end(),
                  work.outs.begin() + s * inputs);
        if (!sink.keeps()) continue;
        for (int i = 0; i < inputs; ++i) {
            double* input = sink.at(s, i);
            input[kNet] = input[kOut] = samples[s].input[i];
            input[kDLoss_dOut] = input[kDelta] = 0.0;
        }
    }
    netsFinite = forwardLayers(topology, weights, biases, count, work, sink);
    const double lossSum = outputLoss(topology, samples, work, buffers);
    for (int l = topology.layerCount() - 1; l >= 1; --l)
        backwardLayer(topology, l, weights, count, work, sink, buffers.gradient);

    if (count == 1) return lossSum;
    const double divisor = static_cast<double>(count);
    const int parameters = topology.weightCount() + topology.biasCount();
    for (int p = 0; p < parameters; ++p)
        buffers.gradient[p] /= divisor;
    return lossSum / divisor;
}

bool forwardBatch(const Topology& topology, const double* weights, const double* biases,
                  const double* inputs, std::size_t count, BatchWorkspace& work) {
    const int widest = widestLayer(topology);
    work.outs.resize(count * topology.nodeCount());
    work.transposed.resize(std::size_t(widest) * widest);
    std::copy(inputs, inputs + count * topology.inputCount(), work.outs.begin());
    return forwardLayers(topology, weights, biases, count, work, NodeSink{});
}

}  // namespace core
