#include "core/explanation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <random>
#include <set>
#include <unordered_map>

#include "../support/memory.h"
#include "core/markup.h"
#include "core/trainer.h"
#include "workedexample.h"

namespace {

using testing_support::expectPublished;
using testing_support::residentBytes;
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

// stepShape counts the terms explain() makes, phase by phase, without making them.
TEST(ExplanationTest, StepShapeCountsTheTermsOfEveryNetwork) {
    std::mt19937 random(7);
    int blownUp = 0;
    const auto pick = [&](int low, int high) {
        return std::uniform_int_distribution<int>(low, high)(random);
    };
    for (int trial = 0; trial < 200; ++trial) {
        core::NetworkConfig config;
        config.layers.assign(pick(2, 5), 0);
        for (int& size : config.layers)
            size = pick(1, 4);
        config.activations.assign(config.layers.size() - 1, core::Activation::Tanh);
        config.biasMode = pick(0, 1) ? core::BiasMode::PerNode : core::BiasMode::Shared;
        config.trainBiases = pick(0, 1);
        config.seed = trial;
        config.samples.assign(pick(1, 3), {std::vector<double>(config.layers.front(), 0.5),
                                           std::vector<double>(config.layers.back(), 0.25)});
        // Some trials blow up at once: their step has no update terms.
        if (pick(0, 3) == 0) {
            config.activations.assign(config.layers.size() - 1, core::Activation::Linear);
            config.samples[0].input[0] = 1e300;
        }
        core::Trainer trainer(config);
        const core::StepSnapshot step = trainer.preview();
        const std::vector<core::Term> terms = core::explain(step, 4);
        const auto end = [&](core::Phase phase) {
            return std::count_if(terms.begin(), terms.end(),
                                 [&](const core::Term& term) { return term.phase <= phase; });
        };
        const core::StepShape shape = core::stepShape(step);
        EXPECT_EQ(shape.forwardEnd, end(core::Phase::Forward)) << trial;
        EXPECT_EQ(shape.backwardEnd, end(core::Phase::Backward)) << trial;
        EXPECT_EQ(shape.total, static_cast<int>(terms.size())) << trial;
        blownUp += !step.updated();
    }
    EXPECT_GT(blownUp, 20);
}

// The networks whose terms are written both ways below: the worked example, XOR with four
// samples and trained per-node biases, and a 2-3-3-2 network with shared and per-node biases,
// trained and frozen, one sample and two, and one step that blows up.
std::vector<core::NetworkConfig> lazyConfigs() {
    core::NetworkConfig xorPreset;
    xorPreset.biasMode = core::BiasMode::PerNode;
    xorPreset.trainBiases = true;
    xorPreset.learningRate = 2;
    xorPreset.samples = {{{0, 0}, {1, 0}}, {{0, 1}, {0, 1}}, {{1, 0}, {0, 1}}, {{1, 1}, {1, 0}}};
    std::vector<core::NetworkConfig> configs = {workedExample(), xorPreset};
    for (const core::BiasMode mode : {core::BiasMode::Shared, core::BiasMode::PerNode})
        for (const bool trained : {false, true})
            for (const int samples : {1, 2}) {
                core::NetworkConfig config;
                config.layers = {2, 3, 3, 2};
                config.activations = {core::Activation::Tanh, core::Activation::Relu,
                                      core::Activation::Sigmoid};
                config.biasMode = mode;
                config.trainBiases = trained;
                config.seed = 3;
                config.samples = {{{0.5, -0.25}, {0.1, 0.9}}, {{-1.0, 0.75}, {0.8, 0.3}}};
                config.samples.resize(samples);
                configs.push_back(config);
            }
    core::NetworkConfig blowsUp = configs.back();
    blowsUp.activations.assign(3, core::Activation::Linear);
    blowsUp.samples[0].input[0] = 1e300;
    configs.push_back(blowsUp);
    return configs;
}

// A name for messages: the term's plain symbol.
std::string symbolOf(const core::Term& term) {
    return core::plainFromMarkup(term.symbol);
}

// Bug: the whole explanation was built at once (tens of millions of terms for the largest
// network). Each term is now written alone when asked for: the same term, in any order.
TEST(ExplanationTest, EachTermWrittenAloneIsTheTermOfTheWholeExplanation) {
    std::mt19937 random(11);
    for (const core::NetworkConfig& config : lazyConfigs()) {
        core::Trainer trainer(config);
        const core::StepSnapshot step = trainer.preview();
        const std::vector<core::Term> eager = core::explain(step, 6);
        const core::Explanation lazy(step, 6);
        ASSERT_EQ(lazy.size(), static_cast<int>(eager.size()));
        std::vector<int> order(eager.size());
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(), random);
        for (const int i : order) {
            const core::Term term = lazy.term(i);
            ASSERT_EQ(term, eager[i])
                << "term " << i << ": " << symbolOf(term) << " against " << symbolOf(eager[i]);
        }
    }
}

