#include "ui/networklayout.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QFontMetricsF>
#include <set>

#include "core/markup.h"
#include "layoutchecks.h"
#include "ui/networkview.h"
#include "ui/session/presetlibrary.h"

namespace {

using testing_support::expectClear;
using testing_support::widestNumber;

using core::Activation;

// The font the network view draws with.
QFont viewFont() {
    const ui::TrainingController model;
    return ui::NetworkView(&model).font();
}

// The legend the view writes for a batch of four samples (its longest).
std::vector<ui::NetworkLegend::Entry> viewLegend() {
    ui::TrainingController model;
    model.load(session::PresetLibrary::builtIn().find("xor")->session, "xor");
    return ui::NetworkView(&model).legend();
}

TEST(NetworkLayoutTest, WorkedExampleLabelsNeverOverlapAtFullSize) {
    const core::Topology topology({2, 2, 2}, {Activation::Sigmoid, Activation::Sigmoid},
                                  core::BiasMode::Shared);
    const QSizeF size(1276, 470);  // the view's share of a 1280x800 window
    for (int digits : {4, 6, 10}) {
        const ui::NetworkLayout layout(topology, size, viewFont(), digits, viewLegend());
        expectClear(layout, size, "2-2-2, digits " + std::to_string(digits));
        if (digits == 4)  // at the default size and digits nothing needs to shrink
            EXPECT_EQ(layout.labelFont().pointSizeF(), viewFont().pointSizeF());
    }
}

TEST(NetworkLayoutTest, EveryShapeUpToFourLayersOfSixFits) {
    const QSizeF size(1276, 470);
    for (int layers = 2; layers <= 4; ++layers)
        for (int nodes = 1; nodes <= 6; ++nodes)
            for (core::BiasMode mode : {core::BiasMode::Shared, core::BiasMode::PerNode}) {
                const std::vector<int> sizes(layers, nodes);
                const core::Topology topology(
                    sizes, std::vector<Activation>(layers - 1, Activation::Sigmoid), mode);
                const ui::NetworkLayout layout(topology, size, viewFont(), 4, viewLegend());
                expectClear(layout, size,
                            std::to_string(layers) + " layers of " + std::to_string(nodes) +
                                (mode == core::BiasMode::Shared ? ", shared" : ", per node"));
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
    // With a large font (a user's choice, or a high-DPI screen's) twice the label font is too
    // wide for the widest E_total in the narrowest view, and the heading shrinks.
    QFont large = viewFont();
    large.setPointSizeF(large.pointSizeF() * 2);
    const QSizeF narrowSize(480, 300);
    const ui::NetworkLayout narrow(topology, narrowSize, large, core::DigitsRange::max,
                                   viewLegend());
    EXPECT_LT(narrow.lossFont().pointSizeF(), 2 * narrow.labelFont().pointSizeF());
    EXPECT_GE(narrow.lossBox().left(), 0);
    const QString widest = ui::NetworkLayout::lossText(widestNumber(core::DigitsRange::max));
    EXPECT_LE(QFontMetricsF(narrow.lossFont()).horizontalAdvance(widest), narrow.lossBox().width());
}

TEST(NetworkLayoutTest, LegendTooWideForOneLineTakesTwo) {
    const core::Topology topology({2, 2, 2}, {Activation::Sigmoid, Activation::Sigmoid},
                                  core::BiasMode::Shared);
    const std::vector<ui::NetworkLegend::Entry> legend = viewLegend();
    const auto lines = [](const ui::NetworkLayout& layout) {
        std::set<qreal> tops;
        for (const auto& entry : layout.legend().entries())
            if (!entry.textBox.isEmpty()) tops.insert(entry.textBox.top());
        return tops.size();
    };
    const ui::NetworkLayout wide(topology, QSizeF(1916, 600), viewFont(), 4, legend);
    EXPECT_EQ(lines(wide), 1u);
    EXPECT_EQ(wide.legend().font().pointSizeF(), viewFont().pointSizeF());
    // In a 1024 wide window it takes two lines in the label font rather than a tiny one.
    const ui::NetworkLayout narrow(topology, QSizeF(1024, 316), viewFont(), 4, legend);
    EXPECT_EQ(narrow.legend().font().pointSizeF(), narrow.labelFont().pointSizeF());
    EXPECT_EQ(lines(narrow), 2u);
    const QFontMetricsF metrics(narrow.legend().font());
    for (const auto& entry : narrow.legend().entries()) {
        if (entry.textBox.isEmpty()) continue;
        EXPECT_LE(metrics.horizontalAdvance(entry.text), entry.textBox.width());
        EXPECT_LE(entry.textBox.right(), 1024);
    }
}

}  // namespace
