// The factors of each term (core::Term::factors) and their marks in the formula and the numbers.

#include <gtest/gtest.h>

#include <cctype>
#include <map>
#include <string>
#include <vector>

#include "core/explanation.h"
#include "core/markup.h"
#include "core/trainer.h"
#include "workedexample.h"

namespace {

using core::Quantity;
using testing_support::workedExample;

// resources/presets/xor.json, written out by hand (core tests cannot read Qt resources).
core::NetworkConfig xorPreset() {
    core::NetworkConfig config;
    config.layers = {2, 2, 2};
    config.activations = {core::Activation::Sigmoid, core::Activation::Sigmoid};
    config.biasMode = core::BiasMode::PerNode;
    config.trainBiases = true;
    config.learningRate = 2;
    config.seed = 1;
    config.samples = {{{0, 0}, {1, 0}}, {{0, 1}, {0, 1}}, {{1, 0}, {0, 1}}, {{1, 1}, {1, 0}}};
    return config;
}

// A factor as the tables below write it: the inputs as "i1", everything else by quantityName.
std::string nameOf(const core::StepSnapshot& step, const core::QuantityRef& ref) {
    if (ref.quantity == Quantity::Out && ref.layer == 0) {
        const std::string sample =
            step.sampleCount() > 1 ? " of sample " + std::to_string(ref.sample + 1) : "";
        return "i" + std::to_string(ref.node + 1) + sample;
    }
    return core::quantityName(step.topology(), ref, step.sampleCount());
}

// "w1, i1, w2, i2, b1".
std::string namesOf(const core::StepSnapshot& step, const core::Term& term) {
    std::string names;
    for (const core::QuantityRef& factor : term.factors)
        names += (names.empty() ? "" : ", ") + nameOf(step, factor);
    return names;
}

// Every "#k{...}" of `markup`: k and the markup inside, in the order written.
std::vector<std::pair<int, std::string>> marks(const std::string& markup) {
    std::vector<std::pair<int, std::string>> found;
    for (std::size_t i = 0; i < markup.size(); ++i) {
        if (markup[i] != '#') continue;
        std::size_t open = i + 1;
        while (open < markup.size() && std::isdigit(static_cast<unsigned char>(markup[open])))
            ++open;
        if (open == i + 1 || open >= markup.size() || markup[open] != '{') continue;
        int depth = 1;
        std::size_t close = open + 1;
        for (; close < markup.size() && depth > 0; ++close)
            depth += markup[close] == '{' ? 1 : markup[close] == '}' ? -1 : 0;
        found.push_back({std::stoi(markup.substr(i + 1, open - i - 1)),
                         markup.substr(open + 1, close - open - 2)});
    }
    return found;
}

// The factors of every term of the worked example's first step, in the lesson's order, written
// by hand from the article's equations.
TEST(TermFactorsTest, EveryTermOfTheWorkedExampleNamesItsFactors) {
    core::Trainer trainer(workedExample());
    const core::StepSnapshot step = trainer.step();
    const std::vector<core::Term> terms = core::explain(step);
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"net_h1", "w1, i1, w2, i2, b1"},
        {"out_h1", "net_h1"},
        {"net_h2", "w3, i1, w4, i2, b1"},
        {"out_h2", "net_h2"},
        {"net_o1", "w5, out_h1, w6, out_h2, b2"},
        {"out_o1", "net_o1"},
        {"net_o2", "w7, out_h1, w8, out_h2, b2"},
        {"out_o2", "net_o2"},
        {"E_o1", "target_o1, out_o1"},
        {"E_o2", "target_o2, out_o2"},
        {"E_total", "E_o1, E_o2"},
        {"dE_total/dout_o1", "target_o1, out_o1"},
        {"dout_o1/dnet_o1", "out_o1"},
        {"delta_o1", "dE/dout_o1, dout_o1/dnet_o1"},
        {"dE_total/dout_o2", "target_o2, out_o2"},
        {"dout_o2/dnet_o2", "out_o2"},
        {"delta_o2", "dE/dout_o2, dout_o2/dnet_o2"},
        {"dE_total/dw5", "dE/dout_o1, dout_o1/dnet_o1, out_h1"},
        {"dE_total/dw6", "dE/dout_o1, dout_o1/dnet_o1, out_h2"},
        {"dE_total/dw7", "dE/dout_o2, dout_o2/dnet_o2, out_h1"},
        {"dE_total/dw8", "dE/dout_o2, dout_o2/dnet_o2, out_h2"},
        {"dE_o1/dout_h1", "delta_o1, w5"},
        {"dE_o2/dout_h1", "delta_o2, w7"},
        {"dE_total/dout_h1", "dE/dout_h1 via o1, dE/dout_h1 via o2"},
        {"dout_h1/dnet_h1", "out_h1"},
        {"delta_h1", "dE/dout_h1, dout_h1/dnet_h1"},
        {"dE_o1/dout_h2", "delta_o1, w6"},
        {"dE_o2/dout_h2", "delta_o2, w8"},
        {"dE_total/dout_h2", "dE/dout_h2 via o1, dE/dout_h2 via o2"},
        {"dout_h2/dnet_h2", "out_h2"},
        {"delta_h2", "dE/dout_h2, dout_h2/dnet_h2"},
        {"dE_total/dw1", "dE/dout_h1, dout_h1/dnet_h1, i1"},
        {"dE_total/dw2", "dE/dout_h1, dout_h1/dnet_h1, i2"},
        {"dE_total/dw3", "dE/dout_h2, dout_h2/dnet_h2, i1"},
        {"dE_total/dw4", "dE/dout_h2, dout_h2/dnet_h2, i2"},
        {"w1+", "w1, lr, dE/dw1"},
        {"w2+", "w2, lr, dE/dw2"},
        {"w3+", "w3, lr, dE/dw3"},
        {"w4+", "w4, lr, dE/dw4"},
        {"w5+", "w5, lr, dE/dw5"},
        {"w6+", "w6, lr, dE/dw6"},
        {"w7+", "w7, lr, dE/dw7"},
        {"w8+", "w8, lr, dE/dw8"},
    };
    ASSERT_EQ(terms.size(), expected.size());
    for (std::size_t i = 0; i < terms.size(); ++i) {
        EXPECT_EQ(core::plainFromMarkup(terms[i].symbol), expected[i].first);
        EXPECT_EQ(namesOf(step, terms[i]), expected[i].second) << expected[i].first;
    }
}

