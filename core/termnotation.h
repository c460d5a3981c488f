#pragma once

#include <string>
#include <utility>
#include <vector>

#include "numbertext.h"
#include "quantity.h"
#include "stepsnapshot.h"
#include "termwriting.h"

namespace core {

// How one snapshot's quantities are written in its terms (core's markup, markup.h): the worked
// example's symbols (net_h1, out_o1, w_5, dE/dout), with a sample's mark in a batch; numbers
// with the explanation's digits, each marked as its factor; and sums, products and batch means
// of operands, in symbols and in numbers. The explainer's term writer builds on it.
class TermNotation {
public:
    TermNotation(const StepSnapshot& snapshot, int digits)
        : snapshot_(snapshot),
          topology_(snapshot.topology()),
          digits_(digits),
          batch_(snapshot.sampleCount() > 1) {}

    // Symbols ----------------------------------------------------------------------------------
    // Of node n of layer l in sample s (net, out, delta), weight w, bias b and the loss; a
    // sample's mark shows only in a batch.
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
    // The symbol of the share of (l, j)'s dE/dout that flows through node k of layer l+1.
    std::string share(int s, int l, int j, int k) const {
        if (l + 1 == topology_.layerCount() - 1) return partial(outputError(k, s), out(l, j, s));
        return "(" + partial(loss(s), out(l, j, s)) + ")_{via " + name(l + 1, k) + "}";
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

    // The places of the step's numbers.
    static QuantityRef weightRef(int w) { return {.quantity = Quantity::Weight, .parameter = w}; }
    static QuantityRef biasRef(int b) { return {.quantity = Quantity::Bias, .parameter = b}; }
    QuantityRef targetRef(int s, int k) const {
        return {Quantity::Target, s, topology_.layerCount() - 1, k};
    }

protected:
    const StepSnapshot& snapshot_;  // the step written
    const Topology& topology_;      // its network's shape
    int digits_;                    // significant digits of the numbers
    bool batch_;                    // several samples: symbols of one sample carry its mark
};

}  // namespace core
