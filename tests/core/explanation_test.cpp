// core::explain(): every term of a step as the worked example writes it: in the lesson's order,
// with the article's values, its text and numbers, the path it lights, the terms of trained
// biases and of a batch, and each activation's own formulas.
#include "core/explanation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <set>

#include "core/markup.h"
#include "core/trainer.h"
#include "workedexample.h"

namespace {

using testing_support::expectPublished;
using testing_support::workedExample;

std::vector<core::Term> firstStepTerms(const core::NetworkConfig& config) {
    core::Trainer trainer(config);
    return core::explain(trainer.step());
}

const core::Term& find(const std::vector<core::Term>& terms, const std::string& plainSymbol) {
    const auto it = std::find_if(terms.begin(), terms.end(), [&](const core::Term& t) {
        return core::plainFromMarkup(t.symbol) == plainSymbol;
    });
    if (it == terms.end()) throw std::runtime_error("no term " + plainSymbol);
    return *it;
}

TEST(ExplanationTest, WorkedExampleTermsComeInTheLessonsOrder) {
    const std::vector<core::Term> terms = firstStepTerms(workedExample());
    std::vector<std::string> symbols;
    for (const core::Term& term : terms)
        symbols.push_back(core::plainFromMarkup(term.symbol));
    const std::vector<std::string> expected = {"net_h1",
                                               "out_h1",
                                               "net_h2",
                                               "out_h2",
                                               "net_o1",
                                               "out_o1",
                                               "net_o2",
                                               "out_o2",
                                               "E_o1",
                                               "E_o2",
                                               "E_total",
                                               "dE_total/dout_o1",
                                               "dout_o1/dnet_o1",
                                               "delta_o1",
                                               "dE_total/dout_o2",
                                               "dout_o2/dnet_o2",
                                               "delta_o2",
                                               "dE_total/dw5",
                                               "dE_total/dw6",
                                               "dE_total/dw7",
                                               "dE_total/dw8",
                                               "dE_o1/dout_h1",
                                               "dE_o2/dout_h1",
                                               "dE_total/dout_h1",
                                               "dout_h1/dnet_h1",
                                               "delta_h1",
                                               "dE_o1/dout_h2",
                                               "dE_o2/dout_h2",
                                               "dE_total/dout_h2",
                                               "dout_h2/dnet_h2",
                                               "delta_h2",
                                               "dE_total/dw1",
                                               "dE_total/dw2",
                                               "dE_total/dw3",
                                               "dE_total/dw4",
                                               "w1+",
                                               "w2+",
                                               "w3+",
                                               "w4+",
                                               "w5+",
                                               "w6+",
                                               "w7+",
                                               "w8+"};
    EXPECT_EQ(symbols, expected);
    // Phases come in one piece each.
    EXPECT_TRUE(std::is_sorted(terms.begin(), terms.end(),
                               [](const auto& a, const auto& b) { return a.phase < b.phase; }));
}

TEST(ExplanationTest, WorkedExampleValuesMatchTheArticle) {
    const std::vector<core::Term> terms = firstStepTerms(workedExample());
    expectPublished(find(terms, "net_h1").value, "0.3775");
    expectPublished(find(terms, "out_h1").value, "0.593269992");
    expectPublished(find(terms, "E_total").value, "0.298371109");
    expectPublished(find(terms, "dE_total/dw5").value, "0.082167041");
    expectPublished(find(terms, "delta_o1").value, "0.138498562");
    expectPublished(find(terms, "dE_o1/dout_h1").value, "0.055399425");
    expectPublished(find(terms, "dE_total/dout_h1").value, "0.036350306");
    expectPublished(find(terms, "dout_h1/dnet_h1").value, "0.241300709");
    expectPublished(find(terms, "dE_total/dw1").value, "0.000438568");
    expectPublished(find(terms, "w5+").value, "0.35891648");
    expectPublished(find(terms, "w1+").value, "0.149780716");
}

TEST(ExplanationTest, WritesEachTermWithItsNumbers) {
    const std::vector<core::Term> terms = firstStepTerms(workedExample());
    EXPECT_EQ(core::plainText(find(terms, "dE_total/dw5")),
              "dE_total/dw5 = dE_total/dout_o1 * dout_o1/dnet_o1 * dnet_o1/dw5 = "
              "0.74136507 * 0.186815602 * 0.593269992 = 0.0821670406");
    EXPECT_EQ(core::plainText(find(terms, "net_h1")),
              "net_h1 = w1 * i1 + w2 * i2 + b1 * 1 = 0.15 * 0.05 + 0.2 * 0.1 + 0.35 * 1 = 0.3775");
    EXPECT_EQ(core::plainText(find(terms, "dE_total/dout_h1")),
              "dE_total/dout_h1 = dE_o1/dout_h1 + dE_o2/dout_h1 = 0.0553994247 + (-0.0190491183) "
              "= 0.0363503064");
    EXPECT_EQ(core::plainText(find(terms, "w5+")),
              "w5+ = w5 - lr * dE_total/dw5 = 0.4 - 0.5 * 0.0821670406 = 0.35891648");
    core::Trainer trainer(workedExample());
    const std::vector<core::Term> fourDigits = core::explain(trainer.step(), 4);
    // In rich text each factor's symbol and number are spans of its class, f0, f1, ...
    EXPECT_EQ(
        core::htmlText(find(fourDigits, "delta_o1")),
        "&delta;<sub>o1</sub> = <span class=\"f0\">&part;E<sub>total</sub>/&part;out<sub>o1</sub>"
        "</span> &times; <span class=\"f1\">&part;out<sub>o1</sub>/&part;net<sub>o1</sub>"
        "</span> = <span class=\"f0\">0.7414</span> &times; <span class=\"f1\">0.1868</span> "
        "= 0.1385");
    for (const core::Term& term : terms)
        EXPECT_FALSE(term.meaning.empty());
}

std::set<std::pair<int, int>> nodes(const core::Highlight& h) {
    std::set<std::pair<int, int>> result;
    for (const auto& node : h.nodes)
        result.insert({node.layer, node.node});
    return result;
}

TEST(ExplanationTest, HighlightsThePathFromTheLossToTheParameter) {
    const std::vector<core::Term> terms = firstStepTerms(workedExample());
    const core::Topology topology = core::topologyOf(workedExample());
    const auto lit = [&](const std::string& symbol) {
        return core::expand(find(terms, symbol).highlight, topology);
    };
    // dE/dw1: w1, h1, both h1->o edges (w5, w7), both outputs, E_total.
    const core::Highlight w1 = lit("dE_total/dw1");
    EXPECT_EQ(nodes(w1), (std::set<std::pair<int, int>>{{1, 0}, {2, 0}, {2, 1}}));
    EXPECT_EQ(w1.weights, (std::vector<int>{0, 4, 6}));
    EXPECT_TRUE(w1.loss);
    // dE/dw5: w5, o1, E_total.
    const core::Highlight w5 = lit("dE_total/dw5");
    EXPECT_EQ(nodes(w5), (std::set<std::pair<int, int>>{{2, 0}}));
    EXPECT_EQ(w5.weights, std::vector<int>{4});
    // net_h1: h1, its inputs, w1, w2 and b1.
    const core::Highlight net = lit("net_h1");
    EXPECT_EQ(nodes(net), (std::set<std::pair<int, int>>{{1, 0}, {0, 0}, {0, 1}}));
    EXPECT_EQ(net.weights, (std::vector<int>{0, 1}));
    EXPECT_EQ(net.biases, std::vector<int>{0});
    EXPECT_FALSE(net.loss);
    // Only the edge of the shared b1 into h1 lights up, not b1 -> h2.
    EXPECT_EQ(net.biasEdges, (std::vector<core::Highlight::Node>{{1, 0}}));
    EXPECT_TRUE(lit("net_o2").biasEdges == (std::vector<core::Highlight::Node>{{2, 1}}));
    // The path through o2 of dE/dout_h1: h1, w7, o2, E_total.
    const core::Highlight path = lit("dE_o2/dout_h1");
    EXPECT_EQ(nodes(path), (std::set<std::pair<int, int>>{{1, 0}, {2, 1}}));
    EXPECT_EQ(path.weights, std::vector<int>{6});
}

TEST(ExplanationTest, TrainedBiasesGetGradientAndUpdateTerms) {
    core::NetworkConfig config = workedExample();
    config.trainBiases = true;
    const std::vector<core::Term> terms = firstStepTerms(config);
    const core::Term& b2 = find(terms, "dE_total/db2");
    // dE/db2 = delta_o1 + delta_o2, computed by hand from the article's deltas.
    expectPublished(b2.value, "0.100400325");
    EXPECT_EQ(core::plainFromMarkup(b2.formula), "delta_o1 + delta_o2");
    // A shared bias feeds every node of its layer: both of its edges light up.
    EXPECT_EQ(b2.highlight.biases, std::vector<int>{1});
    EXPECT_EQ(b2.highlight.biasEdges, (std::vector<core::Highlight::Node>{{2, 0}, {2, 1}}));
    expectPublished(find(terms, "b2+").value, "0.549799837");
}

TEST(ExplanationTest, SeveralSamplesEndWithTheBatchMean) {
    core::NetworkConfig config = workedExample();
    config.samples.push_back({{0.10, 0.05}, {0.99, 0.01}});
    core::Trainer trainer(config);
    const core::StepSnapshot step = trainer.step();
    const std::vector<core::Term> terms = core::explain(step);
    const core::Term& loss = find(terms, "E_total");
    EXPECT_EQ(core::plainFromMarkup(loss.formula), "(E^(1) + E^(2))/2");
    EXPECT_DOUBLE_EQ(loss.value, (step.sampleLoss(0) + step.sampleLoss(1)) / 2);
    const core::Term& w5 = find(terms, "dE_total/dw5");
    EXPECT_EQ(core::plainFromMarkup(w5.formula), "(dE^(1)/dw5 + dE^(2)/dw5)/2");
    EXPECT_EQ(w5.value, step.dLoss_dWeight(4));
    // The first sample's own terms are those of the worked example.
    expectPublished(find(terms, "dE^(1)/dw5").value, "0.082167041");
    EXPECT_TRUE(std::is_sorted(terms.begin(), terms.end(),
                               [](const auto& a, const auto& b) { return a.phase < b.phase; }));
}

// Each activation's formulas, written by hand from its definition, with a negative net input
// (-0.5) so that the parentheses show.
TEST(ExplanationTest, EachActivationWritesItsOwnFormulas) {
    struct Expected {
        core::Activation activation;
        const char* out;    // out_h1 = formula = numbers
        const char* slope;  // dout_h1/dnet_h1 = formula = numbers
    };
    const Expected expected[] = {
        {core::Activation::Sigmoid, "1/(1 + e^(-net_h1)) = 1/(1 + e^(-(-0.5)))",
         "out_h1(1 - out_h1) = 0.377540669(1 - 0.377540669)"},
        {core::Activation::Tanh, "tanh(net_h1) = tanh(-0.5)",
         "1 - out_h1^2 = 1 - (-0.462117157)^2"},
        {core::Activation::Relu, "max(0, net_h1) = max(0, -0.5)",
         "1 if net_h1 > 0, else 0 = 1 if -0.5 > 0, else 0"},
        {core::Activation::Linear, "net_h1", "1"},
    };
    for (const Expected& e : expected) {
        core::NetworkConfig config = workedExample();
        config.activations = {e.activation, core::Activation::Sigmoid};
        config.weights[0] = {{0.0, 0.0}, {0.0, 0.0}};
        config.biases[0] = {-0.5};
        const std::vector<core::Term> terms = firstStepTerms(config);
        const auto written = [&](const char* symbol) {
            const core::Term& term = find(terms, symbol);
            std::string text = core::plainFromMarkup(term.formula);
            if (!term.numbers.empty()) text += " = " + core::plainFromMarkup(term.numbers);
            return text;
        };
        const std::string name(core::activationName(e.activation));
        EXPECT_EQ(written("out_h1"), e.out) << name;
        EXPECT_EQ(written("dout_h1/dnet_h1"), e.slope) << name;
        EXPECT_NE(find(terms, "out_h1").meaning.find("net_h1"), std::string::npos) << name;
    }
}

}  // namespace