// The term of a quantity and the ends of the phases, found by arithmetic, are those of the
// whole explanation: for every quantity a term computes, every factor, and quantities that no
// term computes.
TEST(ExplanationTest, IndexOfAndPhaseEndsAgreeWithTheWholeExplanation) {
    using core::Quantity;
    for (const core::NetworkConfig& config : lazyConfigs()) {
        core::Trainer trainer(config);
        const core::StepSnapshot step = trainer.preview();
        const std::vector<core::Term> eager = core::explain(step, 4);
        const core::Explanation lazy(step, 4);
        std::unordered_map<core::QuantityRef, int, core::QuantityRefHash> index;
        std::vector<core::QuantityRef> refs;
        for (int i = 0; i < static_cast<int>(eager.size()); ++i) {
            index.emplace(eager[i].quantity, i);
            refs.push_back(eager[i].quantity);
            refs.insert(refs.end(), eager[i].factors.begin(), eager[i].factors.end());
        }
        const int samples = step.sampleCount();
        const int last = step.topology().layerCount() - 1;
        const core::QuantityRef none[] = {
            {Quantity::Loss, 0},
            {Quantity::SampleLoss, 0},
            {Quantity::SampleLoss, samples},
            {Quantity::Net, 0, 0, 0},
            {Quantity::Out, 0, 0, 1},
            {Quantity::Net, samples, 1, 0},
            {Quantity::Net, 0, 1, 3},
            {Quantity::Out, 0, last + 1, 0},
            {Quantity::Delta, -1, 1, 0},
            {.quantity = Quantity::Net, .sample = 0, .layer = 1, .node = 0, .parameter = 0},
            {.quantity = Quantity::Delta, .sample = 0, .layer = 1, .node = 0, .via = 0},
            {.quantity = Quantity::PathDLoss_dOut, .sample = 0, .layer = 1, .node = 0, .via = 9},
            {.quantity = Quantity::PathDLoss_dOut, .sample = 0, .layer = last, .node = 0, .via = 0},
            {.quantity = Quantity::DLoss_dWeight, .parameter = -1},
            {.quantity = Quantity::DLoss_dWeight, .parameter = 100},
            {.quantity = Quantity::DLoss_dWeight, .sample = 0, .parameter = 0},
            {.quantity = Quantity::SampleDLoss_dWeight, .sample = samples, .parameter = 0},
            {.quantity = Quantity::DLoss_dBias, .parameter = 0},
            {.quantity = Quantity::SampleDLoss_dBias, .sample = 0, .parameter = 0},
            {.quantity = Quantity::NewWeight, .parameter = 0},
            {.quantity = Quantity::NewBias, .parameter = 1},
            {.quantity = Quantity::Weight, .parameter = 0},
            {.quantity = Quantity::Bias, .parameter = 0},
            {Quantity::Target, 0, last, 0},
            {Quantity::LearningRate},
        };
        refs.insert(refs.end(), std::begin(none), std::end(none));
        for (const core::QuantityRef& ref : refs) {
            const auto found = index.find(ref);
            EXPECT_EQ(lazy.indexOf(ref), found == index.end() ? -1 : found->second)
                << core::quantityName(step.topology(), ref, samples);
        }
        for (const core::Phase phase :
             {core::Phase::Forward, core::Phase::Backward, core::Phase::Update})
            EXPECT_EQ(lazy.phaseEnd(phase),
                      std::count_if(eager.begin(), eager.end(),
                                    [&](const core::Term& term) { return term.phase <= phase; }));
    }
}

// Bug: every term's highlight listed the whole rest of the network, so the explanation of a
// 2-64x6-2 network with 4 samples took 3.9 GB (and the largest died with bad_alloc). A term now
// stores its own parts only, and walking through every term holds none of them.
TEST(ExplanationTest, EveryTermOfADeepNetworkInBoundedMemory) {
    core::NetworkConfig config;
    config.layers = {2, 64, 64, 64, 64, 64, 64, 2};
    config.activations.assign(7, core::Activation::Sigmoid);
    config.biasMode = core::BiasMode::PerNode;
    config.trainBiases = true;
    config.samples = {{{0, 0}, {1, 0}}, {{0, 1}, {0, 1}}, {{1, 0}, {0, 1}}, {{1, 1}, {1, 0}}};
    core::Trainer trainer(config);
    const core::Explanation terms(trainer.preview(), 9);
    EXPECT_GT(terms.size(), 150'000);
    const std::size_t before = residentBytes();
    std::size_t most = before;
    long long stored = 0;
    for (int i = 0; i < terms.size(); ++i) {
        const core::Highlight h = terms.term(i).highlight;
        const std::size_t parts = h.nodes.size() + h.weights.size() + h.biases.size() +
                                  h.biasEdges.size() + h.downstream.size();
        // No more than a node, its inputs and their weights, its bias and the bias's edge.
        ASSERT_LE(parts, 2u * 64 + 3) << i << ": " << symbolOf(terms.term(i));
        stored += static_cast<long long>(parts);
        if (i % 4096 == 0) most = std::max(most, residentBytes());
    }
    EXPECT_LT(stored, 4LL * terms.size());
    if (testing_support::kResidentBytesTellWhatIsKept)
        EXPECT_LT(most - before, std::size_t{200} << 20);
}

}  // namespace
