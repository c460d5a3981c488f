#include <algorithm>
#include <utility>

#include "explanation.h"
#include "markup.h"
#include "termwriting.h"

namespace core {

namespace {

// Builds the terms of one snapshot; see explain().
class Explainer {
public:
    Explainer(const StepSnapshot& snapshot, int digits)
        : snapshot_(snapshot),
          topology_(snapshot.topology()),
          digits_(digits),
          batch_(snapshot.sampleCount() > 1) {}

    std::vector<Term> run() {
        // Each phase stays in one piece: all forward passes, then all backward passes.
        for (int s = 0; s < snapshot_.sampleCount(); ++s)
            forward(s);
        if (batch_) lossMean();
        for (int s = 0; s < snapshot_.sampleCount(); ++s)
            for (int l = topology_.layerCount() - 1; l >= 1; --l)
                backward(s, l);
        if (batch_) gradientMeans();
        if (snapshot_.updated()) updates();
        return std::move(terms_);
    }

private:
    // Symbols ----------------------------------------------------------------------------------
    std::string mark(int s) const { return batch_ ? "^{(" + std::to_string(s + 1) + ")}" : ""; }
    std::string name(int l, int n) const { return topology_.nodeName(l, n); }
    std::string net(int l, int n, int s) const { return "net_{" + name(l, n) + "}" + mark(s); }
    std::string out(int l, int n, int s) const {
        if (l == 0) return "i_[" + std::to_string(n + 1) + "]" + mark(s);
        return "out_{" + name(l, n) + "}" + mark(s);
    }
    std::string delta(int l, int n, int s) const {
        return "@{delta}_{" + name(l, n) + "}" + mark(s);
    }
    std::string weight(int w) const { return "w_[" + std::to_string(w + 1) + "]"; }
    std::string bias(int b) const {
        const int layer = topology_.biasLayer(b);
        if (topology_.biasMode() == BiasMode::Shared) return "b_[" + std::to_string(layer) + "]";
        return "b_{" + name(layer, b - topology_.layer(layer).biasOffset) + "}";
    }
    std::string loss(int s) const { return batch_ ? "E" + mark(s) : "E_{total}"; }
    std::string partial(const std::string& of, const std::string& by) const {
        return "@{d}" + of + "/@{d}" + by;
    }
    std::string outputError(int k, int s) const {
        return "E_{" + name(topology_.layerCount() - 1, k) + "}" + mark(s);
    }

    // Numbers ----------------------------------------------------------------------------------
    std::string number(double v) const { return formatNumber(v, digits_); }
    // The value of `ref` marked as a factor: alone, and as an operand (inside a product or after
    // an operator), where a negative one is put in parentheses outside the mark.
    std::string number(Factors& factors, const QuantityRef& ref) const {
        return factors.mark(ref, number(snapshot_.value(ref)));
    }
    std::string operand(Factors& factors, const QuantityRef& ref) const {
        const std::string marked = number(factors, ref);
        return snapshot_.value(ref) < 0 ? "(" + marked + ")" : marked;
    }

    // One operand of a sum or a product: the place its value comes from, and its symbol.
    struct Operand {
        QuantityRef ref;
        std::string symbol;
    };
    // `operands` joined by `op` (" * ", " + "), in symbols and in numbers, each marked as its
    // factor.
    std::pair<std::string, std::string> joined(const std::vector<Operand>& operands,
                                               const std::string& op, Factors& factors) const {
        std::string formula, numbers;
        for (const auto& [ref, symbol] : operands) {
            if (!formula.empty()) formula += op, numbers += op;
            formula += factors.mark(ref, symbol);
            numbers += operand(factors, ref);
        }
        return {formula, numbers};
    }

    // The places of the step's numbers.
    static QuantityRef weightRef(int w) { return {.quantity = Quantity::Weight, .parameter = w}; }
    static QuantityRef biasRef(int b) { return {.quantity = Quantity::Bias, .parameter = b}; }
    QuantityRef targetRef(int s, int k) const {
        return {Quantity::Target, s, topology_.layerCount() - 1, k};
    }