// One term of each kind the batch of the xor preset adds (4 samples, a trained bias per node).
TEST(TermFactorsTest, XorPresetTermsNameTheirSamplesFactors) {
    core::Trainer trainer(xorPreset());
    const core::StepSnapshot step = trainer.step();
    const std::vector<core::Term> terms = core::explain(step);
    const std::map<std::string, std::string> expected = {
        // Forward pass: a net input of sample 2 and the batch loss.
        {"net_h1^(2)", "w1, i1 of sample 2, w2, i2 of sample 2, b_h1"},
        {"E_o2^(4)", "target_o2 of sample 4, out_o2 of sample 4"},
        {"E_total", "E of sample 1, E of sample 2, E of sample 3, E of sample 4"},
        // Backward pass: a path share, a per-node bias gradient of one sample, a batch mean.
        {"dE^(3)/dout_h2^(3)", "dE/dout_h2 via o1 of sample 3, dE/dout_h2 via o2 of sample 3"},
        {"dE^(3)/db_o2", "delta_o2 of sample 3"},
        {"dE_total/dw3",
         "dE/dw3 of sample 1, dE/dw3 of sample 2, dE/dw3 of sample 3, "
         "dE/dw3 of sample 4"},
        {"dE_total/db_h1",
         "dE/db_h1 of sample 1, dE/db_h1 of sample 2, dE/db_h1 of sample 3, "
         "dE/db_h1 of sample 4"},
        // Update.
        {"b_o1+", "b_o1, lr, dE/db_o1"},
    };
    int found = 0;
    for (const core::Term& term : terms) {
        const auto it = expected.find(core::plainFromMarkup(term.symbol));
        if (it == expected.end()) continue;
        ++found;
        EXPECT_EQ(namesOf(step, term), it->second) << it->first;
    }
    EXPECT_EQ(found, static_cast<int>(expected.size()));
}

