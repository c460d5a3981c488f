#include "diagrampainter.h"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>
#include <numeric>

#include "denseedges.h"
#include "diagramgeometry.h"
#include "diagramimagecache.h"
#include "diagramtextlines.h"
#include "fitting.h"
#include "palette.h"

namespace ui {

namespace {

constexpr qreal kGlowScale = 1.45;           // a lit node's glow against its radius
constexpr qreal kGlowWidth = 0.6;            // a lit edge's glow against the node radius
constexpr qreal kHoverWidth = 0.35;          // a hovered edge's glow against the node radius
constexpr int kHoverAlpha = 110;             // its opacity
constexpr qreal kLossHighlightPenWidth = 3;  // the pen round E_total when the term uses it
constexpr qreal kLossHighlightMarginX = 4;   // pixels between that pen and the heading, sideways
constexpr qreal kLossHighlightMarginY = 2;   // and above and below
constexpr qreal kOutlinePenWidth = 1.5;      // the pen of target boxes
constexpr qreal kLitLabelPenWidth = 2.5;     // the frame of a label the current term uses
constexpr qreal kLabelPenWidth = 1;          // the frame of every other label
constexpr qreal kMarkPenWidth = 2;           // the frame of a factor's or the result's place
constexpr qreal kMarkMargin = 1.5;           // pixels that frame reaches beyond the text
constexpr int kComputedAlpha = 100;          // the opacity of the highlight under the result
constexpr qreal kLeaderDot = 2;              // the radius of the dot where a leader meets its edge
constexpr qreal kArrowLines = 0.6;           // an arrowhead's length, in lines of the label font
constexpr qreal kArrowGap = 2;               // pixels between an arrowhead and its node
constexpr qreal kTextHalo = 2;               // pixels of background beside a node value's text
constexpr int kValuesAlpha = 200;            // the opacity of that background
// A network of dense edges (NetworkLayout::hasDenseEdges) leaves out more arrows than this (a
// whole iteration's path shares).
constexpr std::size_t kMostDenseArrows = 64;
// Pixels between a hovered edge's label and its edge, and the view's edge.
constexpr qreal kHoverLabelGap = 6;

}  // namespace

DiagramPainter::DiagramPainter(QPainter& painter, const Scene& scene)
    : painter_(painter), scene_(scene), layout_(scene.layout), topology_(scene.step.topology()) {}

QLineF DiagramPainter::edgeLine(int weight, core::Highlight::Node fed) const {
    if (weight >= 0) return layout_.edges()[weight].line;
    return QLineF(layout_.biasNode(fed.layer), layout_.node(fed.layer, fed.node));
}

void DiagramPainter::drawUnderlay() {
    const core::Highlight& lit = scene_.marks.lit;
    const qreal radius = layout_.nodeRadius();
    // The glows lie on the bare background: laid over it beforehand, they are opaque, which
    // the raster engine fills several times faster than translucent shapes.
    const QColor base = scene_.colors.color(QPalette::Base);
    const QColor glow = Palette::over(Palette::glow(), base);
    painter_.setPen(Qt::NoPen);
    painter_.setBrush(glow);
    for (int w : lit.weights)
        drawBand(edgeLine(w, {}), radius * kGlowWidth);
    for (const auto& fed : lit.biasEdges)
        drawBand(edgeLine(-1, fed), radius * kGlowWidth);
    // The hovered edge, or every edge of the hovered bias, in grey.
    const NetworkItem& hovered = scene_.hovered;
    painter_.setBrush(Palette::over(Palette::withAlpha(Palette::neutral(), kHoverAlpha), base));
    for (const NetworkLayout::Edge& edge : layout_.edges()) {
        const bool weight =
            hovered.kind == NetworkItem::Kind::Weight && edge.weight == hovered.index;
        const bool bias = hovered.kind == NetworkItem::Kind::Bias && edge.weight < 0 &&
                          topology_.biasIndex(edge.layer, edge.node) == hovered.index;
        if (weight || bias) drawBand(edge.line, radius * kHoverWidth);
    }
    painter_.setBrush(glow);
    for (const auto& node : lit.nodes)
        painter_.drawEllipse(layout_.node(node.layer, node.node), radius * kGlowScale,
                             radius * kGlowScale);
    // A shared bias is its own node: ring it (a per-node bias is lit on its label).
    if (topology_.biasMode() == core::BiasMode::Shared)
        for (int b : lit.biases)
            painter_.drawEllipse(layout_.biasNode(topology_.biasLayer(b)),
                                 layout_.biasNodeRadius() * kGlowScale,
                                 layout_.biasNodeRadius() * kGlowScale);
    painter_.setBrush(Qt::NoBrush);
}

// A band `width` wide along `line`, in the brush: a filled quadrilateral, which costs a small
// part of what stroking a wide pen does.
void DiagramPainter::drawBand(const QLineF& line, qreal width) {
    const qreal length = std::max<qreal>(line.length(), 1);
    const QPointF across = QPointF(-line.dy(), line.dx()) / length * (width / 2);
    const QPointF corners[] = {line.p1() + across, line.p2() + across, line.p2() - across,
                               line.p1() - across};
    painter_.drawPolygon(corners, 4);
}

void DiagramPainter::drawEdges(DenseEdges& dense) {
    if (NetworkLayout::hasDenseEdges(topology_))
        return dense.draw(painter_, layout_, scene_.step, scene_.colors.color(QPalette::Base));
    for (const NetworkLayout::Edge& edge : layout_.edges()) {
        const double value =
            edge.weight >= 0
                ? scene_.step.weightsBefore()[edge.weight]
                : scene_.step.biasesBefore()[topology_.biasIndex(edge.layer, edge.node)];
        painter_.setPen(weightPen(value));
        painter_.drawLine(edge.line);
    }
}

// Forward: the tip just outside the node the edge feeds; backward (a path share): just outside
// the node the share flows back to. Both ends of an edge are clear of crossings.
void DiagramPainter::drawArrows() {
    if (NetworkLayout::hasDenseEdges(topology_) && scene_.marks.arrows.size() > kMostDenseArrows)
        return;
    const qreal size = QFontMetricsF(layout_.labelFont()).lineSpacing() * kArrowLines;
    const qreal reach = layout_.nodeRadius() + kArrowGap;
    painter_.setPen(Qt::NoPen);
    painter_.setBrush(scene_.colors.color(QPalette::Text));
    for (const EdgeArrow& arrow : scene_.marks.arrows) {
        const QLineF edge = edgeLine(arrow.weight, arrow.fed);
        const QPointF unit = (edge.p2() - edge.p1()) / std::max<qreal>(edge.length(), 1);
        if (arrow.direction == EdgeArrow::Direction::Forward)
            drawArrowHead(painter_, edge.p2() - unit * reach, unit, size);
        else
            drawArrowHead(painter_, edge.p1() + unit * reach, -unit, size);
    }
    painter_.setBrush(Qt::NoBrush);
}

void DiagramPainter::drawNodeValues(DiagramImageCache& cache, qreal pixelRatio) {
    if (layout_.nodeValues() == NetworkLayout::NodeValues::Omitted) return;
    const QColor base = Palette::withAlpha(scene_.colors.color(QPalette::Base), kValuesAlpha);
    const QFontMetricsF metrics(layout_.labelFont());
    painter_.setFont(layout_.labelFont());
    for (int l = 0; l < topology_.layerCount(); ++l)
        for (int n = 0; n < topology_.layerSize(l); ++n) {
            const QRectF box = layout_.nodeText(l, n);
            if (l == 0) {
                const DiagramPlace place{
                    .kind = DiagramPlace::Kind::NodeValue, .layer = 0, .node = n};
                drawLines(box, {{{scene_.texts.nodeValue(0, n, NodeLine::Out), place}}});
                continue;
            }
            // The names on their backgrounds, which change only with the layout.
            cache.draw(painter_, QStringLiteral("values %1 %2").arg(l).arg(n), box, pixelRatio,
                       [&](QPainter& image) {
                           image.translate(-box.topLeft());
                           image.setFont(layout_.labelFont());
                           image.setPen(scene_.colors.color(QPalette::Text));
                           for (int i = 0; i < kNodeLineCount; ++i) {
                               const auto line = static_cast<NodeLine>(i);
                               const QRectF rect = layout_.nodeLine(l, n, line);
                               const QString name = nodeLineName(line);
                               const qreal valueLeft = layout_.nodeValueLeft(l, n, line);
                               const qreal right =
                                   valueLeft - metrics.horizontalAdvance(QStringLiteral(" "));
                               const qreal left = right - metrics.horizontalAdvance(name);
                               // Behind the text only, so the edges under it still show.
                               image.fillRect(
                                   QRectF(left - kTextHalo, rect.top(),
                                          rect.right() - left + kTextHalo, rect.height()),
                                   base);
                               image.drawText(QPointF(left, rect.top() + metrics.ascent()), name);
                           }
                       });
            for (int i = 0; i < kNodeLineCount; ++i) {
                const auto line = static_cast<NodeLine>(i);
                const DiagramPlace place{
                    .kind = DiagramPlace::Kind::NodeValue, .layer = l, .node = n, .line = line};
                const QRectF rect = layout_.nodeLine(l, n, line);
                markUnder(place, rect);
                painter_.setPen(textColor(place));
                painter_.drawText(
                    QPointF(layout_.nodeValueLeft(l, n, line), rect.top() + metrics.ascent()),
                    scene_.texts.nodeValue(l, n, line));
                markOver(place, rect);
            }
        }
}

void DiagramPainter::drawTargets() {
    using Kind = DiagramPlace::Kind;
    painter_.setFont(layout_.labelFont());
    for (int k = 0; k < topology_.outputCount(); ++k) {
        const QRectF box = layout_.targetBox(k);
        if (box.isEmpty()) continue;  // outputs too dense for their targets
        painter_.setPen(QPen(Palette::target(), kOutlinePenWidth * Palette::lineScale()));
        painter_.setBrush(scene_.colors.color(QPalette::Base));
        drawBox(painter_, box);
        painter_.setBrush(Qt::NoBrush);
        drawLines(
            box,
            {{{scene_.texts.target(k), DiagramPlace{.kind = Kind::Target, .node = k}}},
             {{scene_.texts.outputError(k), DiagramPlace{.kind = Kind::OutputError, .node = k}}}});
    }
}

std::vector<DiagramPainter::Line> DiagramPainter::labelLines(
    const NetworkLayout::Label& label) const {
    using Kind = DiagramPlace::Kind;
    const NetworkTexts& texts = scene_.texts;
    if (label.kind == NetworkLayout::Label::Kind::Share)
        return {
            {{texts.share(label.index), DiagramPlace{.kind = Kind::Share, .index = label.index}}}};
    const bool weight = label.kind == NetworkLayout::Label::Kind::Weight;
    const ParameterText parts = texts.parameter(weight, label.index);
    const QStringList lines = parameterLabel(parts, texts.compact()).split('\n');
    const QString value = parameterValuePart(parts, texts.compact());
    const auto place = [&](Kind kind) { return DiagramPlace{.kind = kind, .index = label.index}; };
    const QString rest = lines[0].mid(value.size());
    Line first{{value, place(weight ? Kind::Weight : Kind::Bias)}};
    if (!rest.isEmpty())
        first.push_back(
            {rest, parts.newValue.isEmpty()
                       ? std::nullopt
                       : std::optional(place(weight ? Kind::NewWeight : Kind::NewBias))});
    return {first, {{lines[1], place(weight ? Kind::WeightGradient : Kind::BiasGradient)}}};
}

bool DiagramPainter::isLit(const NetworkLayout::Label& label) const {
    const core::Highlight& lit = scene_.marks.lit;
    const std::vector<int>& list =
        label.kind == NetworkLayout::Label::Kind::Bias ? lit.biases : lit.weights;
    return label.kind != NetworkLayout::Label::Kind::Share &&
           std::find(list.begin(), list.end(), label.index) != list.end();
}

bool DiagramPainter::isHovered(const NetworkLayout::Label& label) const {
    const bool bias = label.kind == NetworkLayout::Label::Kind::Bias;
    return scene_.hovered.kind == (bias ? NetworkItem::Kind::Bias : NetworkItem::Kind::Weight) &&
           scene_.hovered.index == label.index;
}

void DiagramPainter::drawLabels() {
    const QPalette& colors = scene_.colors;
    const QColor background = Palette::labelBackground(colors.color(QPalette::Base));
    painter_.setFont(layout_.labelFont());
    std::vector<NetworkLayout::Label> labels = layout_.labels();
    if (const auto hovered = hoveredLabel()) labels.push_back(*hovered);
    for (const NetworkLayout::Label& label : labels) {
        const std::vector<Line> lines = labelLines(label);
        if (lines.front().front().text.isEmpty()) continue;  // a share not computed yet
        if (label.leader) {
            painter_.setPen(
                QPen(colors.color(QPalette::Text), kLabelPenWidth * Palette::lineScale()));
            painter_.drawLine(*label.leader);
            painter_.setBrush(colors.color(QPalette::Text));
            painter_.drawEllipse(label.leader->p1(), kLeaderDot, kLeaderDot);
        }
        if (isHovered(label))
            painter_.setPen(QPen(colors.color(QPalette::Text), kLitLabelPenWidth));
        else if (isLit(label))
            painter_.setPen(QPen(Palette::highlight(), kLitLabelPenWidth));
        else
            painter_.setPen(
                QPen(colors.color(QPalette::Mid), kLabelPenWidth * Palette::lineScale()));
        painter_.setBrush(background);
        drawBox(painter_, label.box);
        painter_.setBrush(Qt::NoBrush);
        drawLines(label.box, lines);
    }
}

std::optional<NetworkLayout::Label> DiagramPainter::hoveredLabel() const {
    // Only for a hovered edge the layout left without a label (a dense network's).
    const NetworkItem& hovered = scene_.hovered;
    const bool weight = hovered.kind == NetworkItem::Kind::Weight;
    if (!weight && hovered.kind != NetworkItem::Kind::Bias) return std::nullopt;
    if (!(weight ? layout_.weightLabel(hovered.index) : layout_.biasLabel(hovered.index)).isEmpty())
        return std::nullopt;
    NetworkLayout::Label label;
    label.kind = weight ? NetworkLayout::Label::Kind::Weight : NetworkLayout::Label::Kind::Bias;
    label.index = hovered.index;
    QStringList texts;
    for (const Line& line : labelLines(label))
        texts.append(
            std::accumulate(line.begin(), line.end(), QString(),
                            [](QString text, const Part& part) { return text + part.text; }));
    // Above its edge (a bias's first) where the mouse is.
    const int layer = weight ? 0 : topology_.biasLayer(hovered.index);
    const int first = weight ? 0 : topology_.biasIndex(layer, 0);
    const QLineF edge = edgeLine(weight ? hovered.index : -1, {layer, hovered.index - first});
    label.box =
        boxAboveEdge(edge, scene_.pointer, textBoxSize(QFontMetricsF(layout_.labelFont()), texts),
                     kHoverLabelGap, painter_.window());
    return label;
}

void DiagramPainter::drawLoss() {
    const QRectF box = layout_.lossBox();
    const std::optional<DiagramPlace> place = DiagramPlace{.kind = DiagramPlace::Kind::Loss};
    markUnder(place, box);
    painter_.setFont(layout_.lossFont());
    painter_.setPen(scene_.colors.color(QPalette::Text));
    painter_.drawText(box, Qt::AlignRight | Qt::AlignVCenter,
                      NetworkLayout::lossText(scene_.texts.loss()));
    if (scene_.marks.lit.loss) {
        painter_.setPen(QPen(Palette::highlight(), kLossHighlightPenWidth));
        painter_.drawRect(box.adjusted(-kLossHighlightMarginX, -kLossHighlightMarginY,
                                       kLossHighlightMarginX, kLossHighlightMarginY));
    }
    markOver(place, box);
}

void DiagramPainter::drawLines(const QRectF& box, const std::vector<Line>& lines) {
    const QFont font = painter_.font();
    const std::vector<FittedLine> fitted = fitLines(font, box, textsOf(lines));
    for (std::size_t l = 0; l < lines.size(); ++l) {
        painter_.setFont(fitted[l].font);
        for (std::size_t p = 0; p < lines[l].size(); ++p) {
            const Part& part = lines[l][p];
            const QRectF& rect = fitted[l].parts[p];
            markUnder(part.place, rect);
            painter_.setPen(textColor(part.place));
            painter_.drawText(QPointF(rect.left(), rect.top() + fitted[l].ascent), part.text);
            markOver(part.place, rect);
        }
    }
    painter_.setFont(font);
}

int DiagramPainter::factorOf(const std::optional<DiagramPlace>& place) const {
    if (!place) return -1;
    const auto& factors = scene_.marks.factors;
    const auto it = std::find(factors.begin(), factors.end(), place);
    return it == factors.end() ? -1 : static_cast<int>(it - factors.begin());
}

QColor DiagramPainter::textColor(const std::optional<DiagramPlace>& place) const {
    const int factor = factorOf(place);
    return factor >= 0 ? Palette::factor(factor) : scene_.colors.color(QPalette::Text);
}

void DiagramPainter::markUnder(const std::optional<DiagramPlace>& place, const QRectF& rect) {
    if (isComputed(place))
        painter_.fillRect(rect.adjusted(-kMarkMargin, 0, kMarkMargin, 0),
                          Palette::highlightFill(kComputedAlpha));
}

void DiagramPainter::markOver(const std::optional<DiagramPlace>& place, const QRectF& rect) {
    const int factor = factorOf(place);
    if (factor < 0 && !isComputed(place)) return;
    // In high contrast each factor's frame also has its own pattern, the result's solid.
    painter_.setPen(QPen(factor >= 0 ? Palette::factor(factor) : Palette::highlight(),
                         kMarkPenWidth * Palette::lineScale(),
                         factor >= 0 ? Palette::seriesStyle(factor) : Qt::SolidLine));
    painter_.setBrush(Qt::NoBrush);
    painter_.drawRoundedRect(rect.adjusted(-kMarkMargin, 0, kMarkMargin, 0), kMarkMargin * 2,
                             kMarkMargin * 2);
}

QRectF DiagramPainter::rectOf(const DiagramPlace& place) const {
    using Kind = DiagramPlace::Kind;
    const auto labelPart = [&](NetworkLayout::Label::Kind kind, int part) {
        for (const NetworkLayout::Label& label : layout_.labels()) {
            if (label.kind != kind || label.index != place.index) continue;
            std::vector<QRectF> rects;
            for (const FittedLine& line :
                 fitLines(layout_.labelFont(), label.box, textsOf(labelLines(label))))
                rects.insert(rects.end(), line.parts.begin(), line.parts.end());
            // Parts: the value, [the rest of the first line,] the gradient.
            if (part == 2) return rects.back();
            return part < static_cast<int>(rects.size()) - 1 ? rects[part] : QRectF();
        }
        return QRectF();
    };
    using LabelKind = NetworkLayout::Label::Kind;
    switch (place.kind) {
        case Kind::NodeValue:
            return layout_.nodeLine(place.layer, place.node, place.line);
        case Kind::Weight:
            return labelPart(LabelKind::Weight, 0);
        case Kind::NewWeight:
            return labelPart(LabelKind::Weight, 1);
        case Kind::WeightGradient:
            return labelPart(LabelKind::Weight, 2);
        case Kind::Bias:
            return labelPart(LabelKind::Bias, 0);
        case Kind::NewBias:
            return labelPart(LabelKind::Bias, 1);
        case Kind::BiasGradient:
            return labelPart(LabelKind::Bias, 2);
        case Kind::Share:
            return layout_.shareLabel(place.index);
        case Kind::Target:
            return layout_.targetLine(place.node, 0);
        case Kind::OutputError:
            return layout_.targetLine(place.node, 1);
        case Kind::Loss:
            break;
    }
    return layout_.lossBox();
}

}  // namespace ui
