#include "explanation.h"

#include <algorithm>

#include "markup.h"

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

}  // namespace

Explanation::Explanation(const StepSnapshot& snapshot, int digits)
    : terms_(explain(snapshot, digits)) {
    for (int i = 0; i < size(); ++i)
        index_.emplace(terms_[i].quantity, i);
}

int Explanation::indexOf(const QuantityRef& ref) const {
    const auto it = index_.find(ref);
    return it == index_.end() ? -1 : it->second;
}

int Explanation::phaseEnd(Phase phase) const {
    return static_cast<int>(std::count_if(terms_.begin(), terms_.end(),
                                          [&](const Term& term) { return term.phase <= phase; }));
}

std::string plainText(const Term& term) {
    return equation(term, [](const std::string& m) { return plainFromMarkup(m); });
}

std::string htmlText(const Term& term) {
    return equation(term, [](const std::string& m) { return htmlFromMarkup(m); });
}

}  // namespace core
