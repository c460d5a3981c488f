#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "quantity.h"
#include "stepcursor.h"
#include "stepsnapshot.h"

namespace core {

// The three parts of a training step, in the order they run.
enum class Phase { Forward, Backward, Update };

// The parts of the network a term involves, to be highlighted while it is shown.
struct Highlight {
    struct Node {
        int layer = 0;
        int node = 0;
        bool operator==(const Node&) const = default;
    };
    std::vector<Node> nodes{};      // nodes ringed
    std::vector<int> weights{};     // weights whose edges light up
    std::vector<int> biases{};      // biases ringed (their bias node or label)
    bool loss = false;              // E_total
    std::vector<Node> biasEdges{};  // nodes whose edge from their bias lights up

    bool operator==(const Highlight&) const = default;
};

// One quantity of a step, written out as the worked example does:
// symbol = formula = numbers = value, e.g. dE/dw5 = dE/dout_o1 * dout_o1/dnet_o1 * dnet_o1/dw5
// = 0.74136507 * 0.186815602 * 0.593269992 = 0.082167041. Texts are in core's markup (markup.h).
// Factor k of `factors` is marked #k{..} in `formula` (its symbol, wherever it appears) and in
// `numbers` (its number, StepSnapshot::value(factors[k]) written with the term's digits), so that
// a view can give the symbol, the number and the place on the network one colour.
struct Term {
    Phase phase = Phase::Forward;
    QuantityRef quantity;  // the number this term computes
    std::string symbol;    // its name, e.g. "@{d}E_{total}/@{d}w_[5]"
    std::string formula;   // how it is computed, in symbols
    std::string numbers;   // the same with this step's numbers put in
    // The formula's operands in the order written, each once, naming where on the network it is.
    std::vector<QuantityRef> factors;
    double value = 0.0;     // the result, as the engine computed it
    std::string valueText;  // the result, written with the explanation's digits
    std::string meaning;    // one sentence on what the number means
    Highlight highlight;    // the nodes and edges it involves
};

// Every term of a step in the order a student works through it: the forward pass node by node,
// the errors and the loss; then, layer by layer from the output, dE/dout (for a hidden node, one
// term per path and their sum), dout/dnet and delta of each node, and the gradient of each weight
// and trained bias; with several samples the batch mean; last, when the step updated, each
// parameter's update. Numbers are written with `digits` significant digits.
std::vector<Term> explain(const StepSnapshot& snapshot, int digits = 9);

// Where the terms explain(snapshot) would give end, counted without building them (a large
// network has millions of terms): the forward pass, the backward pass and the whole step.
StepShape stepShape(const StepSnapshot& snapshot);

// A step's terms, indexed: which term computes a quantity, and where each phase ends.
class Explanation {
public:
    Explanation() = default;
    Explanation(const StepSnapshot& snapshot, int digits);

    const std::vector<Term>& terms() const { return terms_; }
    int size() const { return static_cast<int>(terms_.size()); }
    // The index of the term that computes `ref`, or -1 when no term does.
    int indexOf(const QuantityRef& ref) const;
    // How many terms there are up to the end of `phase`.
    int phaseEnd(Phase phase) const;

private:
    std::vector<Term> terms_;
    std::unordered_map<QuantityRef, int, QuantityRefHash> index_;
};

// "symbol = formula = numbers = value" in plain text.
std::string plainText(const Term& term);

// "symbol = formula = numbers = value" as Qt rich text.
std::string htmlText(const Term& term);

}  // namespace core
