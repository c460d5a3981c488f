// Where each term of a step is: the lesson's order of the terms, and the quantity each computes.
#include "explanation.h"
#include "termwriting.h"

namespace core {

namespace {

using Kind = TermSlot::Kind;

// Calls `visit` with every slot of the step, in the lesson's order (see explain()).
template <class Visit>
void forEachSlot(const StepSnapshot& snapshot, Visit visit) {
    const Topology& topology = snapshot.topology();
    const int samples = snapshot.sampleCount();
    const int last = topology.layerCount() - 1;
    const bool batch = samples > 1;
    const bool biases = snapshot.trainsBiases();
    // Each phase stays in one piece: all forward passes, then all backward passes.
    for (int s = 0; s < samples; ++s) {
        for (int l = 1; l <= last; ++l)
            for (int n = 0; n < topology.layerSize(l); ++n) {
                visit({Kind::Net, s, l, n});
                visit({Kind::Out, s, l, n});
            }
        for (int k = 0; k < topology.outputCount(); ++k)
            visit({Kind::OutputError, s, last, k});
        visit({Kind::Loss, s});
    }
    if (batch) visit({Kind::LossMean});
    for (int s = 0; s < samples; ++s)
        for (int l = last; l >= 1; --l) {
            for (int j = 0; j < topology.layerSize(l); ++j) {
                if (l == last) {
                    visit({Kind::OutputDLoss_dOut, s, l, j});
                } else {
                    // One share per path through the next layer, then their sum.
                    for (int k = 0; k < topology.layerSize(l + 1); ++k)
                        visit({Kind::PathShare, s, l, j, k});
                    visit({Kind::HiddenDLoss_dOut, s, l, j});
                }
                visit({Kind::Slope, s, l, j});
                visit({Kind::Delta, s, l, j});
            }
            for (int d = 0; d < topology.layerSize(l); ++d)
                for (int src = 0; src < topology.layerSize(l - 1); ++src)
                    visit({Kind::WeightGradient, s, -1, -1, topology.weightIndex(l, d, src)});
            if (!biases) continue;
            const int count = topology.biasMode() == BiasMode::Shared ? 1 : topology.layerSize(l);
            for (int k = 0; k < count; ++k)
                visit({Kind::BiasGradient, s, -1, -1, topology.biasIndex(l, k)});
        }
    if (batch) {
        for (int w = 0; w < topology.weightCount(); ++w)
            visit({Kind::WeightMean, -1, -1, -1, w});
        for (int b = 0; biases && b < topology.biasCount(); ++b)
            visit({Kind::BiasMean, -1, -1, -1, b});
    }
    if (!snapshot.updated()) return;
    // With momentum each parameter's new velocity comes just before its new value.
    const bool momentum = snapshot.momentum() != 0.0;
    for (int w = 0; w < topology.weightCount(); ++w) {
        if (momentum) visit({Kind::WeightVelocity, -1, -1, -1, w});
        visit({Kind::WeightUpdate, -1, -1, -1, w});
    }
    for (int b = 0; biases && b < topology.biasCount(); ++b) {
        if (momentum) visit({Kind::BiasVelocity, -1, -1, -1, b});
        visit({Kind::BiasUpdate, -1, -1, -1, b});
    }
}

}  // namespace

QuantityRef quantityOf(const StepSnapshot& snapshot, const TermSlot& slot) {
    const bool batch = snapshot.sampleCount() > 1;
    const int s = slot.sample, l = slot.layer, n = slot.node, other = slot.other;
    switch (slot.kind) {
        case Kind::Net:
            return {Quantity::Net, s, l, n};
        case Kind::Out:
            return {Quantity::Out, s, l, n};
        case Kind::OutputError:
            return {Quantity::OutputError, s, l, n};
        case Kind::Loss:
            return batch ? QuantityRef{Quantity::SampleLoss, s} : QuantityRef{};
        case Kind::LossMean:
            return {};
        case Kind::OutputDLoss_dOut:
        case Kind::HiddenDLoss_dOut:
            return {Quantity::DLoss_dOut, s, l, n};
        case Kind::PathShare:
            return {.quantity = Quantity::PathDLoss_dOut,
                    .sample = s,
                    .layer = l,
                    .node = n,
                    .via = other};
        case Kind::Slope:
            return {Quantity::DOut_dNet, s, l, n};
        case Kind::Delta:
            return {Quantity::Delta, s, l, n};
        // Without a batch, the sample's gradient is the batch's.
        case Kind::WeightGradient:
            return batch ? QuantityRef{.quantity = Quantity::SampleDLoss_dWeight,
                                       .sample = s,
                                       .parameter = other}
                         : QuantityRef{.quantity = Quantity::DLoss_dWeight, .parameter = other};
        case Kind::BiasGradient:
            return batch ? QuantityRef{.quantity = Quantity::SampleDLoss_dBias,
                                       .sample = s,
                                       .parameter = other}
                         : QuantityRef{.quantity = Quantity::DLoss_dBias, .parameter = other};
        case Kind::WeightMean:
            return {.quantity = Quantity::DLoss_dWeight, .parameter = other};
        case Kind::BiasMean:
            return {.quantity = Quantity::DLoss_dBias, .parameter = other};
        case Kind::WeightUpdate:
            return {.quantity = Quantity::NewWeight, .parameter = other};
        case Kind::WeightVelocity:
            return {.quantity = Quantity::NewWeightVelocity, .parameter = other};
        case Kind::BiasVelocity:
            return {.quantity = Quantity::NewBiasVelocity, .parameter = other};
        case Kind::BiasUpdate:
            break;
    }
    return {.quantity = Quantity::NewBias, .parameter = other};
}

std::vector<Term> explain(const StepSnapshot& snapshot, int digits) {
    std::vector<Term> terms;
    forEachSlot(snapshot,
                [&](const TermSlot& slot) { terms.push_back(writeTerm(snapshot, digits, slot)); });
    return terms;
}

}  // namespace core
