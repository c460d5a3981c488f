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

std::string plainText(const Term& term) {
    return equation(term, [](const std::string& m) { return plainFromMarkup(m); });
}

std::string htmlText(const Term& term) {
    return equation(term, [](const std::string& m) { return htmlFromMarkup(m); });
}

}  // namespace core
