#include <algorithm>

#include "explanation.h"
#include "markup.h"

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
    // A number inside a product or after an operator: negative ones in parentheses.
    std::string operand(double v) const { return v < 0 ? "(" + number(v) + ")" : number(v); }
    // `text` (an activation's formula) with each placeholder replaced. With `numbers`, the
    // replacements are numbers: a negative one is put in parentheses unless it stands alone as
    // an argument, and a formula with nothing to compute gives no numbers at all.
    static std::string fill(std::string_view text,
                            std::initializer_list<std::pair<std::string_view, std::string>> values,
                            bool numbers = false);

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
             std::string numbers, std::string meaning, Highlight highlight) {
        const double value = snapshot_.value(ref);
        terms_.push_back({phase, ref, std::move(symbol), std::move(formula), std::move(numbers),
                          value, number(value), std::move(meaning), std::move(highlight)});
    }

    void forward(int s);
    void backward(int s, int l);
    void hiddenDLoss_dOut(int s, int l, int j);
    void gradients(int s, int l);
    // "(x1 + x2 + ..)/n" over the samples, as symbols and as numbers.
    template <class SymbolOf, class ValueOf>
    std::pair<std::string, std::string> mean(SymbolOf symbolOf, ValueOf valueOf) const {
        std::string formula, numbers;
        for (int s = 0; s < snapshot_.sampleCount(); ++s) {
            formula += (s == 0 ? "" : " + ") + symbolOf(s);
            numbers += (s == 0 ? "" : " + ") + operand(valueOf(s));
        }
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

std::string Explainer::fill(std::string_view text,
                            std::initializer_list<std::pair<std::string_view, std::string>> values,
                            bool numbers) {
    std::string filled;
    bool replaced = false;
    for (std::size_t i = 0; i < text.size();) {
        const auto value = std::find_if(values.begin(), values.end(), [&](const auto& v) {
            return text.substr(i).starts_with(v.first);
        });
        if (value == values.end()) {
            filled += text[i++];
            continue;
        }
        const std::size_t end = i + value->first.size();
        // Alone as an argument: after "(", " " or the start (not "- "), before ")", ",", " " or the
        // end.
        const bool openBefore =
            i == 0 || text[i - 1] == '(' || (text[i - 1] == ' ' && (i < 2 || text[i - 2] != '-'));
        const bool closeAfter =
            end == text.size() || text[end] == ')' || text[end] == ',' || text[end] == ' ';
        const bool wrap = numbers && value->second.starts_with('-') && !(openBefore && closeAfter);
        filled += wrap ? "(" + value->second + ")" : value->second;
        replaced = true;
        i = end;
    }
    // A formula that is only a placeholder ("$net" of a linear node) computes nothing.
    if (numbers && (!replaced || (values.size() == 1 && text == values.begin()->first))) return {};
    return filled;
}

void Explainer::forward(int s) {
    for (int l = 1; l < topology_.layerCount(); ++l) {
        const Activation activation = topology_.activation(l);
        for (int n = 0; n < topology_.layerSize(l); ++n) {
            const NodeValues& node = snapshot_.node(s, l, n);
            const int b = topology_.biasIndex(l, n);
            std::string formula, numbers;
            Highlight highlight{.nodes = {{l, n}}, .biases = {b}, .biasEdges = {{l, n}}};
            for (int src = 0; src < topology_.layerSize(l - 1); ++src) {
                const int w = topology_.weightIndex(l, n, src);
                const std::string plus = src == 0 ? "" : " + ";
                formula += plus + weight(w) + " * " + out(l - 1, src, s);
                numbers += plus + operand(snapshot_.weightsBefore()[w]) + " * " +
                           operand(snapshot_.node(s, l - 1, src).out);
                highlight.nodes.push_back({l - 1, src});
                highlight.weights.push_back(w);
            }
            formula += " + " + bias(b) + " * 1";
            numbers += " + " + operand(snapshot_.biasesBefore()[b]) + " * 1";
            add(Phase::Forward, {Quantity::Net, s, l, n}, net(l, n, s), formula, numbers,
                "The total input of " + name(l, n) +
                    ": every incoming value times its weight, plus the bias.",
                highlight);

            const ActivationInfo& f = activationInfo(activation);
            add(Phase::Forward, {Quantity::Out, s, l, n}, out(l, n, s),
                fill(f.outFormula, {{"$net", net(l, n, s)}}),
                fill(f.outFormula, {{"$net", number(node.net)}}, true),
                "The output of " + name(l, n) + ". " +
                    fill(f.meaning, {{"$net", "net_" + name(l, n)}}),
                {{{l, n}}, {}, {}, false});
        }
    }

    const int last = topology_.layerCount() - 1;
    std::string lossFormula, lossNumbers;
    Highlight lossHighlight{{}, {}, {}, true};
    for (int k = 0; k < topology_.outputCount(); ++k) {
        const std::string target = "target_{" + name(last, k) + "}";
        add(Phase::Forward, {Quantity::OutputError, s, last, k}, outputError(k, s),
            "@{half}(" + target + " - " + out(last, k, s) + ")^{2}",
            "@{half}(" + number(snapshot_.samples()[s].target[k]) + " - " +
                operand(snapshot_.node(s, last, k).out) + ")^{2}",
            "The squared error of " + name(last, k) + " against its target.",
            {{{last, k}}, {}, {}, true});
        const std::string plus = k == 0 ? "" : " + ";
        lossFormula += plus + outputError(k, s);
        lossNumbers += plus + operand(snapshot_.outputError(s, k));
        lossHighlight.nodes.push_back({last, k});
    }
    const QuantityRef lossRef = batch_ ? QuantityRef{Quantity::SampleLoss, s} : QuantityRef{};
    add(Phase::Forward, lossRef, loss(s), lossFormula, lossNumbers,
        batch_ ? "The error of sample " + std::to_string(s + 1) + ": the sum of its output errors."
               : "The total error: the sum of the output errors.",
        lossHighlight);
}

void Explainer::backward(int s, int l) {
    const int last = topology_.layerCount() - 1;
    for (int j = 0; j < topology_.layerSize(l); ++j) {
        const NodeValues& node = snapshot_.node(s, l, j);
        const std::string dLoss_dOut = partial(loss(s), out(l, j, s));
        const std::string dOut_dNet = partial(out(l, j, s), net(l, j, s));
        Highlight downstream;
        addDownstream(downstream, l, j);

        if (l == last) {
            const std::string target = "target_{" + name(l, j) + "}";
            add(Phase::Backward, {Quantity::DLoss_dOut, s, l, j}, dLoss_dOut,
                "-(" + target + " - " + out(l, j, s) + ")",
                "-(" + number(snapshot_.samples()[s].target[j]) + " - " + operand(node.out) + ")",
                "How fast the error grows as out_" + name(l, j) + " grows.", downstream);
        } else {
            hiddenDLoss_dOut(s, l, j);
        }

        const ActivationInfo& f = activationInfo(topology_.activation(l));
        const std::string formula =
            fill(f.slopeFormula, {{"$out", out(l, j, s)}, {"$net", net(l, j, s)}});
        const std::string numbers =
            fill(f.slopeFormula, {{"$out", number(node.out)}, {"$net", number(node.net)}}, true);
        add(Phase::Backward, {Quantity::DOut_dNet, s, l, j}, dOut_dNet, formula, numbers,
            "The slope of the activation at net_" + name(l, j) + ": how fast out_" + name(l, j) +
                " changes as net_" + name(l, j) + " changes.",
            {{{l, j}}, {}, {}, false});

        add(Phase::Backward, {Quantity::Delta, s, l, j}, delta(l, j, s),
            dLoss_dOut + " * " + dOut_dNet,
            operand(node.dLoss_dOut) + " * " + operand(node.dOut_dNet),
            "The error signal of " + name(l, j) + ": how fast the error changes as net_" +
                name(l, j) + " changes (dE/dnet).",
            downstream);
    }
    gradients(s, l);
}

void Explainer::hiddenDLoss_dOut(int s, int l, int j) {
    const bool nextIsOutput = l + 1 == topology_.layerCount() - 1;
    std::string sumFormula, sumNumbers;
    for (int k = 0; k < topology_.layerSize(l + 1); ++k) {
        const int w = topology_.weightIndex(l + 1, k, j);
        const std::string symbol =
            nextIsOutput ? partial(outputError(k, s), out(l, j, s))
                         : "(" + partial(loss(s), out(l, j, s)) + ")_{via " + name(l + 1, k) + "}";
        Highlight path;
        addDownstream(path, l + 1, k);
        path.nodes.push_back({l, j});
        path.weights.push_back(w);
        const double pathDelta = snapshot_.node(s, l + 1, k).delta;
        add(Phase::Backward,
            {.quantity = Quantity::PathDLoss_dOut, .sample = s, .layer = l, .node = j, .via = k},
            symbol, delta(l + 1, k, s) + " * " + weight(w),
            operand(pathDelta) + " * " + operand(snapshot_.weightsBefore()[w]),
            "The part of out_" + name(l, j) + "'s effect on the error that flows through " +
                name(l + 1, k) + ": its delta times the weight " + topology_.weightName(w) +
                " between them.",
            path);
        sumFormula += (k == 0 ? "" : " + ") + symbol;
        sumNumbers += (k == 0 ? "" : " + ") + operand(snapshot_.value(terms_.back().quantity));
    }
    Highlight downstream;
    addDownstream(downstream, l, j);
    add(Phase::Backward, {Quantity::DLoss_dOut, s, l, j}, partial(loss(s), out(l, j, s)),
        sumFormula, sumNumbers,
        name(l, j) +
            " feeds every node of the next layer, so its effect on the error is the sum "
            "over those paths.",
        downstream);
}

void Explainer::gradients(int s, int l) {
    const Quantity weightQuantity =
        batch_ ? Quantity::SampleDLoss_dWeight : Quantity::DLoss_dWeight;
    for (int d = 0; d < topology_.layerSize(l); ++d) {
        const NodeValues& node = snapshot_.node(s, l, d);
        for (int src = 0; src < topology_.layerSize(l - 1); ++src) {
            const int w = topology_.weightIndex(l, d, src);
            Highlight highlight;
            addDownstream(highlight, l, d);
            highlight.weights.push_back(w);
            add(Phase::Backward,
                {.quantity = weightQuantity, .sample = batch_ ? s : -1, .parameter = w},
                partial(loss(s), weight(w)),
                partial(loss(s), out(l, d, s)) + " * " + partial(out(l, d, s), net(l, d, s)) +
                    " * " + partial(net(l, d, s), weight(w)),
                operand(node.dLoss_dOut) + " * " + operand(node.dOut_dNet) + " * " +
                    operand(snapshot_.node(s, l - 1, src).out),
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
        std::string formula, numbers;
        for (const Highlight::Node fed : std::vector(highlight.biasEdges)) {
            formula += (formula.empty() ? "" : " + ") + delta(l, fed.node, s);
            numbers +=
                (numbers.empty() ? "" : " + ") + operand(snapshot_.node(s, l, fed.node).delta);
            addDownstream(highlight, l, fed.node);
        }
        add(Phase::Backward, {.quantity = biasQuantity, .sample = batch_ ? s : -1, .parameter = b},
            partial(loss(s), bias(b)), formula, numbers,
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
    auto [formula, numbers] =
        mean([&](int s) { return loss(s); }, [&](int s) { return snapshot_.sampleLoss(s); });
    add(Phase::Forward, {}, "E_{total}", formula, numbers,
        "The loss of the batch: the mean of the sample errors.", {{}, {}, {}, true});
}

void Explainer::gradientMeans() {
    const std::string meaning =
        "The gradient of the batch loss: the mean of the samples' gradients.";
    for (int w = 0; w < topology_.weightCount(); ++w) {
        auto [formula, numbers] = mean([&](int s) { return partial(loss(s), weight(w)); },
                                       [&](int s) { return snapshot_.sampleDLoss_dWeight(s, w); });
        add(Phase::Backward, {.quantity = Quantity::DLoss_dWeight, .parameter = w},
            partial("E_{total}", weight(w)), formula, numbers, meaning, {{}, {w}, {}, true});
    }
    if (!snapshot_.trainsBiases()) return;
    for (int b = 0; b < topology_.biasCount(); ++b) {
        auto [formula, numbers] = mean([&](int s) { return partial(loss(s), bias(b)); },
                                       [&](int s) { return snapshot_.sampleDLoss_dBias(s, b); });
        add(Phase::Backward, {.quantity = Quantity::DLoss_dBias, .parameter = b},
            partial("E_{total}", bias(b)), formula, numbers, meaning, biasHighlight(b, true));
    }
}

void Explainer::updates() {
    const std::string rate = operand(snapshot_.learningRate());
    // p+ = p - lr * dE/dp, for one weight or bias.
    const auto update = [&](QuantityRef ref, const std::string& symbol, const std::string& name,
                            double before, double gradient, Highlight highlight) {
        add(Phase::Update, ref, symbol + "^{+}",
            symbol + " - @{eta} * " + partial("E_{total}", symbol),
            number(before) + " - " + rate + " * " + operand(gradient),
            "Gradient descent moves " + name +
                " against its gradient, by the learning rate times the gradient.",
            std::move(highlight));
    };
    for (int w = 0; w < topology_.weightCount(); ++w)
        update({.quantity = Quantity::NewWeight, .parameter = w}, weight(w),
               topology_.weightName(w), snapshot_.weightsBefore()[w], snapshot_.dLoss_dWeight(w),
               {{}, {w}, {}, false});
    if (!snapshot_.trainsBiases()) return;
    for (int b = 0; b < topology_.biasCount(); ++b)
        update({.quantity = Quantity::NewBias, .parameter = b}, bias(b), topology_.biasName(b),
               snapshot_.biasesBefore()[b], snapshot_.dLoss_dBias(b), biasHighlight(b));
}

}  // namespace

StepShape stepShape(const StepSnapshot& snapshot) {
    // The same loops as Explainer::run, counting.
    const Topology& topology = snapshot.topology();
    const int samples = snapshot.sampleCount();
    const int batch = samples > 1 ? 1 : 0;
    const int last = topology.layerCount() - 1;
    const bool biases = snapshot.trainsBiases();
    const bool shared = topology.biasMode() == BiasMode::Shared;
    int forward = topology.outputCount() + 1;  // each output's error and the sample's loss
    int backward = 0;
    for (int l = 1; l <= last; ++l) {
        const int size = topology.layerSize(l);
        forward += 2 * size;  // net and out
        // dE/dout (a hidden node: one term per path and their sum), dout/dnet and delta.
        backward += size * ((l == last ? 1 : topology.layerSize(l + 1) + 1) + 2);
        backward += size * topology.layerSize(l - 1) + (biases ? (shared ? 1 : size) : 0);
    }
    const int parameters = topology.weightCount() + (biases ? topology.biasCount() : 0);
    StepShape shape;
    shape.forwardEnd = samples * forward + batch;
    shape.backwardEnd = shape.forwardEnd + samples * backward + batch * parameters;
    shape.total = shape.backwardEnd + (snapshot.updated() ? parameters : 0);
    return shape;
}

std::vector<Term> explain(const StepSnapshot& snapshot, int digits) {
    return Explainer(snapshot, digits).run();
}

}  // namespace core