    // Highlights -------------------------------------------------------------------------------
    // Node (l, n) and every path from it to the loss: the weights out of it and all later layers.
    void addDownstream(Highlight& h, int l, int n) const {
        h.nodes.push_back({l, n});
        h.loss = true;
        for (int later = l + 1; later < topology_.layerCount(); ++later)
            for (int d = 0; d < topology_.layerSize(later); ++d) {
                h.nodes.push_back({later, d});
                for (int s = 0; s < topology_.layerSize(later - 1); ++s)
                    if (later > l + 1 || s == n)
                        h.weights.push_back(topology_.weightIndex(later, d, s));
            }
    }

    // Bias `b` and the edges from it into every node it feeds; with `loss`, E_total too.
    Highlight biasHighlight(int b, bool loss = false) const {
        Highlight h{.biases = {b}, .loss = loss};
        const int layer = topology_.biasLayer(b);
        for (int n = 0; n < topology_.layerSize(layer); ++n)
            if (topology_.biasIndex(layer, n) == b) h.biasEdges.push_back({layer, n});
        return h;
    }

    void add(Phase phase, QuantityRef ref, std::string symbol, std::string formula,
             std::string numbers, Factors& factors, std::string meaning, Highlight highlight) {
        const double value = snapshot_.value(ref);
        terms_.push_back({phase, ref, std::move(symbol), std::move(formula), std::move(numbers),
                          factors.take(), value, number(value), std::move(meaning),
                          std::move(highlight)});
    }

    void forward(int s);
    void backward(int s, int l);
    void hiddenDLoss_dOut(int s, int l, int j);
    void gradients(int s, int l);
    // "(x1 + x2 + ..)/n" over the samples, as symbols and as numbers, each x its sample's factor.
    template <class OperandOf>
    std::pair<std::string, std::string> mean(OperandOf operandOf, Factors& factors) const {
        std::vector<Operand> operands;
        for (int s = 0; s < snapshot_.sampleCount(); ++s)
            operands.push_back(operandOf(s));
        auto [formula, numbers] = joined(operands, " + ", factors);
        const std::string count = std::to_string(snapshot_.sampleCount());
        return {"(" + formula + ")/" + count, "(" + numbers + ")/" + count};
    }
    void lossMean();
    void gradientMeans();
    void updates();

