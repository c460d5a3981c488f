#include "explanation.h"

#include <algorithm>

#include "markup.h"
#include "termwriting.h"

namespace core {

namespace {

// symbol = formula = numbers = value, each part rendered by `render`.
template <class Render>
std::string equation(const Term& term, Render render) {
    std::string text = render(term.symbol);
    if (!term.formula.empty()) text += " = " + render(term.formula);
    if (!term.numbers.empty()) text += " = " + render(term.numbers);
    return text + " = " + term.valueText;
}

// The indices marked in `marks`, in ascending order.
std::vector<int> marked(const std::vector<char>& marks) {
    std::vector<int> list;
    for (int i = 0; i < static_cast<int>(marks.size()); ++i)
        if (marks[i]) list.push_back(i);
    return list;
}

// The nodes of `topology` marked in `marks` (by Topology::nodeIndex), layer by layer.
std::vector<Highlight::Node> markedNodes(const std::vector<char>& marks, const Topology& topology) {
    std::vector<Highlight::Node> list;
    for (int l = 0; l < topology.layerCount(); ++l)
        for (int n = 0; n < topology.layerSize(l); ++n)
            if (marks[topology.nodeIndex(l, n)]) list.push_back({l, n});
    return list;
}

}  // namespace

Highlight expand(const Highlight& highlight, const Topology& topology) {
    std::vector<char> nodes(topology.nodeCount()), weights(topology.weightCount()),
        biases(topology.biasCount()), biasEdges(topology.nodeCount());
    for (const Highlight::Node& node : highlight.nodes)
        nodes[topology.nodeIndex(node.layer, node.node)] = 1;
    for (int w : highlight.weights)
        weights[w] = 1;
    for (int b : highlight.biases)
        biases[b] = 1;
    for (const Highlight::Node& node : highlight.biasEdges)
        biasEdges[topology.nodeIndex(node.layer, node.node)] = 1;
    // Each downstream node, the weights out of it, and after the first of them every node and
    // every weight to the loss.
    int after = topology.layerCount();
    for (const Highlight::Node& from : highlight.downstream) {
        nodes[topology.nodeIndex(from.layer, from.node)] = 1;
        const int next = from.layer + 1;
        for (int d = 0; next < topology.layerCount() && d < topology.layerSize(next); ++d)
            weights[topology.weightIndex(next, d, from.node)] = 1;
        after = std::min(after, next);
    }
    for (int l = after; l < topology.layerCount(); ++l) {
        std::fill_n(nodes.begin() + topology.nodeIndex(l, 0), topology.layerSize(l), 1);
        if (l > after)
            std::fill_n(weights.begin() + topology.layer(l).weightOffset,
                        topology.layerSize(l) * topology.layerSize(l - 1), 1);
    }
    return {.nodes = markedNodes(nodes, topology),
            .weights = marked(weights),
            .biases = marked(biases),
            .loss = highlight.loss || !highlight.downstream.empty(),
            .biasEdges = markedNodes(biasEdges, topology)};
}

Explanation::Explanation(const StepSnapshot& snapshot, int digits)
    : snapshot_(snapshot), digits_(digits) {
    // The same loops as explain() (explainer.cpp), counting.
    const Topology& topology = snapshot.topology();
    const int layers = topology.layerCount();
    const int last = layers - 1;
    const int samples = snapshot.sampleCount();
    const int batch = samples > 1 ? 1 : 0;
    const bool biases = snapshot.trainsBiases();
    // A sample's forward pass: net and out of each node, layer by layer; each output's error;
    // the sample's loss.
    forwardStart_.assign(layers + 1, 0);
    for (int l = 1; l <= last; ++l)
        forwardStart_[l + 1] = forwardStart_[l] + 2 * topology.layerSize(l);
    forwardTerms_ = forwardStart_[layers] + topology.outputCount() + 1;
    // A sample's backward pass, from the output layer back: each node's terms, then the
    // gradients of the weights into the layer and of its trained biases. Entry 0 is the end.
    backwardStart_.assign(layers, 0);
    for (int l = last; l >= 1; --l) {
        const int size = topology.layerSize(l);
        const int trained = biases ? (topology.biasMode() == BiasMode::Shared ? 1 : size) : 0;
        backwardStart_[l - 1] = backwardStart_[l] + size * backwardNodeTerms(l) +
                                size * topology.layerSize(l - 1) + trained;
    }
    backwardTerms_ = backwardStart_[0];
    const int parameters = topology.weightCount() + (biases ? topology.biasCount() : 0);
    shape_.forwardEnd = samples * forwardTerms_ + batch;
    shape_.backwardEnd = shape_.forwardEnd + samples * backwardTerms_ + batch * parameters;
    shape_.total = shape_.backwardEnd + (snapshot.updated() ? parameters * updateTerms() : 0);
}

int Explanation::backwardNodeTerms(int layer) const {
    // dE/dout (a hidden node: one share per path and their sum), dout/dnet and delta.
    const Topology& topology = snapshot_.topology();
    const bool output = layer == topology.layerCount() - 1;
    return (output ? 1 : topology.layerSize(layer + 1) + 1) + 2;
}

int Explanation::updateTerms() const {
    return snapshot_.momentum() != 0.0 ? 2 : 1;
}

int Explanation::updateIndex(int parameter, bool velocity) const {
    if (velocity && updateTerms() == 1) return -1;  // no velocity without momentum
    return shape_.backwardEnd + parameter * updateTerms() + (updateTerms() == 2 && !velocity);
}

int Explanation::backwardStart(int sample, int layer) const {
    return shape_.forwardEnd + sample * backwardTerms_ + backwardStart_[layer];
}

TermSlot Explanation::slotAt(int index) const {
    using Kind = TermSlot::Kind;
    const Topology& topology = snapshot_.topology();
    const int last = topology.layerCount() - 1;
    const int samples = snapshot_.sampleCount();
    if (index < samples * forwardTerms_) {
        const int s = index / forwardTerms_;
        const int at = index % forwardTerms_;
        const int errors = at - forwardStart_[last + 1];
        if (errors >= 0)
            return errors < topology.outputCount() ? TermSlot{Kind::OutputError, s, last, errors}
                                                   : TermSlot{Kind::Loss, s};
        int l = last;
        while (forwardStart_[l] > at)
            --l;
        const int within = at - forwardStart_[l];
        return {within % 2 ? Kind::Out : Kind::Net, s, l, within / 2};
    }
    if (index < shape_.forwardEnd) return {Kind::LossMean};
    const int backward = index - shape_.forwardEnd;
    if (backward < samples * backwardTerms_) {
        const int s = backward / backwardTerms_;
        const int at = backward % backwardTerms_;
        int l = 1;  // the layer whose block holds `at`: blocks run from the output layer back
        while (backwardStart_[l] > at)
            ++l;
        const int size = topology.layerSize(l);
        const int perNode = backwardNodeTerms(l);
        int within = at - backwardStart_[l];
        if (within < size * perNode) {
            const int j = within / perNode;
            const int part = within % perNode;
            const int shares = perNode - 3;
            if (part < shares) return {Kind::PathShare, s, l, j, part};
            if (part == shares)
                return {l == last ? Kind::OutputDLoss_dOut : Kind::HiddenDLoss_dOut, s, l, j};
            return {part == shares + 1 ? Kind::Slope : Kind::Delta, s, l, j};
        }
        within -= size * perNode;
        const int weights = size * topology.layerSize(l - 1);
        if (within < weights)
            return {.kind = Kind::WeightGradient,
                    .sample = s,
                    .other = topology.layer(l).weightOffset + within};
        return {.kind = Kind::BiasGradient,
                .sample = s,
                .other = topology.biasIndex(l, within - weights)};
    }
    const int weights = topology.weightCount();
    if (index < shape_.backwardEnd) {
        const int p = backward - samples * backwardTerms_;
        return p < weights ? TermSlot{.kind = Kind::WeightMean, .other = p}
                           : TermSlot{.kind = Kind::BiasMean, .other = p - weights};
    }
    // With momentum, each parameter's velocity term and then its update term.
    const int p = (index - shape_.backwardEnd) / updateTerms();
    const bool velocity = updateTerms() == 2 && (index - shape_.backwardEnd) % 2 == 0;
    if (p < weights)
        return {.kind = velocity ? Kind::WeightVelocity : Kind::WeightUpdate, .other = p};
    return {.kind = velocity ? Kind::BiasVelocity : Kind::BiasUpdate, .other = p - weights};
}

Term Explanation::term(int index) const {
    return writeTerm(snapshot_, digits_, slotAt(index));
}

int Explanation::indexOf(const QuantityRef& ref) const {
    if (snapshot_.isEmpty()) return -1;
    const Topology& topology = snapshot_.topology();
    const int last = topology.layerCount() - 1;
    const int samples = snapshot_.sampleCount();
    const bool batch = samples > 1;
    const int s = ref.sample, l = ref.layer, n = ref.node, p = ref.parameter;
    const bool sample = s >= 0 && s < samples;
    const bool node = sample && l >= 1 && l <= last && n >= 0 && n < topology.layerSize(l);
    const bool weight = p >= 0 && p < topology.weightCount();
    const bool bias = snapshot_.trainsBiases() && p >= 0 && p < topology.biasCount();
    const int means = shape_.forwardEnd + samples * backwardTerms_;  // the batch means
    // The gradient terms of weight `w` and bias `b` in sample `t`'s backward pass.
    const auto weightGradient = [&](int t, int w) {
        const int layer = topology.weightEnds(w).layer;
        return backwardStart(t, layer) + topology.layerSize(layer) * backwardNodeTerms(layer) + w -
               topology.layer(layer).weightOffset;
    };
    const auto biasGradient = [&](int t, int b) {
        const int layer = topology.biasLayer(b);
        const int size = topology.layerSize(layer);
        return backwardStart(t, layer) + size * backwardNodeTerms(layer) +
               size * topology.layerSize(layer - 1) + b - topology.layer(layer).biasOffset;
    };
    int index = -1;
    switch (ref.quantity) {
        case Quantity::Net:
        case Quantity::Out:
            if (node)
                index = s * forwardTerms_ + forwardStart_[l] + 2 * n +
                        (ref.quantity == Quantity::Out ? 1 : 0);
            break;
        case Quantity::OutputError:
            if (node && l == last) index = s * forwardTerms_ + forwardStart_[last + 1] + n;
            break;
        case Quantity::SampleLoss:
            if (batch && sample)
                index = s * forwardTerms_ + forwardStart_[last + 1] + topology.outputCount();
            break;
        case Quantity::Loss:
            index =
                batch ? shape_.forwardEnd - 1 : forwardStart_[last + 1] + topology.outputCount();
            break;
        case Quantity::PathDLoss_dOut:
        case Quantity::DLoss_dOut:
        case Quantity::DOut_dNet:
        case Quantity::Delta: {
            if (!node) break;
            const int shares = backwardNodeTerms(l) - 3;
            const int start = backwardStart(s, l) + n * backwardNodeTerms(l);
            if (ref.quantity == Quantity::PathDLoss_dOut)
                index = ref.via >= 0 && ref.via < shares ? start + ref.via : -1;
            else
                index = start + shares +
                        (ref.quantity == Quantity::DOut_dNet ? 1
                         : ref.quantity == Quantity::Delta   ? 2
                                                             : 0);
            break;
        }
        case Quantity::SampleDLoss_dWeight:
            if (batch && sample && weight) index = weightGradient(s, p);
            break;
        case Quantity::DLoss_dWeight:
            if (weight) index = batch ? means + p : weightGradient(0, p);
            break;
        case Quantity::SampleDLoss_dBias:
            if (batch && sample && bias) index = biasGradient(s, p);
            break;
        case Quantity::DLoss_dBias:
            if (bias) index = batch ? means + topology.weightCount() + p : biasGradient(0, p);
            break;
        case Quantity::NewWeightVelocity:
        case Quantity::NewWeight:
            if (weight && snapshot_.updated())
                index = updateIndex(p, ref.quantity == Quantity::NewWeightVelocity);
            break;
        case Quantity::NewBiasVelocity:
        case Quantity::NewBias:
            if (bias && snapshot_.updated())
                index = updateIndex(topology.weightCount() + p,
                                    ref.quantity == Quantity::NewBiasVelocity);
            break;
        default:  // the givens: no term computes them
            break;
    }
    // The term found computes exactly `ref`, no field of it set that the quantity does not have.
    if (index < 0 || index >= size() || quantityOf(snapshot_, slotAt(index)) != ref) return -1;
    return index;
}

int Explanation::phaseEnd(Phase phase) const {
    switch (phase) {
        case Phase::Forward:
            return shape_.forwardEnd;
        case Phase::Backward:
            return shape_.backwardEnd;
        case Phase::Update:
            break;
    }
    return shape_.total;
}

StepShape stepShape(const StepSnapshot& snapshot) {
    const Explanation terms(snapshot, 0);
    return {terms.phaseEnd(Phase::Forward), terms.phaseEnd(Phase::Backward), terms.size()};
}

std::string plainText(const Term& term) {
    return equation(term, [](const std::string& m) { return plainFromMarkup(m); });
}

std::string htmlText(const Term& term) {
    return equation(term, [](const std::string& m) { return htmlFromMarkup(m); });
}

}  // namespace core
