#include "ui/networkview.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QFontMetricsF>
#include <QMouseEvent>
#include <QTest>

#include "core/markup.h"
#include "largesessions.h"
#include "layoutchecks.h"
#include "ui/mainwindow.h"
#include "ui/session/presetlibrary.h"

namespace {

using testing_support::expectClear;
using testing_support::expectLabelsOnTheirEdges;
using testing_support::widestNumber;
using ui::NetworkLayout;

// The window sizes the view must fit in: a small laptop, the default, a full HD screen.
const std::vector<QSize>& windowSizes() {
    static const std::vector<QSize> sizes{{1024, 700}, {1280, 800}, {1920, 1080}};
    return sizes;
}

std::string describe(const QString& preset, QSize window, QSize view, int digits) {
    return preset.toStdString() + " in a " + std::to_string(window.width()) + "x" +
           std::to_string(window.height()) + " window (view " + std::to_string(view.width()) + "x" +
           std::to_string(view.height()) + "), digits " + std::to_string(digits);
}

// E_total with the widest number fits its box in the heading's font.
void expectHeadingFits(const NetworkLayout& layout, int digits, const std::string& what) {
    const QString widest = NetworkLayout::lossText(widestNumber(digits));
    EXPECT_LE(QFontMetricsF(layout.lossFont()).horizontalAdvance(widest), layout.lossBox().width())
        << what << ": \"" << widest.toStdString() << "\" is wider than its box";
}

// Every legend phrase is shown (the one on short labels with them) and fits its box, in the
// footer.
void expectLegendFits(const NetworkLayout& layout, const std::string& what) {
    const QFontMetricsF metrics(layout.legend().font());
    for (const ui::NetworkLegend::Entry& entry : layout.legend().entries()) {
        const bool shown = !entry.onlyWithShortLabels || layout.compactLabels();
        EXPECT_EQ(!entry.textBox.isEmpty(), shown) << what << ": " << entry.text.toStdString();
        if (!shown) continue;
        EXPECT_LE(metrics.horizontalAdvance(entry.text), entry.textBox.width())
            << what << ": legend \"" << entry.text.toStdString() << "\" is cut";
        EXPECT_TRUE(layout.legend().box().contains(entry.textBox))
            << what << ": \"" << entry.text.toStdString() << "\" leaves the footer";
        EXPECT_EQ(entry.sampleWeight.has_value(), !entry.sampleBox.isEmpty()) << what;
    }
}

// The labels the view writes fit their boxes line by line, with the numbers shown (the view
// makes room for the widest number of each kind in the step, and more when a step brings a
// wider one); a label left out of a dense network has no box and no text to fit.
void expectLabelsFit(const ui::NetworkView& view, const std::string& what) {
    const NetworkLayout& layout = view.networkLayout();
    const QFontMetricsF metrics(layout.labelFont());
    const auto fits = [&](const QString& text, const QRectF& box) {
        if (box.isEmpty()) return;
        for (const QString& line : text.split('\n'))
            EXPECT_LE(metrics.horizontalAdvance(line), box.width())
                << what << ": \"" << line.toStdString() << "\" is wider than its label";
    };
    const core::Topology& topology = view.snapshot().topology();
    for (int w = 0; w < topology.weightCount(); ++w) {
        fits(view.weightLabelText(w), layout.weightLabel(w));
        fits(view.shareLabelText(w), layout.shareLabel(w));
    }
    for (int b = 0; b < topology.biasCount(); ++b)
        fits(view.biasLabelText(b), layout.biasLabel(b));
    for (int l = 1; l < topology.layerCount(); ++l)
        for (int n = 0; n < topology.layerSize(l); ++n)
            for (int line = 0; line < ui::kNodeLineCount; ++line) {
                const auto which = static_cast<ui::NodeLine>(line);
                const QRectF box = layout.nodeLine(l, n, which);
                EXPECT_LE(layout.nodeValueLeft(l, n, which) +
                              metrics.horizontalAdvance(view.nodeValueText(l, n, which)),
                          box.right() + 0.5)
                    << what << ": a value of node " << l << "," << n << " is cut";
            }
}

// A main window of `size`, shown, on the preset `name`; diverge is taken three steps at the
// largest rate, where its numbers are the largest (E_total 4.77e+167).
class PresetWindow {
public:
    PresetWindow(QSize size, const QString& name) {
        window_.resize(size);
        window_.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&window_));
        EXPECT_TRUE(window_.loadPreset(name));
        if (name == "diverge") {
            window_.controller()->setLearningRate(1000);
            for (int step = 0; step < 3; ++step)
                window_.controller()->stepForward();
        }
    }
    ui::MainWindow& window() { return window_; }
    ui::NetworkView& view() { return *window_.networkView(); }

private:
    ui::MainWindow window_;
};

