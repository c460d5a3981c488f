#pragma once

#include <string>
#include <vector>

#include "quantity.h"
#include "stepcursor.h"
#include "stepsnapshot.h"

namespace core {

struct TermSlot;

// The three parts of a training step, in the order they run.
enum class Phase { Forward, Backward, Update };

// The parts of the network a term involves, to be highlighted while it is shown. A term stores
// only its own parts and the nodes whose paths to the loss it involves (`downstream`), so that
// it costs no more than its own formula; expand() lists every part that lights up.
struct Highlight {
    struct Node {
        int layer = 0;
        int node = 0;
        bool operator==(const Node&) const = default;
        auto operator<=>(const Node&) const = default;
    };
    std::vector<Node> nodes{};       // nodes ringed
    std::vector<int> weights{};      // weights whose edges light up
    std::vector<int> biases{};       // biases ringed (their bias node or label)
    bool loss = false;               // E_total
    std::vector<Node> biasEdges{};   // nodes whose edge from their bias lights up
    std::vector<Node> downstream{};  // nodes lit with every path from them to the loss

    bool operator==(const Highlight&) const = default;
};

// Every part `highlight` lights on a network of `topology`, each listed once in ascending order,
// with no `downstream` left: a node of it lights itself, the weights out of it, every node and
// weight after them, and E_total.
Highlight expand(const Highlight& highlight, const Topology& topology);

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
    Highlight highlight;    // the nodes and edges it involves (see expand())

    bool operator==(const Term&) const = default;
};

// Every term of a step in the order a student works through it: the forward pass node by node,
// the errors and the loss; then, layer by layer from the output, dE/dout (for a hidden node, one
// term per path and their sum), dout/dnet and delta of each node, and the gradient of each weight
// and trained bias; with several samples the batch mean; last, when the step updated, each
// parameter's update (with momentum, its new velocity first). Numbers are written with `digits`
// significant digits. All at once: for
// small networks and tests; Explanation gives any one term of any network.
std::vector<Term> explain(const StepSnapshot& snapshot, int digits = 9);

// Where the terms explain(snapshot) would give end, counted without building them (a large
// network has millions of terms): the forward pass, the backward pass and the whole step.
StepShape stepShape(const StepSnapshot& snapshot);

// A step's terms, each written when asked for: the largest network's step has tens of millions,
// which are never held at once. Where a term sits follows from the loops of explain(), so any
// term, the term that computes a quantity and the end of each phase are found by arithmetic.
// Immutable, hence safe to share between threads.
class Explanation {
public:
    Explanation() = default;
    Explanation(const StepSnapshot& snapshot, int digits);

    // How many terms the step has.
    int size() const { return shape_.total; }
    // Term `index` (0 .. size()-1), written now: explain(snapshot, digits)[index].
    Term term(int index) const;
    // The index of the term that computes `ref`, or -1 when no term does.
    int indexOf(const QuantityRef& ref) const;
    // How many terms there are up to the end of `phase`.
    int phaseEnd(Phase phase) const;
    // The step explained.
    const StepSnapshot& snapshot() const { return snapshot_; }

private:
    // The slot (termwriting.h) of term `index`, by arithmetic on the loops of explain().
    TermSlot slotAt(int index) const;
    // Where the backward terms of `layer` in `sample` start in the step.
    int backwardStart(int sample, int layer) const;
    // Terms each node of `layer` has in the backward pass before the layer's gradients.
    int backwardNodeTerms(int layer) const;
    // Terms each trained parameter has in the update: 2 with momentum (velocity, then value).
    int updateTerms() const;
    // Where the update's term of trained parameter `parameter` (weights, then biases) is: its
    // velocity's, or its new value's; -1 for a velocity without momentum.
    int updateIndex(int parameter, bool velocity) const;

    StepSnapshot snapshot_;
    int digits_ = 9;
    StepShape shape_;
    int forwardTerms_ = 0;   // terms of one sample's forward pass
    int backwardTerms_ = 0;  // terms of one sample's backward pass
    // For each layer, where its terms start within one sample's forward pass (one entry more:
    // where the output errors start) and within one sample's backward pass.
    std::vector<int> forwardStart_, backwardStart_;
};

// "symbol = formula = numbers = value" in plain text.
std::string plainText(const Term& term);

// "symbol = formula = numbers = value" as Qt rich text.
std::string htmlText(const Term& term);

}  // namespace core
