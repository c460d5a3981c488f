#include <gtest/gtest.h>

#include <QImage>
#include <QMouseEvent>
#include <QTest>

#include "layoutchecks.h"
#include "ui/networkview.h"
#include "ui/palette.h"
#include "ui/session/presetlibrary.h"

namespace {

using Kind = ui::DiagramPlace::Kind;

// The network view alone, as large as a full HD window gives it, on a preset, in term mode.
class TermView {
public:
    explicit TermView(const QString& preset, QSize size = {1490, 540}) : view_(&model_) {
        model_.load(session::PresetLibrary::builtIn().find(preset)->session, preset);
        model_.setGranularity(core::Granularity::Term);
        view_.resize(size);
        view_.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&view_));
    }
    void advanceTo(int revealed) {
        while (model_.position().revealed < revealed)
            model_.stepForward();
    }
    QImage image() {
        QImage image(view_.size(), QImage::Format_ARGB32);
        view_.render(&image);
        return image;
    }
    ui::TrainingController& model() { return model_; }
    ui::NetworkView& view() { return view_; }

private:
    ui::TrainingController model_;
    ui::NetworkView view_;
};

// How many pixels of `rect` in `image` are within `tolerance` of `color` in every channel.
int pixelsOf(const QImage& image, const QRectF& rect, QColor color, int tolerance = 24) {
    int count = 0;
    const QRect area = rect.toAlignedRect().intersected(image.rect());
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (std::abs(pixel.red() - color.red()) <= tolerance &&
                std::abs(pixel.green() - color.green()) <= tolerance &&
                std::abs(pixel.blue() - color.blue()) <= tolerance)
                ++count;
        }
    return count;
}

// The highlight laid over the view's background, as the emphasis under a computed value is.
QColor highlightOnBase(const QWidget& widget) {
    const QColor base = widget.palette().color(QPalette::Base);
    const QColor highlight = ui::Palette::highlight();
    const auto mix = [](int over, int under) { return (over * 100 + under * 155) / 255; };
    return {mix(highlight.red(), base.red()), mix(highlight.green(), base.green()),
            mix(highlight.blue(), base.blue())};
}

TEST(DiagramViewTest, NodesShowTheirForwardAndBackwardValuesAsComputed) {
    TermView shown("mazur");
    shown.advanceTo(24);  // dE_total/dout_h1
    const ui::NetworkView& view = shown.view();
    EXPECT_EQ(view.nodeValueText(0, 0, ui::NodeLine::Out), "= 0.05");
    EXPECT_EQ(view.nodeValueText(1, 0, ui::NodeLine::Net), "0.3775");
    EXPECT_EQ(view.nodeValueText(1, 0, ui::NodeLine::Out), "0.5933");
    EXPECT_EQ(view.nodeValueText(1, 0, ui::NodeLine::DLoss_dOut), "0.03635");
    EXPECT_EQ(view.nodeValueText(1, 0, ui::NodeLine::DOut_dNet), "?");
    EXPECT_EQ(view.nodeValueText(1, 0, ui::NodeLine::Delta), "?");
    EXPECT_EQ(view.nodeValueText(2, 0, ui::NodeLine::Delta), "0.1385");
    EXPECT_EQ(view.nodeValueText(2, 1, ui::NodeLine::DLoss_dOut), "-0.2171");
    // The frozen biases are never differentiated: their gradient reads "—".
    EXPECT_EQ(view.biasLabelText(0), "b1 = 0.35 (fixed)\n\u2202E/\u2202b1 = \u2014");
    EXPECT_EQ(view.biasNodeName(1), "b1");
    EXPECT_EQ(view.biasNodeName(2), "b2");
}

TEST(DiagramViewTest, Term24DrawsBothSharesOnTheirEdgesInTheirFactorsColours) {
    TermView shown("mazur");
    shown.advanceTo(21);
    EXPECT_TRUE(shown.view().shareLabelText(4).isEmpty()) << "not computed yet";
    shown.advanceTo(24);
    const ui::NetworkView& view = shown.view();
    EXPECT_EQ(view.shareLabelText(4), "\u03B4\u00B7w5 = 0.0554");
    EXPECT_EQ(view.shareLabelText(6), "\u03B4\u00B7w7 = -0.01905");
    EXPECT_TRUE(view.shareLabelText(5).isEmpty());  // h2's shares come later
    const ui::NetworkLayout& layout = view.networkLayout();
    testing_support::expectLabelsOnTheirEdges(layout, view.snapshot().topology(), "term 24");
    // Each share's label is framed and written in its factor's colour (0 blue, 1 vermillion).
    const QImage image = shown.image();
    EXPECT_GT(pixelsOf(image, layout.shareLabel(4), ui::Palette::factor(0), 8), 20);
    EXPECT_GT(pixelsOf(image, layout.shareLabel(6), ui::Palette::factor(1), 8), 20);
    // A label that is no factor has none of those colours (though the edge under it is blue).
    EXPECT_EQ(pixelsOf(image, layout.weightLabel(7), ui::Palette::factor(0), 8), 0);
    // The value computed, dE/dout of h1, has the highlight under it where h1 shows it.
    const QRectF computed = view.placeRect(
        {.kind = Kind::NodeValue, .layer = 1, .node = 0, .line = ui::NodeLine::DLoss_dOut});
    EXPECT_EQ(computed, layout.nodeLine(1, 0, ui::NodeLine::DLoss_dOut));
    EXPECT_GT(pixelsOf(image, computed, highlightOnBase(view), 10), computed.width() * 4);
    // h1's other values are not emphasised (its first line lies in the glow round h1).
    for (const ui::NodeLine line : {ui::NodeLine::DOut_dNet, ui::NodeLine::Delta})
        EXPECT_EQ(pixelsOf(image, layout.nodeLine(1, 0, line).adjusted(0, 2, 0, 0),
                           highlightOnBase(view), 10),
                  0);
}

