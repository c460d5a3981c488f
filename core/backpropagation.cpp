#include "backpropagation.h"

#include <algorithm>
#include <cmath>

namespace core {

namespace {

// Forward: the inputs are the outs of layer 0; every later node sums what its weights carry in,
// adds its bias and applies the layer's activation. Returns false if a net is not finite.
bool forward(const Topology& topology, const double* weights, const double* biases,
             const Sample& sample, NodeValues* nodes) {
    bool finite = true;
    for (int i = 0; i < topology.inputCount(); ++i)
        nodes[i] = {sample.input[i], sample.input[i], 0.0, 0.0, 0.0};
    for (int l = 1; l < topology.layerCount(); ++l) {
        const LayerShape& layer = topology.layer(l);
        const LayerShape& previous = topology.layer(l - 1);
        const NodeValues* source = nodes + previous.nodeOffset;
        NodeValues* destination = nodes + layer.nodeOffset;
        const double* w = weights + layer.weightOffset;
        for (int d = 0; d < layer.size; ++d, w += previous.size) {
            double sum = 0.0;
            for (int s = 0; s < previous.size; ++s)
                sum += w[s] * source[s].out;
            const double net = sum + biases[layer.biasOffset + d * layer.biasStride];
            finite &= std::isfinite(net);
            destination[d].net = net;
            destination[d].out = activate(layer.activation, net);
        }
    }
    return finite;
}

// The sample loss E_s = sum 1/2 (t - o)^2, and dE/dout = -(t - o) at each output.
double outputLoss(const Topology& topology, const Sample& sample, NodeValues* nodes) {
    const LayerShape& output = topology.layer(topology.layerCount() - 1);
    double loss = 0.0;
    for (int k = 0; k < output.size; ++k) {
        NodeValues& node = nodes[output.nodeOffset + k];
        const double difference = sample.target[k] - node.out;
        loss += 0.5 * difference * difference;
        node.dLoss_dOut = -difference;
    }
    return loss;
}

// Backward, from the output layer down: each node's delta = dE/dout * dout/dnet; each weight's
// dE/dw = delta of its destination * out of its source; each bias's dE/db = its delta (a shared
// bias: the sum of its layer's deltas); each hidden node's dE/dout = sum over the nodes it feeds
// of their delta * the weight between (one term per path).
void backward(const Topology& topology, const double* weights, NodeValues* nodes,
              double* gradient) {
    double* biasGradient = gradient + topology.weightCount();
    for (int l = topology.layerCount() - 1; l >= 1; --l) {
        const LayerShape& layer = topology.layer(l);
        const LayerShape& previous = topology.layer(l - 1);
        NodeValues* source = nodes + previous.nodeOffset;
        NodeValues* destination = nodes + layer.nodeOffset;
        const double* w = weights + layer.weightOffset;
        double* weightGradient = gradient + layer.weightOffset;
        if (layer.biasStride == 0) biasGradient[layer.biasOffset] = 0.0;
        for (int d = 0; d < layer.size; ++d) {
            NodeValues& node = destination[d];
            node.dOut_dNet = activationSlope(layer.activation, node.out);
            node.delta = node.dLoss_dOut * node.dOut_dNet;
            for (int s = 0; s < previous.size; ++s)
                weightGradient[d * previous.size + s] = node.delta * source[s].out;
            if (layer.biasStride == 0)
                biasGradient[layer.biasOffset] += node.delta;
            else
                biasGradient[layer.biasOffset + d] = node.delta;
        }
        if (l == 1) break;
        for (int s = 0; s < previous.size; ++s)
            source[s].dLoss_dOut = 0.0;
        for (int d = 0; d < layer.size; ++d)
            for (int s = 0; s < previous.size; ++s)
                source[s].dLoss_dOut += destination[d].delta * w[d * previous.size + s];
    }
}

}  // namespace

double backpropagate(const Topology& topology, const double* weights, const double* biases,
                     const std::vector<Sample>& samples, const PassBuffers& buffers,
                     bool& netsFinite) {
    const int parameterCount = topology.weightCount() + topology.biasCount();
    std::fill(buffers.gradient, buffers.gradient + parameterCount, 0.0);
    double lossSum = 0.0;
    netsFinite = true;
    for (std::size_t s = 0; s < samples.size(); ++s) {
        NodeValues* nodes = buffers.nodes + s * buffers.nodeStride;
        double* sampleGradient = buffers.sampleGradients + s * buffers.gradientStride;
        netsFinite &= forward(topology, weights, biases, samples[s], nodes);
        const double sampleLoss = outputLoss(topology, samples[s], nodes);
        backward(topology, weights, nodes, sampleGradient);
        if (buffers.sampleLosses) buffers.sampleLosses[s] = sampleLoss;
        // The batch gradient sums the sample gradients, then takes their mean.
        lossSum += sampleLoss;
        for (int p = 0; p < parameterCount; ++p)
            buffers.gradient[p] += sampleGradient[p];
    }
    if (samples.size() == 1) return lossSum;
    const double count = static_cast<double>(samples.size());
    for (int p = 0; p < parameterCount; ++p)
        buffers.gradient[p] /= count;
    return lossSum / count;
}

}  // namespace core