// How the marks read in the worked example's first term and its first weight gradient.
TEST(TermFactorsTest, MarksEachFactorsSymbolAndNumberWithItsIndex) {
    core::Trainer trainer(workedExample());
    const std::vector<core::Term> terms = core::explain(trainer.step());
    const core::Term& net = terms[0];
    EXPECT_EQ(net.formula, "#0{w_[1]} * #1{i_[1]} + #2{w_[2]} * #3{i_[2]} + #4{b_[1]} * 1");
    EXPECT_EQ(net.numbers, "#0{0.15} * #1{0.05} + #2{0.2} * #3{0.1} + #4{0.35} * 1");
    const core::Term& w5 = terms[17];
    EXPECT_EQ(w5.formula,
              "#0{@{d}E_{total}/@{d}out_{o1}} * #1{@{d}out_{o1}/@{d}net_{o1}} * "
              "#2{@{d}net_{o1}/@{d}w_[5]}");
    EXPECT_EQ(w5.numbers, "#0{0.74136507} * #1{0.186815602} * #2{0.593269992}");
    // A factor written twice keeps its one index: out_o1 (1 - out_o1).
    EXPECT_EQ(terms[12].formula, "#0{out_{o1}}(1 - #0{out_{o1}})");
    EXPECT_EQ(terms[12].numbers, "#0{0.75136507}(1 - #0{0.75136507})");
    // A negative number keeps its parentheses outside the mark: dE_total/dout_h1.
    EXPECT_EQ(terms[23].numbers, "#0{0.0553994247} + (#1{-0.0190491183})");
}

// The configurations whose terms are checked number by number below: every activation, shared
// and per-node biases, trained and frozen, one sample and a batch, negative numbers.
std::vector<core::NetworkConfig> variedConfigs() {
    std::vector<core::NetworkConfig> configs = {workedExample(), xorPreset()};
    for (core::Activation hidden : {core::Activation::Tanh, core::Activation::Relu,
                                    core::Activation::Linear, core::Activation::Sigmoid}) {
        core::NetworkConfig config = workedExample();
        config.activations = {hidden, core::Activation::Tanh};
        config.trainBiases = true;
        config.weights[0] = {{-0.15, 0.20}, {0.25, -0.30}};
        config.biases[0] = {-0.5};
        config.samples.push_back({{0.3, -1.0}, {-0.5, 0.25}});
        configs.push_back(config);
    }
    core::NetworkConfig deep = xorPreset();
    deep.layers = {2, 3, 2, 2};
    deep.activations = {core::Activation::Tanh, core::Activation::Relu, core::Activation::Linear};
    configs.push_back(deep);
    return configs;
}

// Each factor is written in `numbers` as its own value: parsed back from 17 digits, it is
// StepSnapshot::value(factor) exactly; and each factor's symbol is marked in `formula`.
TEST(TermFactorsTest, EachFactorIsWrittenWithItsValue) {
    for (const core::NetworkConfig& config : variedConfigs()) {
        core::Trainer trainer(config);
        const core::StepSnapshot step = trainer.step();
        int checked = 0;
        for (const core::Term& term : core::explain(step, 17)) {
            const std::string symbol = core::plainFromMarkup(term.symbol);
            std::vector<bool> inFormula(term.factors.size()), inNumbers(term.factors.size());
            for (const auto& [k, text] : marks(term.formula)) {
                ASSERT_LT(k, static_cast<int>(term.factors.size())) << symbol;
                inFormula[k] = true;
            }
            for (const auto& [k, text] : marks(term.numbers)) {
                ASSERT_LT(k, static_cast<int>(term.factors.size())) << symbol;
                EXPECT_EQ(std::stod(text), step.value(term.factors[k])) << symbol << " #" << k;
                inNumbers[k] = true;
                ++checked;
            }
            for (std::size_t k = 0; k < term.factors.size(); ++k) {
                EXPECT_TRUE(inFormula[k]) << symbol << " #" << k;
                EXPECT_TRUE(inNumbers[k] || term.numbers.empty()) << symbol << " #" << k;
            }
        }
        EXPECT_GE(checked, 100);  // the worked example's step alone writes 110
    }
}

// A factor is a given of the step (an input, a parameter before the update, a target, the
// learning rate) or a value an earlier term computes, so it is known when its term is shown.
TEST(TermFactorsTest, FactorsAreGivensOrEarlierTerms) {
    for (const core::NetworkConfig& config : variedConfigs()) {
        core::Trainer trainer(config);
        const core::Explanation explanation(trainer.step(), 9);
        for (int i = 0; i < explanation.size(); ++i) {
            const core::Term term = explanation.term(i);
            for (const core::QuantityRef& factor : term.factors) {
                const int source = explanation.indexOf(factor);
                const bool given = factor.quantity == Quantity::Weight ||
                                   factor.quantity == Quantity::Bias ||
                                   factor.quantity == Quantity::Target ||
                                   factor.quantity == Quantity::LearningRate ||
                                   (factor.quantity == Quantity::Out && factor.layer == 0);
                if (given)
                    EXPECT_EQ(source, -1);
                else
                    EXPECT_TRUE(source >= 0 && source < i)
                        << core::plainFromMarkup(term.symbol) << " reads term " << source;
            }
        }
    }
}

}  // namespace
