#include "ui/diagrammarks.h"

#include <gtest/gtest.h>

#include <QString>
#include <QStringList>
#include <algorithm>
#include <set>
#include <string>
#include <tuple>

#include "ui/session/presetlibrary.h"
#include "ui/trainingcontroller.h"

namespace {

using core::Granularity;
using Kind = ui::DiagramPlace::Kind;
using Direction = ui::EdgeArrow::Direction;

// Names of the 2-2-2 network, as the worked example writes them: layer 0 i1 i2, layer 1 h1 h2,
// layer 2 o1 o2; weights w1 = i1->h1, w2 = i2->h1, w3 = i1->h2, w4 = i2->h2, w5 = h1->o1,
// w6 = h2->o1, w7 = h1->o2, w8 = h2->o2.
core::Highlight::Node node(const QString& name) {
    const int layer = name.startsWith('i') ? 0 : name.startsWith('h') ? 1 : 2;
    return {layer, name.mid(1).toInt() - 1};
}

int weight(const QString& name) {
    return name.mid(1).toInt() - 1;
}

// Biases by name: b1, b2 (shared) or b_h1, b_h2, b_o1, b_o2 (per node, in that order).
int bias(const QString& name) {
    static const QStringList perNode{"b_h1", "b_h2", "b_o1", "b_o2"};
    return perNode.contains(name) ? perNode.indexOf(name) : name.mid(1).toInt() - 1;
}

// A place written as in the table: "w5" a weight's value, "dw5" its gradient, "new_w5" its
// value after the update; the same for biases ("b1", "db_o2", "new_b_o2"); "share_w5" the path
// share on w5's edge; "net_h1", "out_h1", "dEdout_h1", "doutdnet_h1", "delta_h1" a node's
// lines; "i1" an input's value; "target_o1", "E_o1" beside an output; "E_total"; "-" none.
std::optional<ui::DiagramPlace> place(const QString& text) {
    if (text == "-") return std::nullopt;
    if (text == "E_total") return ui::DiagramPlace{.kind = Kind::Loss};
    const QString tail = text.section('_', 1);
    if (text.startsWith("share_"))
        return ui::DiagramPlace{.kind = Kind::Share, .index = weight(tail)};
    if (text.startsWith("target_"))
        return ui::DiagramPlace{.kind = Kind::Target, .node = node(tail).node};
    if (text.startsWith("E_"))
        return ui::DiagramPlace{.kind = Kind::OutputError, .node = node(tail).node};
    static const std::vector<std::pair<QString, ui::NodeLine>> lines{
        {"net", ui::NodeLine::Net},
        {"out", ui::NodeLine::Out},
        {"dEdout", ui::NodeLine::DLoss_dOut},
        {"doutdnet", ui::NodeLine::DOut_dNet},
        {"delta", ui::NodeLine::Delta}};
    for (const auto& [prefix, line] : lines)
        if (text.section('_', 0, 0) == prefix) {
            const core::Highlight::Node n = node(tail);
            return ui::DiagramPlace{
                .kind = Kind::NodeValue, .layer = n.layer, .node = n.node, .line = line};
        }
    if (text.startsWith('i'))
        return ui::DiagramPlace{.kind = Kind::NodeValue, .layer = 0, .node = node(text).node};
    const bool isNew = text.startsWith("new_");
    const QString parameter = isNew ? tail : text.startsWith('d') ? text.mid(1) : text;
    if (parameter.startsWith('w'))
        return ui::DiagramPlace{.kind = isNew                  ? Kind::NewWeight
                                        : text.startsWith('d') ? Kind::WeightGradient
                                                               : Kind::Weight,
                                .index = weight(parameter)};
    return ui::DiagramPlace{.kind = isNew                  ? Kind::NewBias
                                    : text.startsWith('d') ? Kind::BiasGradient
                                                           : Kind::Bias,
                            .index = bias(parameter)};
}

// One row of the table: what the view marks after a term.
struct Row {
    const char* symbol;     // the term, for messages
    const char* nodes;      // lit nodes
    const char* weights;    // lit weight edges
    const char* biasEdges;  // nodes whose edge from the bias node is lit
    const char* biases;     // lit biases
    bool loss;              // E_total lit
    const char* factors;    // factor k's place, in order
    const char* computed;   // the place of the value computed
    const char* arrows;  // "w5>" flows forward along w5, "w5<" back, "b:h1>" along h1's bias edge
};

std::vector<QString> words(const char* text) {
    const QStringList list = QString(text).split(' ', Qt::SkipEmptyParts);
    return {list.begin(), list.end()};
}

// The marks `row` describes.
ui::DiagramMarks expected(const Row& row) {
    ui::DiagramMarks marks;
    for (const QString& name : words(row.nodes))
        marks.lit.nodes.push_back(node(name));
    for (const QString& name : words(row.weights))
        marks.lit.weights.push_back(weight(name));
    for (const QString& name : words(row.biasEdges))
        marks.lit.biasEdges.push_back(node(name));
    for (const QString& name : words(row.biases))
        marks.lit.biases.push_back(bias(name));
    marks.lit.loss = row.loss;
    for (const QString& name : words(row.factors))
        marks.factors.push_back(place(name));
    marks.computed = place(row.computed);
    for (const QString& arrow : words(row.arrows)) {
        const Direction direction = arrow.endsWith('>') ? Direction::Forward : Direction::Backward;
        const QString edge = arrow.chopped(1);
        if (edge.startsWith("b:"))
            marks.arrows.push_back({.fed = node(edge.mid(2)), .direction = direction});
        else
            marks.arrows.push_back({.weight = weight(edge), .direction = direction});
    }
    return marks;
}

// Lit parts and arrows as sets (their order says nothing), factors in order.
void expectMarks(const ui::DiagramMarks& actual, const Row& row, const std::string& where) {
    const ui::DiagramMarks want = expected(row);
    const std::string what = where + " (" + row.symbol + ")";
    const auto nodes = [](std::vector<core::Highlight::Node> list) {
        std::set<std::pair<int, int>> set;
        for (const auto& n : list)
            set.insert({n.layer, n.node});
        return set;
    };
    const auto set = [](const std::vector<int>& list) {
        return std::set<int>(list.begin(), list.end());
    };
    EXPECT_EQ(nodes(actual.lit.nodes), nodes(want.lit.nodes)) << what << ": lit nodes";
    EXPECT_EQ(set(actual.lit.weights), set(want.lit.weights)) << what << ": lit weights";
    EXPECT_EQ(nodes(actual.lit.biasEdges), nodes(want.lit.biasEdges)) << what << ": bias edges";
    EXPECT_EQ(set(actual.lit.biases), set(want.lit.biases)) << what << ": lit biases";
    EXPECT_EQ(actual.lit.loss, want.lit.loss) << what << ": E_total lit";
    EXPECT_EQ(actual.factors, want.factors) << what << ": factors";
    EXPECT_EQ(actual.computed, want.computed) << what << ": computed";
    const auto arrows = [](const std::vector<ui::EdgeArrow>& list) {
        std::set<std::tuple<int, int, int, int>> set;
        for (const auto& a : list)
            set.insert({a.weight, a.fed.layer, a.fed.node, static_cast<int>(a.direction)});
        return set;
    };
    EXPECT_EQ(arrows(actual.arrows), arrows(want.arrows)) << what << ": arrows";
}

// The worked example's first step, term by term: what lights up is the term's path (for a net,
// the node, its inputs, weights and bias; from dE/dout on, the node, every path from it to
// E_total and E_total; for a gradient also the weight), each factor sits where the network
// shows it, and the value computed where it lives. Shares flow back once computed.
const Row kWorkedExample[] = {
    {"net_h1", "h1 i1 i2", "w1 w2", "h1", "b1", false, "w1 i1 w2 i2 b1", "net_h1", "w1> w2> b:h1>"},
    {"out_h1", "h1", "", "", "", false, "net_h1", "out_h1", ""},
    {"net_h2", "h2 i1 i2", "w3 w4", "h2", "b1", false, "w3 i1 w4 i2 b1", "net_h2", "w3> w4> b:h2>"},
    {"out_h2", "h2", "", "", "", false, "net_h2", "out_h2", ""},
    {"net_o1", "o1 h1 h2", "w5 w6", "o1", "b2", false, "w5 out_h1 w6 out_h2 b2", "net_o1",
     "w5> w6> b:o1>"},
    {"out_o1", "o1", "", "", "", false, "net_o1", "out_o1", ""},
    {"net_o2", "o2 h1 h2", "w7 w8", "o2", "b2", false, "w7 out_h1 w8 out_h2 b2", "net_o2",
     "w7> w8> b:o2>"},
    {"out_o2", "o2", "", "", "", false, "net_o2", "out_o2", ""},
    {"E_o1", "o1", "", "", "", true, "target_o1 out_o1", "E_o1", ""},
    {"E_o2", "o2", "", "", "", true, "target_o2 out_o2", "E_o2", ""},
    {"E_total", "o1 o2", "", "", "", true, "E_o1 E_o2", "E_total", ""},
    {"dE/dout_o1", "o1", "", "", "", true, "target_o1 out_o1", "dEdout_o1", ""},
    {"dout_o1/dnet_o1", "o1", "", "", "", false, "out_o1", "doutdnet_o1", ""},
    {"delta_o1", "o1", "", "", "", true, "dEdout_o1 doutdnet_o1", "delta_o1", ""},
    {"dE/dout_o2", "o2", "", "", "", true, "target_o2 out_o2", "dEdout_o2", ""},
    {"dout_o2/dnet_o2", "o2", "", "", "", false, "out_o2", "doutdnet_o2", ""},
    {"delta_o2", "o2", "", "", "", true, "dEdout_o2 doutdnet_o2", "delta_o2", ""},
    {"dE/dw5", "o1", "w5", "", "", true, "dEdout_o1 doutdnet_o1 out_h1", "dw5", ""},
    {"dE/dw6", "o1", "w6", "", "", true, "dEdout_o1 doutdnet_o1 out_h2", "dw6", ""},
    {"dE/dw7", "o2", "w7", "", "", true, "dEdout_o2 doutdnet_o2 out_h1", "dw7", ""},
    {"dE/dw8", "o2", "w8", "", "", true, "dEdout_o2 doutdnet_o2 out_h2", "dw8", ""},
    {"dE_o1/dout_h1", "o1 h1", "w5", "", "", true, "delta_o1 w5", "share_w5", "w5<"},
    {"dE_o2/dout_h1", "o2 h1", "w7", "", "", true, "delta_o2 w7", "share_w7", "w5< w7<"},
    {"dE/dout_h1", "h1 o1 o2", "w5 w7", "", "", true, "share_w5 share_w7", "dEdout_h1", "w5< w7<"},
    {"dout_h1/dnet_h1", "h1", "", "", "", false, "out_h1", "doutdnet_h1", "w5< w7<"},
    {"delta_h1", "h1 o1 o2", "w5 w7", "", "", true, "dEdout_h1 doutdnet_h1", "delta_h1", "w5< w7<"},
    {"dE_o1/dout_h2", "o1 h2", "w6", "", "", true, "delta_o1 w6", "share_w6", "w5< w7< w6<"},
    {"dE_o2/dout_h2", "o2 h2", "w8", "", "", true, "delta_o2 w8", "share_w8", "w5< w7< w6< w8<"},
    {"dE/dout_h2", "h2 o1 o2", "w6 w8", "", "", true, "share_w6 share_w8", "dEdout_h2",
     "w5< w6< w7< w8<"},
    {"dout_h2/dnet_h2", "h2", "", "", "", false, "out_h2", "doutdnet_h2", "w5< w6< w7< w8<"},
    {"delta_h2", "h2 o1 o2", "w6 w8", "", "", true, "dEdout_h2 doutdnet_h2", "delta_h2",
     "w5< w6< w7< w8<"},
    {"dE/dw1", "h1 o1 o2", "w1 w5 w7", "", "", true, "dEdout_h1 doutdnet_h1 i1", "dw1",
     "w5< w6< w7< w8<"},
    {"dE/dw2", "h1 o1 o2", "w2 w5 w7", "", "", true, "dEdout_h1 doutdnet_h1 i2", "dw2",
     "w5< w6< w7< w8<"},
    {"dE/dw3", "h2 o1 o2", "w3 w6 w8", "", "", true, "dEdout_h2 doutdnet_h2 i1", "dw3",
     "w5< w6< w7< w8<"},
    {"dE/dw4", "h2 o1 o2", "w4 w6 w8", "", "", true, "dEdout_h2 doutdnet_h2 i2", "dw4",
     "w5< w6< w7< w8<"},
    {"w1+", "", "w1", "", "", false, "w1 - dw1", "new_w1", "w5< w6< w7< w8<"},
    {"w2+", "", "w2", "", "", false, "w2 - dw2", "new_w2", "w5< w6< w7< w8<"},
    {"w3+", "", "w3", "", "", false, "w3 - dw3", "new_w3", "w5< w6< w7< w8<"},
    {"w4+", "", "w4", "", "", false, "w4 - dw4", "new_w4", "w5< w6< w7< w8<"},
    {"w5+", "", "w5", "", "", false, "w5 - dw5", "new_w5", "w5< w6< w7< w8<"},
    {"w6+", "", "w6", "", "", false, "w6 - dw6", "new_w6", "w5< w6< w7< w8<"},
    {"w7+", "", "w7", "", "", false, "w7 - dw7", "new_w7", "w5< w6< w7< w8<"},
    {"w8+", "", "w8", "", "", false, "w8 - dw8", "new_w8", "w5< w6< w7< w8<"},
};

// The marks the view draws at the controller's position.
ui::DiagramMarks marksAt(const ui::TrainingController& controller) {
    return ui::DiagramMarks::of(controller.reveal(), controller.shownSample(),
                                !controller.finishedPhase());
}

TEST(DiagramMarksTest, EveryTermOfTheWorkedExamplesFirstStep) {
    ui::TrainingController controller;
    controller.load(session::PresetLibrary::builtIn().find("mazur")->session, "mazur");
    controller.setGranularity(Granularity::Term);
    ASSERT_EQ(std::size(kWorkedExample), 43u);
    for (std::size_t i = 0; i < std::size(kWorkedExample); ++i) {
        controller.stepForward();
        ASSERT_EQ(controller.position().revealed, static_cast<int>(i) + 1);
        expectMarks(marksAt(controller), kWorkedExample[i], "term " + std::to_string(i + 1));
    }
    // The 44th stop is the step's summary: no term is marked, every share still flows back.
    controller.stepForward();
    ASSERT_TRUE(controller.stepSummary().has_value());
    expectMarks(marksAt(controller), {"summary", "", "", "", "", false, "", "-", "w5< w6< w7< w8<"},
                "the summary");
}

TEST(DiagramMarksTest, Term24ShowsBothSharesFlowingBackToH1) {
    ui::TrainingController controller;
    controller.load(session::PresetLibrary::builtIn().find("mazur")->session, "mazur");
    controller.setGranularity(Granularity::Term);
    for (int i = 0; i < 24; ++i)
        controller.stepForward();
    const ui::DiagramMarks marks = marksAt(controller);
    // dE_total/dout_h1 = dE_o1/dout_h1 + dE_o2/dout_h1: the shares on w5 (h1-o1) and w7 (h1-o2).
    ASSERT_EQ(marks.factors.size(), 2u);
    EXPECT_EQ(marks.factors[0], (ui::DiagramPlace{.kind = Kind::Share, .index = 4}));
    EXPECT_EQ(marks.factors[1], (ui::DiagramPlace{.kind = Kind::Share, .index = 6}));
    const std::vector<ui::EdgeArrow> back{{.weight = 4, .direction = Direction::Backward},
                                          {.weight = 6, .direction = Direction::Backward}};
    EXPECT_EQ(marks.arrows, back);
    // Backward means towards h1, the source of both edges (layer 1).
    const core::Topology& topology = controller.snapshot().topology();
    EXPECT_EQ(topology.weightEnds(4).source, 0);
    EXPECT_EQ(topology.weightEnds(6).source, 0);
    EXPECT_EQ(topology.weightEnds(4).layer - 1, 1);
}

// One term of each phase of xor (four samples, a trained bias per node): the network shows the
// term's own sample, so that sample's values are the factors' places.
TEST(DiagramMarksTest, OneTermOfEachPhaseOfXor) {
    ui::TrainingController controller;
    controller.load(session::PresetLibrary::builtIn().find("xor")->session, "xor");
    controller.setGranularity(Granularity::Term);
    const auto advanceTo = [&](int term) {
        while (controller.position().revealed < term)
            controller.stepForward();
    };
    // Each sample's forward pass has 11 terms; term 14 is net_h2 of sample 2.
    advanceTo(14);
    EXPECT_EQ(controller.shownSample(), 1);
    expectMarks(marksAt(controller),
                {"net_h2 of sample 2", "h2 i1 i2", "w3 w4", "h2", "b_h2", false, "w3 i1 w4 i2 b_h2",
                 "net_h2", "w3> w4> b:h2>"},
                "xor term 14");
    // After 45 forward terms, sample 1's backward pass: o1, o2 (6), dw5..dw8 (4), db_o1, db_o2,
    // the shares of h1 via o1 and o2, then term 60: dE/dout_h1 of sample 1.
    advanceTo(60);
    EXPECT_EQ(controller.shownSample(), 0);
    expectMarks(marksAt(controller),
                {"dE/dout_h1 of sample 1", "h1 o1 o2", "w5 w7", "", "", true, "share_w5 share_w7",
                 "dEdout_h1", "w5< w7<"},
                "xor term 60");
    // The last term updates b_o2: b_o2 - lr * dE/db_o2 (the learning rate is not on the
    // network); the network shows the chosen sample, whose shares are all computed.
    const int last = controller.explanation()->size();
    EXPECT_EQ(last, 181);
    advanceTo(last);
    expectMarks(
        marksAt(controller),
        {"b_o2+", "", "", "o2", "b_o2", false, "b_o2 - db_o2", "new_b_o2", "w5< w6< w7< w8<"},
        "xor term 181");
}

// A whole iteration marks no term; the shares are all computed.
TEST(DiagramMarksTest, AWholeIterationMarksNoTerm) {
    ui::TrainingController controller;
    controller.load(session::PresetLibrary::builtIn().find("mazur")->session, "mazur");
    expectMarks(marksAt(controller),
                {"iteration", "", "", "", "", false, "", "-", "w5< w6< w7< w8<"}, "iteration");
}

}  // namespace
