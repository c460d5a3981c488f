#include "core/explanation.h"

#include <gtest/gtest.h>

#include <algorithm>
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
    EXPECT_EQ(core::htmlText(find(fourDigits, "delta_o1")),
              "&delta;<sub>o1</sub> = &part;E<sub>total</sub>/&part;out<sub>o1</sub> &times; "
              "&part;out<sub>o1</sub>/&part;net<sub>o1</sub> = 0.7414 &times; 0.1868 = 0.1385");
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
    // dE/dw1: w1, h1, both h1->o edges (w5, w7), both outputs, E_total.
    const core::Highlight& w1 = find(terms, "dE_total/dw1").highlight;
    EXPECT_EQ(nodes(w1), (std::set<std::pair<int, int>>{{1, 0}, {2, 0}, {2, 1}}));
    EXPECT_EQ(std::set<int>(w1.weights.begin(), w1.weights.end()), (std::set<int>{0, 4, 6}));
    EXPECT_TRUE(w1.loss);
    // dE/dw5: w5, o1, E_total.
    const core::Highlight& w5 = find(terms, "dE_total/dw5").highlight;
    EXPECT_EQ(nodes(w5), (std::set<std::pair<int, int>>{{2, 0}}));
    EXPECT_EQ(w5.weights, std::vector<int>{4});
    // net_h1: h1, its inputs, w1, w2 and b1.
    const core::Highlight& net = find(terms, "net_h1").highlight;
    EXPECT_EQ(nodes(net), (std::set<std::pair<int, int>>{{1, 0}, {0, 0}, {0, 1}}));
    EXPECT_EQ(std::set<int>(net.weights.begin(), net.weights.end()), (std::set<int>{0, 1}));
    EXPECT_EQ(net.biases, std::vector<int>{0});
    EXPECT_FALSE(net.loss);
    // The path through o2 of dE/dout_h1: h1, w7, o2, E_total.
    const core::Highlight& path = find(terms, "dE_o2/dout_h1").highlight;
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

}  // namespace
