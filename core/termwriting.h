#pragma once

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "markup.h"
#include "quantity.h"

namespace core {

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
        auto it = std::find(refs_.begin(), refs_.end(), ref);
        if (it == refs_.end()) it = refs_.insert(refs_.end(), ref);
        return static_cast<int>(it - refs_.begin());
    }
    // `text` marked as the factor `ref` (markup.h), which is added when it is new.
    std::string mark(const QuantityRef& ref, std::string_view text) {
        return markFactor(add(ref), text);
    }
    // The factors, leaving none for the next term.
    std::vector<QuantityRef> take() { return std::exchange(refs_, {}); }

private:
    std::vector<QuantityRef> refs_;
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

}  // namespace core