TEST(DiagramViewTest, FactorsOfAGradientSitOnTheirNodesLines) {
    TermView shown("mazur");
    shown.advanceTo(18);  // dE/dw5 = dE/dout_o1 * dout_o1/dnet_o1 * out_h1
    const QImage image = shown.image();
    const ui::NetworkLayout& layout = shown.view().networkLayout();
    const std::pair<ui::NodeLine, int> factors[] = {{ui::NodeLine::DLoss_dOut, 0},
                                                    {ui::NodeLine::DOut_dNet, 1}};
    for (const auto& [line, k] : factors)
        EXPECT_GT(pixelsOf(image, layout.nodeLine(2, 0, line), ui::Palette::factor(k), 8), 20)
            << "factor " << k;
    EXPECT_GT(pixelsOf(image, layout.nodeLine(1, 0, ui::NodeLine::Out), ui::Palette::factor(2), 8),
              20);
    // The gradient computed is emphasised on w5's label.
    const QRectF gradient = shown.view().placeRect({.kind = Kind::WeightGradient, .index = 4});
    EXPECT_TRUE(layout.weightLabel(4).contains(gradient));
    EXPECT_GT(pixelsOf(image, gradient, highlightOnBase(shown.view()), 10), 20);
}

TEST(DiagramViewTest, UpdatesReadOldArrowNewAndTheSummaryKeepsThem) {
    TermView shown("mazur");
    shown.advanceTo(39);  // w4+
    EXPECT_EQ(shown.view().weightLabelText(3),
              "w4: 0.3 \u2192 0.2995\n\u2202E/\u2202w4 = 0.0009954");
    EXPECT_TRUE(shown.view().weightLabelText(4).startsWith("w5 = 0.4 \u25BC"));
    shown.advanceTo(43);
    shown.model().stepForward();  // the step's summary
    ASSERT_TRUE(shown.model().stepSummary().has_value());
    EXPECT_EQ(shown.view().weightLabelText(4), "w5: 0.4 \u2192 0.3589\n\u2202E/\u2202w5 = 0.08217");
    for (int w = 0; w < 8; ++w)
        EXPECT_FALSE(shown.view().weightLabelText(w).contains("new"));
}

TEST(DiagramViewTest, PerNodeBiasesKeepTheirNamesInShortLabels) {
    for (const QSize size : {QSize(790, 330), QSize(1490, 540)}) {
        TermView shown("xor", size);
        const ui::NetworkView& view = shown.view();
        EXPECT_EQ(view.biasNodeName(1), "b");
        const char* names[] = {"b_h1", "b_h2", "b_o1", "b_o2"};
        for (int b = 0; b < 4; ++b)
            EXPECT_TRUE(view.biasLabelText(b).startsWith(names[b]))
                << view.biasLabelText(b).toStdString();
        for (int w = 0; w < 8; ++w)
            EXPECT_TRUE(view.weightLabelText(w).startsWith("w" + QString::number(w + 1) + " "));
    }
}

TEST(DiagramViewTest, HoveringALabelOrAnEdgeLightsBoth) {
    TermView shown("mazur");
    ui::NetworkView& view = shown.view();
    const ui::NetworkLayout& layout = view.networkLayout();
    const QImage before = shown.image();
    // A weight whose edge has a point clear of every box, and that point.
    int weight = -1;
    QPointF onEdge;
    const std::vector<QRectF> boxes = layout.labelBoxes();
    for (int w = 0; w < 8 && weight < 0; ++w)
        for (qreal t = 0.1; t < 0.9 && weight < 0; t += 0.01) {
            const QPointF p = layout.edges()[w].line.pointAt(t);
            if (std::none_of(boxes.begin(), boxes.end(), [&](const QRectF& box) {
                    return box.adjusted(-6, -6, 6, 6).contains(p);
                }))
                weight = w, onEdge = p;
        }
    ASSERT_GE(weight, 0);
    const QRectF glowAt(onEdge.x() - 1, onEdge.y() - 8, 3, 16);  // across the edge
    const QRectF frame = layout.weightLabel(weight).adjusted(-1, -1, 1, 1);
    const ui::NetworkItem item{ui::NetworkItem::Kind::Weight, 0, weight};
    // Over the label: the label is hovered, and its edge glows.
    QTest::mouseMove(&view, layout.weightLabel(weight).center().toPoint());
    EXPECT_EQ(view.hoveredItem(), item);
    QImage hovered = shown.image();
    EXPECT_NE(hovered.copy(glowAt.toAlignedRect()), before.copy(glowAt.toAlignedRect()));
    EXPECT_NE(hovered.copy(frame.toAlignedRect()), before.copy(frame.toAlignedRect()));
    // Over the edge: the same.
    QTest::mouseMove(&view, onEdge.toPoint());
    EXPECT_EQ(view.hoveredItem(), item);
    hovered = shown.image();
    EXPECT_NE(hovered.copy(frame.toAlignedRect()), before.copy(frame.toAlignedRect()));
    // Away from everything, nothing.
    QTest::mouseMove(&view, QPoint(2, view.height() / 2));
    EXPECT_EQ(view.hoveredItem().kind, ui::NetworkItem::Kind::None);
    EXPECT_EQ(shown.image(), before);
}

}  // namespace