TEST(NetworkViewTest, EveryPartFitsForEveryPresetWindowAndDigits) {
    for (const QSize window : windowSizes())
        for (const session::Preset& preset : session::PresetLibrary::builtIn().presets()) {
            PresetWindow shown(window, preset.name);
            for (int digits = core::DigitsRange::min; digits <= core::DigitsRange::max; ++digits) {
                shown.window().controller()->setDigits(digits);
                const ui::NetworkView& view = shown.view();
                const std::string what = describe(preset.name, window, view.size(), digits);
                expectClear(view.networkLayout(), view.size(), what);
                expectLabelsOnTheirEdges(view.networkLayout(), view.snapshot().topology(), what);
                expectHeadingFits(view.networkLayout(), digits, what);
                expectLegendFits(view.networkLayout(), what);
                expectLabelsFit(view, what);
            }
        }
}

// Numbers wider than any shown so far make room for themselves: diverge at a rate of 1000 goes
// from 0.5 to 1e+167 in three steps, and no label is cut on the way.
TEST(NetworkViewTest, RoomGrowsWithTheNumbers) {
    PresetWindow shown({1280, 800}, "xor");
    ASSERT_TRUE(shown.window().loadPreset("diverge"));
    shown.window().controller()->setLearningRate(1000);
    for (int step = 0; step < 3; ++step) {
        shown.window().controller()->stepForward();
        expectLabelsFit(shown.view(), "diverge, step " + std::to_string(step + 1));
        expectClear(shown.view().networkLayout(), shown.view().size(), "diverge");
    }
}

TEST(NetworkViewTest, HeadingAtNineDigitsIsWholeInADefaultWindow) {
    PresetWindow shown({1280, 800}, "diverge");
    shown.window().controller()->setDigits(9);
    const ui::NetworkView& view = shown.view();
    const QString heading = NetworkLayout::lossText(
        QString::fromStdString(core::formatNumber(view.snapshot().loss(), 9)));
    EXPECT_EQ(heading, "E_total = 4.77086724e+167");
    const NetworkLayout& layout = view.networkLayout();
    // Measured in the font it is drawn in: a box measured in a regular font clipped the bold "E".
    EXPECT_TRUE(layout.lossFont().bold());
    EXPECT_GE(layout.lossBox().left(), 0);
    EXPECT_LE(layout.lossBox().right(), view.width());
    EXPECT_LE(QFontMetricsF(layout.lossFont()).horizontalAdvance(heading),
              layout.lossBox().width());
}

TEST(NetworkViewTest, LegendOfASmallWindowIsWhole) {
    for (const int digits : {4, 10}) {
        PresetWindow shown({1024, 700}, "xor");
        shown.window().controller()->setDigits(digits);
        const std::string what = "xor at 1024x700, digits " + std::to_string(digits);
        expectLegendFits(shown.view().networkLayout(), what);
        EXPECT_LE(shown.view().networkLayout().legend().box().right(), shown.view().width())
            << what;
    }
}

TEST(NetworkViewTest, LegendFollowsTheSampleShown) {
    PresetWindow shown({1280, 800}, "xor");
    const auto sampleEntry = [&] {
        return shown.view().networkLayout().legend().entries().back().text;
    };
    EXPECT_TRUE(sampleEntry().contains("of sample 1 of 4")) << sampleEntry().toStdString();
    shown.window().controller()->setChosenSample(2);
    EXPECT_TRUE(sampleEntry().contains("of sample 3 of 4")) << sampleEntry().toStdString();
}

// The largest network draws its edges without labels, and a hovered edge with its label: the
// weight and its gradient, in a box near the edge.
TEST(NetworkViewTest, ADenseNetworksHoveredEdgeShowsItsLabel) {
    ui::TrainingController model;
    model.load(testing_support::largestSession(), "largest");
    ui::NetworkView view(&model);
    view.resize(764, 380);
    EXPECT_TRUE(view.networkLayout().labels().empty());
    QImage before(view.size(), QImage::Format_ARGB32_Premultiplied);
    view.render(&before);
    const QPointF middle = view.networkLayout().edges()[2 * 64 * 64 + 100].line.pointAt(0.5);
    QMouseEvent move(QEvent::MouseMove, middle, view.mapToGlobal(middle), Qt::NoButton,
                     Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(&view, &move);
    // Of the many edges crossing there, one is hovered.
    ASSERT_EQ(view.hoveredItem().kind, ui::NetworkItem::Kind::Weight);
    EXPECT_FALSE(view.weightLabelText(view.hoveredItem().index).isEmpty());
    QImage after(view.size(), QImage::Format_ARGB32_Premultiplied);
    view.render(&after);
    // The label's box is above the middle of the edge: many pixels there change.
    const int lines = int(QFontMetricsF(view.networkLayout().labelFont()).lineSpacing());
    int changed = 0;
    for (int y = std::max(0, int(middle.y()) - 3 * lines); y < int(middle.y()); ++y)
        for (int x = std::max(0, int(middle.x()) - 20); x < int(middle.x()) + 20; ++x)
            changed += before.pixel(x, y) != after.pixel(x, y);
    EXPECT_GT(changed, 200);
}

}  // namespace
