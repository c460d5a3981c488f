#include "ui/networklayout.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QFontMetricsF>
#include <set>

#include "core/markup.h"
#include "layoutchecks.h"
#include "ui/networktexts.h"
#include "ui/networkview.h"
#include "ui/session/presetlibrary.h"

namespace {

using testing_support::expectClear;
using testing_support::expectLabelsOnTheirEdges;
using testing_support::widestNumber;

using core::Activation;

// The font the network view draws with.
QFont viewFont() {
    ui::TrainingController model;
    return ui::NetworkView(&model).font();
}

// The legend the view writes for a batch of four samples (its longest).
std::vector<ui::NetworkLegend::Entry> viewLegend() {
    ui::TrainingController model;
    model.load(session::PresetLibrary::builtIn().find("xor")->session, "xor");
    return ui::NetworkView(&model).legend();
}

// The widest numbers of each kind in the worked example's first step at `digits`.
ui::WidestNumbers workedExampleNumbers(int digits) {
    ui::TrainingController model;
    model.load(session::PresetLibrary::builtIn().find("mazur")->session, "mazur");
    return ui::NetworkTexts::widestNumbers(model.snapshot(), digits, QFontMetricsF(viewFont()));
}

TEST(NetworkLayoutTest, WorkedExampleKeepsItsFontInAFullHdWindow) {
    const core::Topology topology({2, 2, 2}, {Activation::Sigmoid, Activation::Sigmoid},
                                  core::BiasMode::Shared);
    const QSizeF size(1490, 540);  // the view beside the sample table of a 1920x1080 window
    for (int digits : {4, 6, 10}) {
        const ui::NetworkLayout layout(topology, size, viewFont(), digits, viewLegend(),
                                       workedExampleNumbers(digits));
        const std::string what = "2-2-2, digits " + std::to_string(digits);
        expectClear(layout, size, what);
        expectLabelsOnTheirEdges(layout, topology, what);
        EXPECT_TRUE(layout.hasShareLabels()) << what;
        if (digits == 4) {  // at the default digits nothing needs to shrink
            EXPECT_EQ(layout.labelFont().pointSizeF(), viewFont().pointSizeF());
            EXPECT_FALSE(layout.compactLabels());
        }
    }
}

// The network view's share of a 1024x700 and a 1920x1080 window: the upper part, across the
// whole width or beside a table of the samples.
const std::vector<QSizeF>& viewSizes() {
    static const std::vector<QSizeF> sizes{{1020, 330}, {790, 330}, {1916, 540}, {1490, 540}};
    return sizes;
}

std::string describe(const core::Topology& topology, QSizeF size) {
    std::string shape;
    for (int layer : topology.layerSizes())
        shape += (shape.empty() ? "" : "-") + std::to_string(layer);
    return shape + (topology.biasMode() == core::BiasMode::Shared ? " shared" : " per node") +
           " in " + std::to_string(int(size.width())) + "x" + std::to_string(int(size.height()));
}

// Every label names its parameter, in the form the layout chose.
void expectNamesShown(const ui::NetworkLayout& layout, const core::Topology& topology,
                      const std::string& what) {
    const QString number = widestNumber(4);
    for (const auto& label : layout.labels()) {
        if (label.kind == ui::NetworkLayout::Label::Kind::Share) continue;
        const bool bias = label.kind == ui::NetworkLayout::Label::Kind::Bias;
        const QString name = QString::fromStdString(bias ? topology.biasName(label.index)
                                                         : topology.weightName(label.index));
        for (const bool updated : {false, true}) {
            const ui::ParameterText text{name, number, ui::kDownArrow, updated ? number : QString(),
                                         number};
            EXPECT_TRUE(ui::parameterLabel(text, layout.compactLabels()).startsWith(name))
                << what << ": " << name.toStdString();
        }
    }
}

TEST(NetworkLayoutTest, EveryShapeUpToFourLayersOfSixFits) {
    for (const QSizeF size : viewSizes())
        for (int layers = 2; layers <= 4; ++layers)
            for (int nodes = 1; nodes <= 6; ++nodes)
                for (core::BiasMode mode : {core::BiasMode::Shared, core::BiasMode::PerNode}) {
                    const std::vector<int> sizes(layers, nodes);
                    const core::Topology topology(
                        sizes, std::vector<Activation>(layers - 1, Activation::Sigmoid), mode);
                    const ui::NetworkLayout layout(topology, size, viewFont(), 4, viewLegend());
                    const std::string what = describe(topology, size);
                    expectClear(layout, size, what);
                    expectLabelsOnTheirEdges(layout, topology, what);
                    expectNamesShown(layout, topology, what);
                }
}

// The largest allowed network (8 layers of 64, 29k edges) took 30 s to lay out while the label
// placer searched places for every edge's label; above 1024 edges none is labelled (hovering
// shows an edge's numbers). (Fitting 64 nodes' values in the view is issue 11's.)
TEST(NetworkLayoutTest, TooManyEdgesForLabelsGetNone) {
    const std::vector<int> sizes(8, 64);
    const core::Topology topology(sizes, std::vector<Activation>(7, Activation::Tanh),
                                  core::BiasMode::PerNode);
    const QSizeF size(900, 380);
    const ui::NetworkLayout layout(topology, size, viewFont(), 4, viewLegend());
    EXPECT_TRUE(layout.labels().empty());

    // At 1024 edges and below, labels are still placed (where they fit).
    const core::Topology dense({16, 16, 16, 2},
                               {Activation::Sigmoid, Activation::Sigmoid, Activation::Sigmoid},
                               core::BiasMode::Shared);
    EXPECT_FALSE(ui::NetworkLayout(dense, size, viewFont(), 4, viewLegend()).labels().empty());
}

// The largest networks keep a readable font: the values under their 64-node columns are left out
// (hovering a node shows them), their nodes are dots without names, and everything left stays
// clear of everything else; targets beside few outputs are stacked, beside 64 left out.
TEST(NetworkLayoutTest, TheLargestNetworksKeepAReadableFontAndLeaveTheirValuesOut) {
    const QSizeF size(764, 380);  // the view in the default window
    for (const std::vector<int>& sizes :
         {std::vector<int>{2, 64, 64, 64, 64, 64, 64, 2}, std::vector<int>(8, 64)}) {
        const core::Topology topology(sizes, std::vector<Activation>(7, Activation::Tanh),
                                      core::BiasMode::PerNode);
        const ui::NetworkLayout layout(topology, size, viewFont(), 4, viewLegend());
        const std::string what = std::to_string(sizes.front()) + " inputs";
        EXPECT_TRUE(ui::NetworkLayout::hasDenseEdges(topology));
        EXPECT_EQ(layout.nodeValues(), ui::NetworkLayout::NodeValues::Omitted) << what;
        EXPECT_FALSE(layout.showsNodeNames()) << what;
        EXPECT_TRUE(layout.labels().empty()) << what;
        EXPECT_GE(layout.labelFont().pointSizeF(), 0.5 * viewFont().pointSizeF()) << what;
        EXPECT_GE(layout.nodeRadius(), 1.5) << what;
        EXPECT_TRUE(layout.nodeText(1, 0).isEmpty()) << what;
        expectClear(layout, size, what);
        // Its hovered items are found: a node, an edge.
        EXPECT_EQ(layout.itemAt(topology, layout.node(3, 10)),
                  (ui::NetworkItem{ui::NetworkItem::Kind::Node, 3, 10}))
            << what;
        EXPECT_EQ(layout.itemAt(topology, layout.edges()[5000].line.pointAt(0.5)).kind,
                  ui::NetworkItem::Kind::Weight)
            << what;
        const bool fewOutputs = sizes.back() == 2;
        EXPECT_EQ(!layout.targetBox(0).isEmpty(), fewOutputs) << what;
    }
}

TEST(NetworkLayoutTest, HeadingShrinksUntilTheWidestNumberFitsInside) {
    const core::Topology topology({2, 2, 2}, {Activation::Sigmoid, Activation::Sigmoid},
                                  core::BiasMode::Shared);
    for (const QSizeF size : {QSizeF(480, 300), QSizeF(1024, 316), QSizeF(1280, 382)})
        for (int digits = core::DigitsRange::min; digits <= core::DigitsRange::max; ++digits) {
            const ui::NetworkLayout layout(topology, size, viewFont(), digits, viewLegend());
            const std::string what =
                std::to_string(size.width()) + " wide, digits " + std::to_string(digits);
            const QRectF box = layout.lossBox();
            EXPECT_GE(box.left(), 0) << what;
            EXPECT_LE(box.right(), size.width()) << what;
            const QString widest = ui::NetworkLayout::lossText(widestNumber(digits));
            EXPECT_LE(QFontMetricsF(layout.lossFont()).horizontalAdvance(widest), box.width())
                << what;
            EXPECT_LE(layout.lossFont().pointSizeF(), 2 * layout.labelFont().pointSizeF()) << what;
        }
    // With a large font (a user's choice, or a high-DPI screen's) in the narrowest view, the
    // heading shrinks with the labels and stays whole in its corner.
    QFont large = viewFont();
    large.setPointSizeF(large.pointSizeF() * 2);
    const QSizeF narrowSize(480, 300);
    const ui::NetworkLayout narrow(topology, narrowSize, large, core::DigitsRange::max,
                                   viewLegend());
    EXPECT_LE(narrow.lossFont().pointSizeF(), 2 * narrow.labelFont().pointSizeF());
    EXPECT_LT(narrow.lossFont().pointSizeF(), 2 * large.pointSizeF());
    EXPECT_GE(narrow.lossBox().left(), 0);
    const QString widest = ui::NetworkLayout::lossText(widestNumber(core::DigitsRange::max));
    EXPECT_LE(QFontMetricsF(narrow.lossFont()).horizontalAdvance(widest), narrow.lossBox().width());
    expectClear(narrow, narrowSize, "480x300 in a large font");
}

TEST(NetworkLayoutTest, LegendTooWideForOneLineTakesTwo) {
    const auto lines = [](const ui::NetworkLegend& legend) {
        std::set<qreal> tops;
        for (const auto& entry : legend.entries())
            if (!entry.textBox.isEmpty()) tops.insert(entry.textBox.top());
        return tops.size();
    };
    ui::NetworkLegend wide(viewLegend());
    wide.place(QSizeF(1916, 600), viewFont(), false);
    EXPECT_EQ(lines(wide), 1u);
    EXPECT_EQ(wide.font().pointSizeF(), viewFont().pointSizeF());
    // In a 1024 wide window it takes two lines in the label font rather than a tiny one.
    ui::NetworkLegend narrow(viewLegend());
    narrow.place(QSizeF(1024, 316), viewFont(), true);
    EXPECT_EQ(narrow.font().pointSizeF(), viewFont().pointSizeF());
    EXPECT_EQ(lines(narrow), 2u);
    const QFontMetricsF metrics(narrow.font());
    for (const auto& entry : narrow.entries()) {
        if (entry.textBox.isEmpty()) continue;
        EXPECT_LE(metrics.horizontalAdvance(entry.text), entry.textBox.width());
        EXPECT_LE(entry.textBox.right(), 1024);
    }
}

}  // namespace
