#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>

#include "core/explanation.h"
#include "core/markup.h"
#include "core/trainer.h"
#include "workedexample.h"

namespace {

using testing_support::workedExample;

// What a term lights, listed by hand with the network's names: nodes ("i1", "h1_2", "o1"),
// weights ("w5"), biases ("b1", "b_h1_2"), the nodes whose edge from their bias lights
// ("h1_2"), and whether E_total does.
struct Lit {
    const char* symbol;  // the term, as plain text
    const char* nodes;
    const char* weights;
    const char* biases;
    const char* biasEdges;
    bool loss;
};

// `names` in order, each followed by a space.
std::string line(const std::set<std::string>& names) {
    std::string text;
    for (const std::string& name : names)
        text += name + " ";
    return text;
}

// The words of `text` in order.
std::string sorted(const char* text) {
    std::istringstream stream(text);
    std::set<std::string> names;
    for (std::string word; stream >> word;)
        names.insert(word);
    return line(names);
}

// The names `nameOf` gives the parts of `parts`, in order.
template <class Parts, class NameOf>
std::string names(const Parts& parts, NameOf nameOf) {
    std::set<std::string> names;
    for (const auto& part : parts)
        names.insert(nameOf(part));
    return line(names);
}

// Expects every term of `rows` to light exactly what its row lists, once its highlight is
// expanded; each part listed once, in ascending order.
void expectLit(const core::NetworkConfig& config, const std::vector<Lit>& rows) {
    core::Trainer trainer(config);
    const std::vector<core::Term> terms = core::explain(trainer.step());
    const core::Topology& topology = trainer.topology();
    for (const Lit& row : rows) {
        const auto term = std::find_if(terms.begin(), terms.end(), [&](const core::Term& t) {
            return core::plainFromMarkup(t.symbol) == row.symbol;
        });
        ASSERT_NE(term, terms.end()) << row.symbol;
        const core::Highlight lit = core::expand(term->highlight, topology);
        const auto node = [&](core::Highlight::Node n) {
            return topology.nodeName(n.layer, n.node);
        };
        const auto weight = [&](int w) { return topology.weightName(w); };
        const auto bias = [&](int b) { return topology.biasName(b); };
        EXPECT_EQ(names(lit.nodes, node), sorted(row.nodes)) << row.symbol;
        EXPECT_EQ(names(lit.weights, weight), sorted(row.weights)) << row.symbol;
        EXPECT_EQ(names(lit.biases, bias), sorted(row.biases)) << row.symbol;
        EXPECT_EQ(names(lit.biasEdges, node), sorted(row.biasEdges)) << row.symbol;
        EXPECT_EQ(lit.loss, row.loss) << row.symbol;
        EXPECT_TRUE(lit.downstream.empty()) << row.symbol;
        EXPECT_TRUE(std::is_sorted(lit.weights.begin(), lit.weights.end()));
        EXPECT_TRUE(std::adjacent_find(lit.weights.begin(), lit.weights.end()) ==
                    lit.weights.end());
        EXPECT_TRUE(std::is_sorted(lit.nodes.begin(), lit.nodes.end()));
    }
}

// Weights of the 2-2-2 network: w1 = i1->h1, w2 = i2->h1, w3 = i1->h2, w4 = i2->h2, w5 = h1->o1,
// w6 = h2->o1, w7 = h1->o2, w8 = h2->o2.
TEST(HighlightTest, TheWorkedExampleLightsEachTermsPath) {
    core::NetworkConfig config = workedExample();
    config.trainBiases = true;
    expectLit(config, {
                          {"net_h1", "h1 i1 i2", "w1 w2", "b1", "h1", false},
                          {"out_o2", "o2", "", "", "", false},
                          {"E_o1", "o1", "", "", "", true},
                          {"E_total", "o1 o2", "", "", "", true},
                          {"dE_total/dout_o1", "o1", "", "", "", true},
                          {"dout_o1/dnet_o1", "o1", "", "", "", false},
                          {"delta_o2", "o2", "", "", "", true},
                          {"dE_total/dw6", "o1", "w6", "", "", true},
                          {"dE_total/db2", "o1 o2", "", "b2", "o1 o2", true},
                          {"dE_o1/dout_h2", "h2 o1", "w6", "", "", true},
                          {"dE_total/dout_h2", "h2 o1 o2", "w6 w8", "", "", true},
                          {"delta_h1", "h1 o1 o2", "w5 w7", "", "", true},
                          {"dE_total/dw3", "h2 o1 o2", "w3 w6 w8", "", "", true},
                          {"dE_total/db1", "h1 h2 o1 o2", "w5 w6 w7 w8", "b1", "h1 h2", true},
                          {"w4+", "", "w4", "", "", false},
                          {"b1+", "", "", "b1", "h1 h2", false},
                      });
}

// 2-3-3-2: w1..w6 into the first hidden layer (w1 = i1->h1_1, w2 = i2->h1_1, w3 = i1->h1_2, ..),
// w7..w15 into the second (w7 = h1_1->h2_1, w8 = h1_2->h2_1, w9 = h1_3->h2_1, w10 = h1_1->h2_2,
// ..), w16..w21 into the outputs (w16 = h2_1->o1, .., w19 = h2_1->o2, ..).
core::NetworkConfig deep(core::BiasMode mode, int samples) {
    core::NetworkConfig config;
    config.layers = {2, 3, 3, 2};
    config.activations.assign(3, core::Activation::Sigmoid);
    config.biasMode = mode;
    config.trainBiases = true;
    config.samples = {{{0.5, -0.25}, {0.1, 0.9}}, {{-1.0, 0.75}, {0.8, 0.3}}};
    config.samples.resize(samples);
    return config;
}

TEST(HighlightTest, ADeeperNetworkLightsEveryPathToTheLoss) {
    expectLit(deep(core::BiasMode::PerNode, 1),
              {
                  {"net_h1_2", "h1_2 i1 i2", "w3 w4", "b_h1_2", "h1_2", false},
                  {"out_h2_3", "h2_3", "", "", "", false},
                  {"E_o2", "o2", "", "", "", true},
                  {"E_total", "o1 o2", "", "", "", true},
                  {"delta_o2", "o2", "", "", "", true},
                  {"dE_total/dw17", "o1", "w17", "", "", true},
                  {"dE_total/db_o2", "o2", "", "b_o2", "o2", true},
                  {"dE_o1/dout_h2_1", "h2_1 o1", "w16", "", "", true},
                  {"dE_total/dout_h2_1", "h2_1 o1 o2", "w16 w19", "", "", true},
                  {"(dE_total/dout_h1_3)_via h2_2", "h1_3 h2_2 o1 o2", "w12 w17 w20", "", "", true},
                  {"dE_total/dout_h1_3", "h1_3 h2_1 h2_2 h2_3 o1 o2",
                   "w9 w12 w15 w16 w17 w18 w19 w20 w21", "", "", true},
                  {"delta_h1_1", "h1_1 h2_1 h2_2 h2_3 o1 o2", "w7 w10 w13 w16 w17 w18 w19 w20 w21",
                   "", "", true},
                  {"dE_total/dw1", "h1_1 h2_1 h2_2 h2_3 o1 o2",
                   "w1 w7 w10 w13 w16 w17 w18 w19 w20 w21", "", "", true},
                  {"dE_total/db_h1_2", "h1_2 h2_1 h2_2 h2_3 o1 o2",
                   "w8 w11 w14 w16 w17 w18 w19 w20 w21", "b_h1_2", "h1_2", true},
                  {"w9+", "", "w9", "", "", false},
                  {"b_h2_1+", "", "", "b_h2_1", "h2_1", false},
              });
    // A shared bias feeds its whole layer; the batch's gradients light the parameter only.
    expectLit(deep(core::BiasMode::Shared, 2),
              {
                  {"dE^(1)/db1", "h1_1 h1_2 h1_3 h2_1 h2_2 h2_3 o1 o2",
                   "w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20 w21", "b1",
                   "h1_1 h1_2 h1_3", true},
                  {"dE^(2)/db3", "o1 o2", "", "b3", "o1 o2", true},
                  {"dE_total/db2", "", "", "b2", "h2_1 h2_2 h2_3", true},
                  {"dE_total/dw5", "", "w5", "", "", true},
                  {"E_total", "", "", "", "", true},
                  {"b2+", "", "", "b2", "h2_1 h2_2 h2_3", false},
              });
}

}  // namespace
