#include "backpropagation.h"

#include <algorithm>
#include <cmath>
#include <type_traits>

namespace core {

namespace {

// Calls `body` with the number of nodes in a layer's source layer: a compile-time constant for
// the small layers of a lesson (1 to 8 nodes), so that their inner loops unroll completely, and
// 0 ("read it at run time") above that.
template <class Body>
void withSourceCount(int count, Body&& body) {
    switch (count) {
        case 1:
            return body(std::integral_constant<int, 1>{});
        case 2:
            return body(std::integral_constant<int, 2>{});
        case 3:
            return body(std::integral_constant<int, 3>{});
        case 4:
            return body(std::integral_constant<int, 4>{});
        case 5:
            return body(std::integral_constant<int, 5>{});
        case 6:
            return body(std::integral_constant<int, 6>{});
        case 7:
            return body(std::integral_constant<int, 7>{});
        case 8:
            return body(std::integral_constant<int, 8>{});
        default:
            return body(std::integral_constant<int, 0>{});
    }
}

// The activation (its index in kActivations) and the source count of a layer as compile-time
// constants (see withActivation and above).
template <class Body>
void withLayerKind(Activation activation, int sourceCount, Body&& body) {
    withActivation(activation,
                   [&](auto a) { withSourceCount(sourceCount, [&](auto n) { body(a, n); }); });
}

// Node `index` of a sample's flat node values.
inline double* nodeAt(double* nodes, int index) {
    return nodes + kNodeFieldCount * index;
}

// Forward: the inputs are the outs of layer 0; every later node sums what its weights carry in,
// adds its bias and applies the layer's activation. Returns false if a net is not finite.
bool forward(const Topology& topology, const double* weights, const double* biases,
             const Sample& sample, double* nodes) {
    bool finite = true;
    for (int i = 0; i < topology.inputCount(); ++i) {
        double* input = nodeAt(nodes, i);
        input[kNet] = input[kOut] = sample.input[i];
        input[kDLoss_dOut] = input[kDelta] = 0.0;
    }
    for (int l = 1; l < topology.layerCount(); ++l) {
        const LayerShape& layer = topology.layer(l);
        const int sources = topology.layerSize(l - 1);
        const double* source = nodeAt(nodes, topology.layer(l - 1).nodeOffset);
        double* destination = nodeAt(nodes, layer.nodeOffset);
        const double* bias = biases + layer.biasOffset;
        withLayerKind(layer.activation, sources, [&](auto activation, auto fixedSources) {
            const int count = fixedSources ? fixedSources() : sources;
            const double* w = weights + layer.weightOffset;
            for (int d = 0; d < layer.size; ++d, w += count) {
                double sum = 0.0;
                for (int s = 0; s < count; ++s)
                    sum += w[s] * source[kNodeFieldCount * s + kOut];
                const double net = sum + bias[d * layer.biasStride];
                finite &= std::isfinite(net);
                double* node = destination + kNodeFieldCount * d;
                node[kNet] = net;
                node[kOut] = kActivations[activation].f(net);
            }
        });
    }
    return finite;
}

// The sample loss E_s = sum 1/2 (t - o)^2, and dE/dout = -(t - o) at each output.
double outputLoss(const Topology& topology, const Sample& sample, double* nodes) {
    const LayerShape& output = topology.layer(topology.layerCount() - 1);
    double loss = 0.0;
    for (int k = 0; k < output.size; ++k) {
        double* node = nodeAt(nodes, output.nodeOffset + k);
        const double difference = sample.target[k] - node[kOut];
        loss += 0.5 * difference * difference;
        node[kDLoss_dOut] = -difference;
    }
    return loss;
}

// Backward, from the output layer down: each node's delta = dE/dout * dout/dnet; each weight's
// dE/dw = delta of its destination * out of its source; each bias's dE/db = its delta (a shared
// bias: the sum of its layer's deltas); each hidden node's dE/dout = sum over the nodes it feeds
// of their delta * the weight between (one term per path, in node order).
void backward(const Topology& topology, const double* weights, double* nodes, double* gradient) {
    double* biasGradient = gradient + topology.weightCount();
    for (int l = topology.layerCount() - 1; l >= 1; --l) {
        const LayerShape& layer = topology.layer(l);
        const int sources = topology.layerSize(l - 1);
        const bool hiddenSources = l > 1;
        double* source = nodeAt(nodes, topology.layer(l - 1).nodeOffset);
        double* destination = nodeAt(nodes, layer.nodeOffset);
        double* bias = biasGradient + layer.biasOffset;
        if (layer.biasStride == 0) *bias = 0.0;
        withLayerKind(layer.activation, sources, [&](auto activation, auto fixedSources) {
            const int count = fixedSources ? fixedSources() : sources;
            const double* w = weights + layer.weightOffset;
            double* weightGradient = gradient + layer.weightOffset;
            for (int d = 0; d < layer.size; ++d, w += count, weightGradient += count) {
                double* node = destination + kNodeFieldCount * d;
                const double slope = kActivations[activation].slope(node[kOut]);
                const double delta = node[kDLoss_dOut] * slope;
                node[kDelta] = delta;
                for (int s = 0; s < count; ++s) {
                    double* from = source + kNodeFieldCount * s;
                    weightGradient[s] = delta * from[kOut];
                    // The path through this node adds delta * w to the source's dE/dout.
                    if (hiddenSources)
                        from[kDLoss_dOut] =
                            d == 0 ? delta * w[s] : from[kDLoss_dOut] + delta * w[s];
                }
                bias[d * layer.biasStride] = layer.biasStride == 0 ? *bias + delta : delta;
            }
        });
    }
}

}  // namespace

double backpropagate(const Topology& topology, const double* weights, const double* biases,
                     const std::vector<Sample>& samples, const PassBuffers& buffers,
                     bool& netsFinite) {
    const int parameterCount = topology.weightCount() + topology.biasCount();
    double lossSum = 0.0;
    netsFinite = true;
    for (std::size_t s = 0; s < samples.size(); ++s) {
        double* nodes = buffers.nodes + s * buffers.nodeStride;
        double* sampleGradient = buffers.sampleGradients + s * buffers.gradientStride;
        netsFinite &= forward(topology, weights, biases, samples[s], nodes);
        const double sampleLoss = outputLoss(topology, samples[s], nodes);
        backward(topology, weights, nodes, sampleGradient);
        if (buffers.sampleLosses) buffers.sampleLosses[s] = sampleLoss;
        // The batch gradient sums the sample gradients, then takes their mean.
        lossSum += sampleLoss;
        if (sampleGradient == buffers.gradient) continue;
        if (s == 0)
            std::copy(sampleGradient, sampleGradient + parameterCount, buffers.gradient);
        else
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
