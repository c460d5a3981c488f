// Writes any one term of a step, each kind by its own writer: its symbol, formula, numbers,
// factors, meaning and highlight, in the notation of termnotation.h.
#include <algorithm>
#include <utility>

#include "explanation.h"
#include "markup.h"
#include "termnotation.h"
#include "termwriting.h"

namespace core {

namespace {

using Kind = TermSlot::Kind;

// Writes any one term of one snapshot; see explain() and TermSlot.
class TermWriter : private TermNotation {
public:
    using TermNotation::TermNotation;

    Term write(const TermSlot& slot) const;

private:
    // Highlights -------------------------------------------------------------------------------
    // Bias `b` and the edges from it into every node it feeds; with `loss`, E_total too.
    Highlight biasHighlight(int b, bool loss = false) const {
        Highlight h{.biases = {b}, .loss = loss};
        const int layer = topology_.biasLayer(b);
        for (int n = 0; n < topology_.layerSize(layer); ++n)
            if (topology_.biasIndex(layer, n) == b) h.biasEdges.push_back({layer, n});
        return h;
    }

    Term make(Phase phase, const TermSlot& slot, std::string symbol, std::string formula,
              std::string numbers, Factors& factors, std::string meaning,
              Highlight highlight) const {
        const QuantityRef ref = quantityOf(snapshot_, slot);
        const double value = snapshot_.value(ref);
        return {phase,          ref,   std::move(symbol), std::move(formula), std::move(numbers),
                factors.take(), value, number(value),     std::move(meaning), std::move(highlight)};
    }

