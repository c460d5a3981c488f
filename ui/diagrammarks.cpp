#include "diagrammarks.h"

namespace ui {

std::optional<DiagramPlace> DiagramMarks::placeOf(const core::Topology& topology,
                                                  const core::QuantityRef& ref, int sample) {
    using Kind = DiagramPlace::Kind;
    using core::Quantity;
    // A value of one sample is shown only while the network shows that sample.
    if (ref.sample >= 0 && ref.sample != sample) return std::nullopt;
    const auto nodeValue = [&](NodeLine line) {
        return DiagramPlace{
            .kind = Kind::NodeValue, .layer = ref.layer, .node = ref.node, .line = line};
    };
    const auto parameter = [&](Kind kind) {
        return DiagramPlace{.kind = kind, .index = ref.parameter};
    };
    switch (ref.quantity) {
        case Quantity::Net:
            return nodeValue(NodeLine::Net);
        case Quantity::Out:
            return nodeValue(NodeLine::Out);
        case Quantity::DLoss_dOut:
            return nodeValue(NodeLine::DLoss_dOut);
        case Quantity::DOut_dNet:
            return nodeValue(NodeLine::DOut_dNet);
        case Quantity::Delta:
            return nodeValue(NodeLine::Delta);
        case Quantity::PathDLoss_dOut:
            return DiagramPlace{.kind = Kind::Share,
                                .index = topology.weightIndex(ref.layer + 1, ref.via, ref.node)};
        case Quantity::OutputError:
            return DiagramPlace{.kind = Kind::OutputError, .node = ref.node};
        case Quantity::Target:
            return DiagramPlace{.kind = Kind::Target, .node = ref.node};
        case Quantity::Loss:
            return DiagramPlace{.kind = Kind::Loss};
        case Quantity::Weight:
            return parameter(Kind::Weight);
        case Quantity::DLoss_dWeight:
            return parameter(Kind::WeightGradient);
        case Quantity::NewWeight:
            return parameter(Kind::NewWeight);
        case Quantity::Bias:
            return parameter(Kind::Bias);
        case Quantity::DLoss_dBias:
            return parameter(Kind::BiasGradient);
        case Quantity::NewBias:
            return parameter(Kind::NewBias);
        // Not drawn on the network: a sample's own loss and gradients (the labels show the
        // batch's), the learning rate, and momentum's beta and velocities (the term's highlight
        // lights the parameter's edge).
        case Quantity::SampleLoss:
        case Quantity::SampleDLoss_dWeight:
        case Quantity::SampleDLoss_dBias:
        case Quantity::LearningRate:
        case Quantity::NewWeightVelocity:
        case Quantity::NewBiasVelocity:
        case Quantity::WeightVelocity:
        case Quantity::BiasVelocity:
        case Quantity::Momentum:
            break;
    }
    return std::nullopt;
}

DiagramMarks DiagramMarks::of(const core::StepReveal& reveal, int sample, bool showTerm) {
    DiagramMarks marks;
    if (reveal.isEmpty()) return marks;
    const core::Topology& topology = reveal.step().topology();
    const core::Term* term = showTerm ? reveal.currentTerm() : nullptr;
    if (term) {
        marks.lit = core::expand(term->highlight, topology);
        for (const core::QuantityRef& factor : term->factors)
            marks.factors.push_back(placeOf(topology, factor, sample));
        marks.computed = placeOf(topology, term->quantity, sample);
        // The forward pass flows along the term's edges into its node.
        if (term->phase == core::Phase::Forward) {
            for (int w : marks.lit.weights)
                marks.arrows.push_back({.weight = w, .direction = EdgeArrow::Direction::Forward});
            for (const core::Highlight::Node& fed : marks.lit.biasEdges)
                marks.arrows.push_back({.fed = fed, .direction = EdgeArrow::Direction::Forward});
        }
    }
    // Each path share computed flows back along its edge, towards the node it belongs to.
    for (int w = 0; w < topology.weightCount(); ++w) {
        const core::WeightEnds ends = topology.weightEnds(w);
        if (ends.layer < 2) continue;
        const core::QuantityRef share{.quantity = core::Quantity::PathDLoss_dOut,
                                      .sample = sample,
                                      .layer = ends.layer - 1,
                                      .node = ends.source,
                                      .via = ends.destination};
        if (reveal.isKnown(share))
            marks.arrows.push_back({.weight = w, .direction = EdgeArrow::Direction::Backward});
    }
    return marks;
}

}  // namespace ui