    const StepSnapshot& snapshot_;
    const Topology& topology_;
    int digits_;
    bool batch_;
    std::vector<Term> terms_;
};

void Explainer::forward(int s) {
    for (int l = 1; l < topology_.layerCount(); ++l) {
        const Activation activation = topology_.activation(l);
        for (int n = 0; n < topology_.layerSize(l); ++n) {
            const NodeValues& node = snapshot_.node(s, l, n);
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
            add(Phase::Forward, {Quantity::Net, s, l, n}, net(l, n, s), formula, numbers, factors,
                "The total input of " + name(l, n) +
                    ": every incoming value times its weight, plus the bias.",
                highlight);

            const ActivationInfo& f = activationInfo(activation);
            const QuantityRef netRef{Quantity::Net, s, l, n};
            Factors outFactors;
            formula = fillFormula(f.outFormula, {{"$net", net(l, n, s), netRef}}, &outFactors);
            numbers =
                fillFormula(f.outFormula, {{"$net", number(node.net), netRef}}, &outFactors, true);
            add(Phase::Forward, {Quantity::Out, s, l, n}, out(l, n, s), formula, numbers,
                outFactors,
                "The output of " + name(l, n) + ". " +
                    fillFormula(f.meaning, {{"$net", "net_" + name(l, n)}}, nullptr),
                {{{l, n}}, {}, {}, false});
        }
    }

    const int last = topology_.layerCount() - 1;
    std::vector<Operand> errors;
    Highlight lossHighlight{{}, {}, {}, true};
    for (int k = 0; k < topology_.outputCount(); ++k) {
        const QuantityRef outRef{Quantity::Out, s, last, k};
        Factors factors{targetRef(s, k), outRef};
        const std::string formula =
            "@{half}(" + factors.mark(targetRef(s, k), "target_{" + name(last, k) + "}") + " - " +
            factors.mark(outRef, out(last, k, s)) + ")^{2}";
        const std::string numbers = "@{half}(" + number(factors, targetRef(s, k)) + " - " +
                                    operand(factors, outRef) + ")^{2}";
        add(Phase::Forward, {Quantity::OutputError, s, last, k}, outputError(k, s), formula,
            numbers, factors, "The squared error of " + name(last, k) + " against its target.",
            {{{last, k}}, {}, {}, true});
        errors.push_back({{Quantity::OutputError, s, last, k}, outputError(k, s)});
        lossHighlight.nodes.push_back({last, k});
    }
    Factors lossFactors;
    const auto [lossFormula, lossNumbers] = joined(errors, " + ", lossFactors);
    const QuantityRef lossRef = batch_ ? QuantityRef{Quantity::SampleLoss, s} : QuantityRef{};
    add(Phase::Forward, lossRef, loss(s), lossFormula, lossNumbers, lossFactors,
        batch_ ? "The error of sample " + std::to_string(s + 1) + ": the sum of its output errors."
               : "The total error: the sum of the output errors.",
        lossHighlight);
}

void Explainer::backward(int s, int l) {
    const int last = topology_.layerCount() - 1;
    for (int j = 0; j < topology_.layerSize(l); ++j) {
        const NodeValues& node = snapshot_.node(s, l, j);
        const QuantityRef outRef{Quantity::Out, s, l, j};
        const QuantityRef netRef{Quantity::Net, s, l, j};
        const QuantityRef dLoss_dOutRef{Quantity::DLoss_dOut, s, l, j};
        const QuantityRef dOut_dNetRef{Quantity::DOut_dNet, s, l, j};
        const std::string dLoss_dOut = partial(loss(s), out(l, j, s));
        const std::string dOut_dNet = partial(out(l, j, s), net(l, j, s));
        Highlight downstream;
        addDownstream(downstream, l, j);

        if (l == last) {
            Factors factors{targetRef(s, j), outRef};
            const std::string formula =
                "-(" + factors.mark(targetRef(s, j), "target_{" + name(l, j) + "}") + " - " +
                factors.mark(outRef, out(l, j, s)) + ")";
            const std::string numbers =
                "-(" + number(factors, targetRef(s, j)) + " - " + operand(factors, outRef) + ")";
            add(Phase::Backward, dLoss_dOutRef, dLoss_dOut, formula, numbers, factors,
                "How fast the error grows as out_" + name(l, j) + " grows.", downstream);
        } else {
            hiddenDLoss_dOut(s, l, j);
        }

        const ActivationInfo& f = activationInfo(topology_.activation(l));
        Factors slopeFactors;
        const std::string formula = fillFormula(
            f.slopeFormula, {{"$out", out(l, j, s), outRef}, {"$net", net(l, j, s), netRef}},
            &slopeFactors);
        const std::string numbers =
            fillFormula(f.slopeFormula,
                        {{"$out", number(node.out), outRef}, {"$net", number(node.net), netRef}},
                        &slopeFactors, true);
        add(Phase::Backward, dOut_dNetRef, dOut_dNet, formula, numbers, slopeFactors,
            "The slope of the activation at net_" + name(l, j) + ": how fast out_" + name(l, j) +
                " changes as net_" + name(l, j) + " changes.",
            {{{l, j}}, {}, {}, false});

        Factors deltaFactors;
        const auto [deltaFormula, deltaNumbers] =
            joined({{dLoss_dOutRef, dLoss_dOut}, {dOut_dNetRef, dOut_dNet}}, " * ", deltaFactors);
        add(Phase::Backward, {Quantity::Delta, s, l, j}, delta(l, j, s), deltaFormula, deltaNumbers,
            deltaFactors,
            "The error signal of " + name(l, j) + ": how fast the error changes as net_" +
                name(l, j) + " changes (dE/dnet).",
            downstream);
    }
    gradients(s, l);
}

void Explainer::hiddenDLoss_dOut(int s, int l, int j) {
    const bool nextIsOutput = l + 1 == topology_.layerCount() - 1;
    std::vector<Operand> paths;
    for (int k = 0; k < topology_.layerSize(l + 1); ++k) {
        const int w = topology_.weightIndex(l + 1, k, j);
        const std::string symbol =
            nextIsOutput ? partial(outputError(k, s), out(l, j, s))
                         : "(" + partial(loss(s), out(l, j, s)) + ")_{via " + name(l + 1, k) + "}";
        Highlight path;
        addDownstream(path, l + 1, k);
        path.nodes.push_back({l, j});
        path.weights.push_back(w);
        const QuantityRef pathRef{
            .quantity = Quantity::PathDLoss_dOut, .sample = s, .layer = l, .node = j, .via = k};
        Factors factors;
        const auto [formula, numbers] = joined(
            {{{Quantity::Delta, s, l + 1, k}, delta(l + 1, k, s)}, {weightRef(w), weight(w)}},
            " * ", factors);
        add(Phase::Backward, pathRef, symbol, formula, numbers, factors,
            "The part of out_" + name(l, j) + "'s effect on the error that flows through " +
                name(l + 1, k) + ": its delta times the weight " + topology_.weightName(w) +
                " between them.",
            path);
        paths.push_back({pathRef, symbol});
    }
    Highlight downstream;
    addDownstream(downstream, l, j);
    Factors factors;
    const auto [formula, numbers] = joined(paths, " + ", factors);
    add(Phase::Backward, {Quantity::DLoss_dOut, s, l, j}, partial(loss(s), out(l, j, s)), formula,
        numbers, factors,
        name(l, j) +
            " feeds every node of the next layer, so its effect on the error is the sum "
            "over those paths.",
        downstream);
}

void Explainer::gradients(int s, int l) {
    const Quantity weightQuantity =
        batch_ ? Quantity::SampleDLoss_dWeight : Quantity::DLoss_dWeight;
    for (int d = 0; d < topology_.layerSize(l); ++d) {
        for (int src = 0; src < topology_.layerSize(l - 1); ++src) {
            const int w = topology_.weightIndex(l, d, src);
            Highlight highlight;
            addDownstream(highlight, l, d);
            highlight.weights.push_back(w);
            // dnet/dw is the out of the weight's source node.
            Factors factors;
            const auto [formula, numbers] =
                joined({{{Quantity::DLoss_dOut, s, l, d}, partial(loss(s), out(l, d, s))},
                        {{Quantity::DOut_dNet, s, l, d}, partial(out(l, d, s), net(l, d, s))},
                        {{Quantity::Out, s, l - 1, src}, partial(net(l, d, s), weight(w))}},
                       " * ", factors);
            add(Phase::Backward,
                {.quantity = weightQuantity, .sample = batch_ ? s : -1, .parameter = w},
                partial(loss(s), weight(w)), formula, numbers, factors,
                "How fast the error changes as " + topology_.weightName(w) +
                    " changes: " + name(l, d) + "'s error signal times the value " +
                    topology_.weightName(w) + " carries in.",
                highlight);
        }
    }
    if (!snapshot_.trainsBiases()) return;

    const Quantity biasQuantity = batch_ ? Quantity::SampleDLoss_dBias : Quantity::DLoss_dBias;
    const bool shared = topology_.biasMode() == BiasMode::Shared;
    const int biases = shared ? 1 : topology_.layerSize(l);
    for (int k = 0; k < biases; ++k) {
        const int b = topology_.biasIndex(l, k);
        Highlight highlight = biasHighlight(b);
        std::vector<Operand> deltas;
        for (const Highlight::Node fed : std::vector(highlight.biasEdges)) {
            deltas.push_back({{Quantity::Delta, s, l, fed.node}, delta(l, fed.node, s)});
            addDownstream(highlight, l, fed.node);
        }
        Factors factors;
        const auto [formula, numbers] = joined(deltas, " + ", factors);
        add(Phase::Backward, {.quantity = biasQuantity, .sample = batch_ ? s : -1, .parameter = b},
            partial(loss(s), bias(b)), formula, numbers, factors,
            shared ? topology_.biasName(b) +
                         " enters every node of its layer with weight 1, so its gradient is "
                         "the sum of their deltas."
                   : topology_.biasName(b) +
                         " enters one node with weight 1, so its gradient "
                         "is that node's delta.",
            highlight);
    }
}

void Explainer::lossMean() {
    Factors factors;
    const auto [formula, numbers] = mean(
        [&](int s) {
            return Operand{{Quantity::SampleLoss, s}, loss(s)};
        },
        factors);
    add(Phase::Forward, {}, "E_{total}", formula, numbers, factors,
        "The loss of the batch: the mean of the sample errors.", {{}, {}, {}, true});
}

void Explainer::gradientMeans() {
    const std::string meaning =
        "The gradient of the batch loss: the mean of the samples' gradients.";
    for (int w = 0; w < topology_.weightCount(); ++w) {
        Factors factors;
        const auto [formula, numbers] = mean(
            [&](int s) {
                return Operand{
                    {.quantity = Quantity::SampleDLoss_dWeight, .sample = s, .parameter = w},
                    partial(loss(s), weight(w))};
            },
            factors);
        add(Phase::Backward, {.quantity = Quantity::DLoss_dWeight, .parameter = w},
            partial("E_{total}", weight(w)), formula, numbers, factors, meaning,
            {{}, {w}, {}, true});
    }
    if (!snapshot_.trainsBiases()) return;
    for (int b = 0; b < topology_.biasCount(); ++b) {
        Factors factors;
        const auto [formula, numbers] = mean(
            [&](int s) {
                return Operand{
                    {.quantity = Quantity::SampleDLoss_dBias, .sample = s, .parameter = b},
                    partial(loss(s), bias(b))};
            },
            factors);
        add(Phase::Backward, {.quantity = Quantity::DLoss_dBias, .parameter = b},
            partial("E_{total}", bias(b)), formula, numbers, factors, meaning,
            biasHighlight(b, true));
    }
}

void Explainer::updates() {
    const QuantityRef rate{Quantity::LearningRate};
    // p+ = p - lr * dE/dp, for one weight or bias: `before` names p, `gradient` dE/dp.
    const auto update = [&](QuantityRef ref, const std::string& symbol, const std::string& name,
                            QuantityRef before, QuantityRef gradient, Highlight highlight) {
        Factors factors{before, rate, gradient};
        const std::string formula = factors.mark(before, symbol) + " - " +
                                    factors.mark(rate, "@{eta}") + " * " +
                                    factors.mark(gradient, partial("E_{total}", symbol));
        const std::string numbers = number(factors, before) + " - " + operand(factors, rate) +
                                    " * " + operand(factors, gradient);
        add(Phase::Update, ref, symbol + "^{+}", formula, numbers, factors,
            "Gradient descent moves " + name +
                " against its gradient, by the learning rate times the gradient.",
            std::move(highlight));
    };
    for (int w = 0; w < topology_.weightCount(); ++w)
        update({.quantity = Quantity::NewWeight, .parameter = w}, weight(w),
               topology_.weightName(w), weightRef(w),
               {.quantity = Quantity::DLoss_dWeight, .parameter = w}, {{}, {w}, {}, false});
    if (!snapshot_.trainsBiases()) return;
    for (int b = 0; b < topology_.biasCount(); ++b)
        update({.quantity = Quantity::NewBias, .parameter = b}, bias(b), topology_.biasName(b),
               biasRef(b), {.quantity = Quantity::DLoss_dBias, .parameter = b}, biasHighlight(b));
}

}  // namespace

std::vector<Term> explain(const StepSnapshot& snapshot, int digits) {
    return Explainer(snapshot, digits).run();
}

}  // namespace core
