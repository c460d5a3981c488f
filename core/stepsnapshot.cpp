#include "stepsnapshot.h"

namespace core {

NodeValues StepSnapshot::node(int sample, int layer, int node) const {
    const double* v =
        values_.get() + kNodeFieldCount * (std::size_t(sample) * topology().nodeCount() +
                                           topology().nodeIndex(layer, node));
    const double slope = layer == 0 ? 0.0 : activationSlope(topology().activation(layer), v[kOut]);
    return {v[kNet], v[kOut], v[kDLoss_dOut], slope, v[kDelta]};
}

double StepSnapshot::outputError(int sample, int output) const {
    const double difference =
        samples()[sample].target[output] - node(sample, topology().layerCount() - 1, output).out;
    return 0.5 * difference * difference;
}

double StepSnapshot::dNet_dWeight(int sample, int weight) const {
    const WeightEnds ends = topology().weightEnds(weight);
    return node(sample, ends.layer - 1, ends.source).out;
}

double StepSnapshot::sampleDLoss_dWeight(int sample, int weight) const {
    const WeightEnds ends = topology().weightEnds(weight);
    return node(sample, ends.layer, ends.destination).delta * dNet_dWeight(sample, weight);
}

double StepSnapshot::sampleDLoss_dBias(int sample, int bias) const {
    const int layer = topology().biasLayer(bias);
    if (topology().layer(layer).biasStride != 0)
        return node(sample, layer, bias - topology().layer(layer).biasOffset).delta;
    double sum = 0.0;
    for (int n = 0; n < topology().layerSize(layer); ++n)
        sum = sum + node(sample, layer, n).delta;
    return sum;
}

std::span<const double> StepSnapshot::slice(std::size_t offset, int part) const {
    const std::size_t weights = topology().weightCount();
    const double* block = values_.get() + parameterOffset() + offset;
    if (part == 0) return {block, weights};
    return {block + weights, static_cast<std::size_t>(topology().biasCount())};
}

Parameters StepSnapshot::parametersBefore() const {
    return {{weightsBefore().begin(), weightsBefore().end()},
            {biasesBefore().begin(), biasesBefore().end()}};
}

Parameters StepSnapshot::parametersAfter() const {
    return {{weightsAfter().begin(), weightsAfter().end()},
            {biasesAfter().begin(), biasesAfter().end()}};
}

double StepSnapshot::value(const QuantityRef& ref) const {
    const auto nodeValues = [&] { return node(ref.sample, ref.layer, ref.node); };
    switch (ref.quantity) {
        case Quantity::Net:
            return nodeValues().net;
        case Quantity::Out:
            return nodeValues().out;
        case Quantity::OutputError:
            return outputError(ref.sample, ref.node);
        case Quantity::SampleLoss:
            return sampleLoss(ref.sample);
        case Quantity::Loss:
            return loss_;
        case Quantity::DLoss_dOut:
            return nodeValues().dLoss_dOut;
        case Quantity::PathDLoss_dOut:
            return node(ref.sample, ref.layer + 1, ref.via).delta *
                   weightsBefore()[topology().weightIndex(ref.layer + 1, ref.via, ref.node)];
        case Quantity::DOut_dNet:
            return nodeValues().dOut_dNet;
        case Quantity::Delta:
            return nodeValues().delta;
        case Quantity::SampleDLoss_dWeight:
            return sampleDLoss_dWeight(ref.sample, ref.parameter);
        case Quantity::SampleDLoss_dBias:
            return sampleDLoss_dBias(ref.sample, ref.parameter);
        case Quantity::DLoss_dWeight:
            return dLoss_dWeight(ref.parameter);
        case Quantity::DLoss_dBias:
            return dLoss_dBias(ref.parameter);
        case Quantity::NewWeight:
            return weightsAfter()[ref.parameter];
        case Quantity::NewBias:
            return biasesAfter()[ref.parameter];
        case Quantity::Weight:
            return weightsBefore()[ref.parameter];
        case Quantity::Bias:
            return biasesBefore()[ref.parameter];
        case Quantity::Target:
            return samples()[ref.sample].target[ref.node];
        case Quantity::LearningRate:
            return learningRate_;
        case Quantity::NewWeightVelocity:
            return velocityAfter()[ref.parameter];
        case Quantity::NewBiasVelocity:
            return velocityAfter()[topology().weightCount() + ref.parameter];
        case Quantity::WeightVelocity:
            return velocityBefore()[ref.parameter];
        case Quantity::BiasVelocity:
            return velocityBefore()[topology().weightCount() + ref.parameter];
        case Quantity::Momentum:
            return momentum_;
    }
    return 0.0;
}

}  // namespace core
