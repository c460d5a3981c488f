#pragma once

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "markup.h"
#include "quantity.h"

namespace core {

struct Term;
class StepSnapshot;

// Helpers of the explainer for writing a term's formula and numbers with their factors marked.

// The factors of one term as it is written: each place once, in the order first written. An
// expression that marks several new ones lists them first (constructor, add), since the operands
// of + are evaluated in no fixed order.
class Factors {
public:
    Factors() = default;
    Factors(std::initializer_list<QuantityRef> refs) : refs_(refs) {}

    // The index of `ref`, which is added as the next factor when it is new.
    int add(const QuantityRef& ref) {
        // A few factors are searched; the many of a batch mean (one per sample) are indexed.
        if (refs_.size() < kSearched) {
            const auto it = std::find(refs_.begin(), refs_.end(), ref);
            if (it != refs_.end()) return static_cast<int>(it - refs_.begin());
        } else {
            if (index_.empty())
                for (std::size_t k = 0; k < refs_.size(); ++k)
                    index_.emplace(refs_[k], static_cast<int>(k));
            const auto [it, added] = index_.emplace(ref, static_cast<int>(refs_.size()));
            if (!added) return it->second;
        }
        refs_.push_back(ref);
        return static_cast<int>(refs_.size()) - 1;
    }
    // `text` marked as the factor `ref` (markup.h), which is added when it is new.
    std::string mark(const QuantityRef& ref, std::string_view text) {
        return markFactor(add(ref), text);
    }
    // The factors, leaving none for the next term.
    std::vector<QuantityRef> take() {
        index_.clear();
        return std::exchange(refs_, {});
    }

private:
    static constexpr std::size_t kSearched = 32;  // factors searched one by one
    std::vector<QuantityRef> refs_;
    std::unordered_map<QuantityRef, int, QuantityRefHash> index_;  // past kSearched: refs_ indexed
};

// One placeholder of an activation's formula, what replaces it and the factor it stands for.
struct Fill {
    std::string_view placeholder;  // "$net", "$out"
    std::string text;              // the symbol or number put in its place
    QuantityRef factor{};          // the value it names
};

// `text` (an activation's formula, activation.h) with each placeholder replaced, its factor
// marked when `factors` is given. With `numbers`, the replacements are numbers: a negative one
// is put in parentheses unless it stands alone as an argument, and a formula with nothing to
// compute gives no numbers at all.
std::string fillFormula(std::string_view text, std::initializer_list<Fill> values, Factors* factors,
                        bool numbers = false);

// Which term of a step, and where on the network and in the batch it sits: enough to write it
// alone. The fields a kind does not use stay -1.
struct TermSlot {
    enum class Kind {
        Net,               // net of node (layer, node) in `sample`
        Out,               // its out
        OutputError,       // E of output `node`
        Loss,              // E of `sample` (E_total with one sample)
        LossMean,          // E_total: the mean of the sample losses
        OutputDLoss_dOut,  // dE/dout of output `node`
        PathShare,         // the share of hidden node (layer, node)'s dE/dout through `other`
        HiddenDLoss_dOut,  // dE/dout of hidden node (layer, node): the sum of its shares
        Slope,             // dout/dnet of (layer, node)
        Delta,             // delta of (layer, node)
        WeightGradient,    // dE/dw of weight `other` in `sample`
        BiasGradient,      // dE/db of bias `other` in `sample`
        WeightMean,        // dE_total/dw of weight `other`: the mean over the samples
        BiasMean,          // dE_total/db of bias `other`
        WeightUpdate,      // weight `other` after the update
        BiasUpdate,        // bias `other` after the update
        WeightVelocity,    // with momentum: weight `other`'s velocity after the update
        BiasVelocity,      // with momentum: bias `other`'s velocity after the update
    };
    Kind kind = Kind::LossMean;
    int sample = -1;  // the sample, for a term of one sample
    int layer = -1;   // the node's layer, for a term of a node
    int node = -1;    // the node within `layer`
    int other = -1;   // the node of layer+1 a path share runs through, or the parameter
};

// The quantity the term in `slot` computes, without writing the term.
QuantityRef quantityOf(const StepSnapshot& snapshot, const TermSlot& slot);

// The term in `slot`, its numbers written with `digits` significant digits.
Term writeTerm(const StepSnapshot& snapshot, int digits, const TermSlot& slot);

}  // namespace core