    // One writer for each kind of term.
    Term netTerm(const TermSlot& slot) const;
    Term outTerm(const TermSlot& slot) const;
    Term outputErrorTerm(const TermSlot& slot) const;
    Term lossTerm(const TermSlot& slot) const;
    Term lossMeanTerm(const TermSlot& slot) const;
    Term outputDLoss_dOutTerm(const TermSlot& slot) const;
    Term shareTerm(const TermSlot& slot) const;
    Term hiddenDLoss_dOutTerm(const TermSlot& slot) const;
    Term slopeTerm(const TermSlot& slot) const;
    Term deltaTerm(const TermSlot& slot) const;
    Term weightGradientTerm(const TermSlot& slot) const;
    Term biasGradientTerm(const TermSlot& slot) const;
    Term meanTerm(const TermSlot& slot) const;
    Term updateTerm(const TermSlot& slot) const;
    Term velocityTerm(const TermSlot& slot) const;
};

Term TermWriter::write(const TermSlot& slot) const {
    switch (slot.kind) {
        case Kind::Net:
            return netTerm(slot);
        case Kind::Out:
            return outTerm(slot);
        case Kind::OutputError:
            return outputErrorTerm(slot);
        case Kind::Loss:
            return lossTerm(slot);
        case Kind::LossMean:
            return lossMeanTerm(slot);
        case Kind::OutputDLoss_dOut:
            return outputDLoss_dOutTerm(slot);
        case Kind::PathShare:
            return shareTerm(slot);
        case Kind::HiddenDLoss_dOut:
            return hiddenDLoss_dOutTerm(slot);
        case Kind::Slope:
            return slopeTerm(slot);
        case Kind::Delta:
            return deltaTerm(slot);
        case Kind::WeightGradient:
            return weightGradientTerm(slot);
        case Kind::BiasGradient:
            return biasGradientTerm(slot);
        case Kind::WeightMean:
        case Kind::BiasMean:
            return meanTerm(slot);
        case Kind::WeightVelocity:
        case Kind::BiasVelocity:
            return velocityTerm(slot);
        case Kind::WeightUpdate:
        case Kind::BiasUpdate:
            break;
    }
    return updateTerm(slot);
}

// Forward pass -----------------------------------------------------------------------------------

Term TermWriter::netTerm(const TermSlot& slot) const {
    const int s = slot.sample, l = slot.layer, n = slot.node;
    const int b = topology_.biasIndex(l, n);
    Factors factors;
    std::string formula, numbers;
    Highlight highlight{.nodes = {{l, n}}, .biases = {b}, .biasEdges = {{l, n}}};
    for (int src = 0; src < topology_.layerSize(l - 1); ++src) {
        const int w = topology_.weightIndex(l, n, src);
        const QuantityRef in{Quantity::Out, s, l - 1, src};
        const std::string plus = src == 0 ? "" : " + ";
        factors.add(weightRef(w));
        factors.add(in);
        formula += plus + factors.mark(weightRef(w), weight(w)) + " * " +
                   factors.mark(in, out(l - 1, src, s));
        numbers += plus + operand(factors, weightRef(w)) + " * " + operand(factors, in);
        highlight.nodes.push_back({l - 1, src});
        highlight.weights.push_back(w);
    }
    factors.add(biasRef(b));
    formula += " + " + factors.mark(biasRef(b), bias(b)) + " * 1";
    numbers += " + " + operand(factors, biasRef(b)) + " * 1";
    return make(Phase::Forward, slot, net(l, n, s), formula, numbers, factors,
                "The total input of " + name(l, n) +
                    ": every incoming value times its weight, plus the bias.",
                highlight);
}

Term TermWriter::outTerm(const TermSlot& slot) const {
    const int s = slot.sample, l = slot.layer, n = slot.node;
    const ActivationInfo& f = activationInfo(topology_.activation(l));
    const QuantityRef netRef{Quantity::Net, s, l, n};
    Factors factors;
    const std::string formula =
        fillFormula(f.outFormula, {{"$net", net(l, n, s), netRef}}, &factors);
    const std::string numbers = fillFormula(
        f.outFormula, {{"$net", number(snapshot_.node(s, l, n).net), netRef}}, &factors, true);
    return make(Phase::Forward, slot, out(l, n, s), formula, numbers, factors,
                "The output of " + name(l, n) + ". " +
                    fillFormula(f.meaning, {{"$net", "net_" + name(l, n)}}, nullptr),
                {.nodes = {{l, n}}});
}

Term TermWriter::outputErrorTerm(const TermSlot& slot) const {
    const int s = slot.sample, last = slot.layer, k = slot.node;
    const QuantityRef outRef{Quantity::Out, s, last, k};
    Factors factors{targetRef(s, k), outRef};
    const std::string formula = "@{half}(" +
                                factors.mark(targetRef(s, k), "target_{" + name(last, k) + "}") +
                                " - " + factors.mark(outRef, out(last, k, s)) + ")^{2}";
    const std::string numbers =
        "@{half}(" + number(factors, targetRef(s, k)) + " - " + operand(factors, outRef) + ")^{2}";
    return make(Phase::Forward, slot, outputError(k, s), formula, numbers, factors,
                "The squared error of " + name(last, k) + " against its target.",
                {.nodes = {{last, k}}, .loss = true});
}

Term TermWriter::lossTerm(const TermSlot& slot) const {
    const int s = slot.sample;
    const int last = topology_.layerCount() - 1;
    std::vector<Operand> errors;
    Highlight highlight{.loss = true};
    for (int k = 0; k < topology_.outputCount(); ++k) {
        errors.push_back({{Quantity::OutputError, s, last, k}, outputError(k, s)});
        highlight.nodes.push_back({last, k});
    }
    Factors factors;
    const auto [formula, numbers] = joined(errors, " + ", factors);
    return make(
        Phase::Forward, slot, loss(s), formula, numbers, factors,
        batch_ ? "The error of sample " + std::to_string(s + 1) + ": the sum of its output errors."
               : "The total error: the sum of the output errors.",
        highlight);
}

Term TermWriter::lossMeanTerm(const TermSlot& slot) const {
    Factors factors;
    const auto [formula, numbers] = mean(
        [&](int s) {
            return Operand{{Quantity::SampleLoss, s}, loss(s)};
        },
        factors);
    return make(Phase::Forward, slot, "E_{total}", formula, numbers, factors,
                "The loss of the batch: the mean of the sample errors.", {.loss = true});
}

// Backward pass ----------------------------------------------------------------------------------

Term TermWriter::outputDLoss_dOutTerm(const TermSlot& slot) const {
    const int s = slot.sample, l = slot.layer, j = slot.node;
    const QuantityRef outRef{Quantity::Out, s, l, j};
    Factors factors{targetRef(s, j), outRef};
    const std::string formula = "-(" +
                                factors.mark(targetRef(s, j), "target_{" + name(l, j) + "}") +
                                " - " + factors.mark(outRef, out(l, j, s)) + ")";
    const std::string numbers =
        "-(" + number(factors, targetRef(s, j)) + " - " + operand(factors, outRef) + ")";
    return make(Phase::Backward, slot, partial(loss(s), out(l, j, s)), formula, numbers, factors,
                "How fast the error grows as out_" + name(l, j) + " grows.",
                {.downstream = {{l, j}}});
}

Term TermWriter::shareTerm(const TermSlot& slot) const {
    const int s = slot.sample, l = slot.layer, j = slot.node, k = slot.other;
    const int w = topology_.weightIndex(l + 1, k, j);
    Factors factors;
    const auto [formula, numbers] =
        joined({{{Quantity::Delta, s, l + 1, k}, delta(l + 1, k, s)}, {weightRef(w), weight(w)}},
               " * ", factors);
    return make(Phase::Backward, slot, share(s, l, j, k), formula, numbers, factors,
                "The part of out_" + name(l, j) + "'s effect on the error that flows through " +
                    name(l + 1, k) + ": its delta times the weight " + topology_.weightName(w) +
                    " between them.",
                {.nodes = {{l, j}}, .weights = {w}, .downstream = {{l + 1, k}}});
}

Term TermWriter::hiddenDLoss_dOutTerm(const TermSlot& slot) const {
    const int s = slot.sample, l = slot.layer, j = slot.node;
    std::vector<Operand> paths;
    for (int k = 0; k < topology_.layerSize(l + 1); ++k)
        paths.push_back({quantityOf(snapshot_, {Kind::PathShare, s, l, j, k}), share(s, l, j, k)});
    Factors factors;
    const auto [formula, numbers] = joined(paths, " + ", factors);
    return make(Phase::Backward, slot, partial(loss(s), out(l, j, s)), formula, numbers, factors,
                name(l, j) +
                    " feeds every node of the next layer, so its effect on the error is the sum "
                    "over those paths.",
                {.downstream = {{l, j}}});
}

Term TermWriter::slopeTerm(const TermSlot& slot) const {
    const int s = slot.sample, l = slot.layer, j = slot.node;
    const NodeValues node = snapshot_.node(s, l, j);
    const QuantityRef outRef{Quantity::Out, s, l, j};
    const QuantityRef netRef{Quantity::Net, s, l, j};
    const ActivationInfo& f = activationInfo(topology_.activation(l));
    Factors factors;
    const std::string formula = fillFormula(
        f.slopeFormula, {{"$out", out(l, j, s), outRef}, {"$net", net(l, j, s), netRef}}, &factors);
    const std::string numbers = fillFormula(
        f.slopeFormula, {{"$out", number(node.out), outRef}, {"$net", number(node.net), netRef}},
        &factors, true);
    return make(Phase::Backward, slot, partial(out(l, j, s), net(l, j, s)), formula, numbers,
                factors,
                "The slope of the activation at net_" + name(l, j) + ": how fast out_" +
                    name(l, j) + " changes as net_" + name(l, j) + " changes.",
                {.nodes = {{l, j}}});
}

Term TermWriter::deltaTerm(const TermSlot& slot) const {
    const int s = slot.sample, l = slot.layer, j = slot.node;
    Factors factors;
    const auto [formula, numbers] =
        joined({{{Quantity::DLoss_dOut, s, l, j}, partial(loss(s), out(l, j, s))},
                {{Quantity::DOut_dNet, s, l, j}, partial(out(l, j, s), net(l, j, s))}},
               " * ", factors);
    return make(Phase::Backward, slot, delta(l, j, s), formula, numbers, factors,
                "The error signal of " + name(l, j) + ": how fast the error changes as net_" +
                    name(l, j) + " changes (dE/dnet).",
                {.downstream = {{l, j}}});
}

Term TermWriter::weightGradientTerm(const TermSlot& slot) const {
    const int s = slot.sample, w = slot.other;
    const WeightEnds ends = topology_.weightEnds(w);
    const int l = ends.layer, d = ends.destination, src = ends.source;
    // dnet/dw is the out of the weight's source node.
    Factors factors;
    const auto [formula, numbers] =
        joined({{{Quantity::DLoss_dOut, s, l, d}, partial(loss(s), out(l, d, s))},
                {{Quantity::DOut_dNet, s, l, d}, partial(out(l, d, s), net(l, d, s))},
                {{Quantity::Out, s, l - 1, src}, partial(net(l, d, s), weight(w))}},
               " * ", factors);
    return make(Phase::Backward, slot, partial(loss(s), weight(w)), formula, numbers, factors,
                "How fast the error changes as " + topology_.weightName(w) +
                    " changes: " + name(l, d) + "'s error signal times the value " +
                    topology_.weightName(w) + " carries in.",
                {.weights = {w}, .downstream = {{l, d}}});
}

Term TermWriter::biasGradientTerm(const TermSlot& slot) const {
    const int s = slot.sample, b = slot.other;
    const int l = topology_.biasLayer(b);
    Highlight highlight = biasHighlight(b);
    std::vector<Operand> deltas;
    for (const Highlight::Node fed : highlight.biasEdges)
        deltas.push_back({{Quantity::Delta, s, l, fed.node}, delta(l, fed.node, s)});
    highlight.downstream = highlight.biasEdges;
    Factors factors;
    const auto [formula, numbers] = joined(deltas, " + ", factors);
    return make(Phase::Backward, slot, partial(loss(s), bias(b)), formula, numbers, factors,
                topology_.biasMode() == BiasMode::Shared
                    ? topology_.biasName(b) +
                          " enters every node of its layer with weight 1, so its gradient is "
                          "the sum of their deltas."
                    : topology_.biasName(b) +
                          " enters one node with weight 1, so its gradient "
                          "is that node's delta.",
                highlight);
}

Term TermWriter::meanTerm(const TermSlot& slot) const {
    const int p = slot.other;
    const bool isWeight = slot.kind == Kind::WeightMean;
    const std::string symbol = isWeight ? weight(p) : bias(p);
    Factors factors;
    const auto [formula, numbers] = mean(
        [&](int s) {
            const Kind gradient = isWeight ? Kind::WeightGradient : Kind::BiasGradient;
            return Operand{quantityOf(snapshot_, {.kind = gradient, .sample = s, .other = p}),
                           partial(loss(s), symbol)};
        },
        factors);
    return make(Phase::Backward, slot, partial("E_{total}", symbol), formula, numbers, factors,
                "The gradient of the batch loss: the mean of the samples' gradients.",
                isWeight ? Highlight{.weights = {p}, .loss = true} : biasHighlight(p, true));
}

// Update -----------------------------------------------------------------------------------------

// p+ = p - lr * dE/dp, for one weight or bias; with momentum p+ = p - lr * v+.
Term TermWriter::updateTerm(const TermSlot& slot) const {
    const int p = slot.other;
    const bool isWeight = slot.kind == Kind::WeightUpdate;
    const std::string symbol = isWeight ? weight(p) : bias(p);
    const std::string name = isWeight ? topology_.weightName(p) : topology_.biasName(p);
    const QuantityRef rate{Quantity::LearningRate};
    const QuantityRef before = isWeight ? weightRef(p) : biasRef(p);
    const bool momentum = snapshot_.momentum() != 0.0;
    const QuantityRef step =
        momentum
            ? QuantityRef{.quantity =
                              isWeight ? Quantity::NewWeightVelocity : Quantity::NewBiasVelocity,
                          .parameter = p}
            : QuantityRef{.quantity = isWeight ? Quantity::DLoss_dWeight : Quantity::DLoss_dBias,
                          .parameter = p};
    Factors factors{before, rate, step};
    const std::string formula =
        factors.mark(before, symbol) + " - " + factors.mark(rate, "@{eta}") + " * " +
        factors.mark(step, momentum ? "v_{" + symbol + "}^{+}" : partial("E_{total}", symbol));
    const std::string numbers =
        number(factors, before) + " - " + operand(factors, rate) + " * " + operand(factors, step);
    return make(Phase::Update, slot, symbol + "^{+}", formula, numbers, factors,
                momentum ? "Gradient descent with momentum moves " + name +
                               " against its velocity, by the learning rate times the velocity."
                         : "Gradient descent moves " + name +
                               " against its gradient, by the learning rate times the gradient.",
                isWeight ? Highlight{.weights = {p}} : biasHighlight(p));
}

// v+ = beta * v + dE/dp, the velocity of one weight or bias under momentum.
Term TermWriter::velocityTerm(const TermSlot& slot) const {
    const int p = slot.other;
    const bool isWeight = slot.kind == Kind::WeightVelocity;
    const std::string symbol = isWeight ? weight(p) : bias(p);
    const std::string velocity = "v_{" + symbol + "}";
    const QuantityRef beta{Quantity::Momentum};
    const QuantityRef before{
        .quantity = isWeight ? Quantity::WeightVelocity : Quantity::BiasVelocity, .parameter = p};
    const QuantityRef gradient{
        .quantity = isWeight ? Quantity::DLoss_dWeight : Quantity::DLoss_dBias, .parameter = p};
    Factors factors{beta, before, gradient};
    const std::string formula = factors.mark(beta, "@{beta}") + " * " +
                                factors.mark(before, velocity) + " + " +
                                factors.mark(gradient, partial("E_{total}", symbol));
    const std::string numbers = number(factors, beta) + " * " + operand(factors, before) + " + " +
                                operand(factors, gradient);
    return make(Phase::Update, slot, velocity + "^{+}", formula, numbers, factors,
                "Momentum keeps a running sum of gradients: the velocity of " +
                    (isWeight ? topology_.weightName(p) : topology_.biasName(p)) +
                    " is beta times its last velocity plus this step's gradient.",
                isWeight ? Highlight{.weights = {p}} : biasHighlight(p));
}

}  // namespace

Term writeTerm(const StepSnapshot& snapshot, int digits, const TermSlot& slot) {
    return TermWriter(snapshot, digits).write(slot);
}

}  // namespace core
