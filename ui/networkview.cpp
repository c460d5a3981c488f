#include "networkview.h"

#include <QEvent>
#include <QPainter>
#include <algorithm>

#include "core/markup.h"
#include "diagrampainter.h"
#include "divergenceplace.h"
#include "fitting.h"
#include "painting.h"
#include "palette.h"
#include "zoomlevels.h"

namespace ui {

namespace {

constexpr qreal kRingPenWidth = 4;       // the pen of the ring round the first value that blew up
constexpr qreal kRingMargin = 4;         // pixels between that ring and what it rings
constexpr qreal kNoteGap = 8;            // pixels between that ring and its note
constexpr qreal kNotePadding = 8;        // pixels the note's box is wider than its text
constexpr qreal kNoteHeightPadding = 2;  // pixels the note's box is taller than its text
constexpr qreal kOutlinePenWidth = 1.5;  // the pen of node circles
constexpr qreal kCirclePadding = 2;      // pixels round a node's circle in its cached image
constexpr double kLegendWeight = 0.8;    // the weight whose pen the legend's samples show

}  // namespace

namespace {

// Of each kind, the wider of the two.
WidestNumbers widerOf(const WidestNumbers& one, const WidestNumbers& other,
                      const QFontMetricsF& metrics) {
    const auto wider = [&](const QString& a, const QString& b) {
        if (a.isEmpty() || b.isEmpty()) return QString();
        return metrics.horizontalAdvance(a) >= metrics.horizontalAdvance(b) ? a : b;
    };
    return {wider(one.parameters, other.parameters), wider(one.gradients, other.gradients),
            wider(one.nodes, other.nodes)};
}

}  // namespace

NetworkView::NetworkView(TrainingController* model, QWidget* parent)
    : QWidget(parent), model_(model), scrub_(*model) {
    setObjectName("networkView");
    setAccessibleName(tr("Network"));
    setToolTip(
        tr("The network: every weight and bias with its gradient, every node's forward and "
           "backward values, each path's share of the error flowing back."));
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    // Clicking the network takes the keyboard from a text field, so the window's keys act.
    setFocusPolicy(Qt::ClickFocus);
    // Hovering an edge or a label lights both.
    setMouseTracking(true);
    // A size larger than the system's, to be read from the back of a lecture room.
    setFont(scaled(font(), ZoomLevels::readingScale));
    connect(model_, &TrainingController::changed, this, &NetworkView::refresh);
}

void NetworkView::refresh(TrainingController::Changes what) {
    using Change = TrainingController::Change;
    // Room for the numbers shown: made anew for a new network or digits, grown when a step
    // brings a wider number, so that the drawing stays put while training runs.
    bool wider = false;
    if (what & (Change::Session | Change::Display | Change::Step) && !reveal().isEmpty()) {
        const QFontMetricsF metrics(font());
        const WidestNumbers now =
            NetworkTexts::widestNumbers(snapshot(), model_->digits(), metrics);
        wider = NetworkTexts::isWider(now, numbers_, metrics);
        if (what & (Change::Session | Change::Display))
            numbers_ = now;
        else if (wider)
            numbers_ = widerOf(numbers_, now, metrics);
    }
    if (what & (Change::Session | Change::Display | Change::Zoom) || wider || legendChanged())
        relayout();
    const bool pendingChanged = std::exchange(pending_, model_->isStepPending()) != pending_;
    if (what & (Change::Session | Change::Step | Change::Reveal | Change::Display |
                Change::Granularity | Change::Zoom) ||
        pendingChanged)
        update();
}

void NetworkView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    relayout();
}

void NetworkView::relayout() {
    images_.clear();
    denseEdges_.clear();
    hovered_ = {};
    if (reveal().isEmpty()) return;
    layout_ = NetworkLayout(snapshot().topology(), diagramSize(), font(), model_->digits(),
                            legend(), numbers_);
}

qreal NetworkView::zoom() const {
    return model_->zoomFactor();
}

QSizeF NetworkView::diagramSize() const {
    return QSizeF(size()) / zoom();
}

QRectF NetworkView::fromDiagram(const QRectF& box) const {
    return {box.topLeft() * zoom(), box.size() * zoom()};
}

// Line samples for the two signs, then what short labels, thickness, arrows and shares say.
std::vector<NetworkLegend::Entry> NetworkView::legend() const {
    std::vector<NetworkLegend::Entry> entries{
        {.text = tr("positive weight"), .sampleWeight = kLegendWeight},
        {.text = tr("negative weight"), .sampleWeight = -kLegendWeight}};
    // A network of dense edges draws thin lines without labels or arrows.
    if (!snapshot().isEmpty() && NetworkLayout::hasDenseEdges(snapshot().topology())) {
        entries.push_back({.text = tr("darker = larger |w|")});
        entries.push_back({.text = tr("hover an edge or a node for its numbers")});
    } else {
        entries.push_back({.text = tr("edge labels: weight, then %1 = %1E/%1w").arg(kPartialSign),
                           .onlyWithShortLabels = true});
        entries.push_back({.text = tr("thicker = larger |w|")});
        entries.push_back(
            {.text = tr("%1 %2 = direction of the next update").arg(kUpArrow, kDownArrow)});
        entries.push_back({.text = tr("%1\u00B7w = a path's share of %2E/%2out, flowing back")
                                       .arg(kDelta, kPartialSign)});
    }
    if (snapshot().sampleCount() > 1)
        entries.push_back({.text = tr("values of sample %1 of %2; gradients are the batch's")
                                       .arg(model_->shownSample() + 1)
                                       .arg(snapshot().sampleCount())});
    return entries;
}

bool NetworkView::legendChanged() const {
    const std::vector<NetworkLegend::Entry> now = legend();
    const std::vector<NetworkLegend::Entry>& placed = layout_.legend().entries();
    return !std::equal(now.begin(), now.end(), placed.begin(), placed.end(),
                       [](const auto& one, const auto& other) { return one.text == other.text; });
}

NetworkTexts NetworkView::texts() const {
    return NetworkTexts(reveal(), model_->shownSample(), model_->digits(), layout_.compactLabels());
}

QString NetworkView::weightLabelText(int weight) const {
    return texts().parameterLabel(true, weight);
}

QString NetworkView::biasLabelText(int bias) const {
    return texts().parameterLabel(false, bias);
}

QString NetworkView::shareLabelText(int weight) const {
    return texts().share(weight);
}

QString NetworkView::nodeValueText(int layer, int node, NodeLine line) const {
    return texts().nodeValue(layer, node, line);
}

QString NetworkView::biasNodeName(int layer) const {
    const core::Topology& topology = snapshot().topology();
    if (topology.biasMode() == core::BiasMode::PerNode) return QStringLiteral("b");
    return QString::fromStdString(topology.biasName(topology.biasIndex(layer, 0)));
}

DiagramMarks NetworkView::marks() const {
    return DiagramMarks::of(reveal(), model_->shownSample(), !model_->finishedPhase());
}

QRectF NetworkView::placeRect(const DiagramPlace& place) const {
    const NetworkTexts words = texts();
    const DiagramMarks current = marks();
    const DiagramPainter::Scene scene{layout_, snapshot(), words, current, hovered_, palette()};
    QImage scratch(1, 1, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&scratch);
    return fromDiagram(DiagramPainter(painter, scene).rectOf(place));
}

void NetworkView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    if (reveal().isEmpty()) {
        painter.drawText(rect(), Qt::AlignCenter, tr("No network loaded"));
        return;
    }
    // The diagram is laid out at the view's size over the zoom and drawn magnified by it: every
    // text, node and pen grows together; cached images are made at the pixels they cover.
    if (zoom() != 1) painter.scale(zoom(), zoom());
    const qreal pixelRatio = devicePixelRatioF() * zoom();
    const NetworkTexts words = texts();
    const DiagramMarks current = marks();
    const DiagramPainter::Scene scene{layout_,  snapshot(), words,   current,
                                      hovered_, palette(),  pointer_};
    DiagramPainter diagram(painter, scene);
    diagram.drawUnderlay();
    diagram.drawEdges(denseEdges_);
    diagram.drawArrows();
    drawNodes(painter, pixelRatio);
    diagram.drawNodeValues(images_, pixelRatio);
    diagram.drawTargets();
    diagram.drawLabels();
    diagram.drawLoss();
    drawLegend(painter, pixelRatio);
    drawDivergence(painter);
    drawPending(painter);
}

// While the step at the position is computed (a large network's), a note says which step is
// shown meanwhile.
void NetworkView::drawPending(QPainter& painter) const {
    if (!pending_) return;
    const QString text = tr("showing iteration %1; computing iteration %2\u2026")
                             .arg(snapshot().iteration())
                             .arg(model_->iteration());
    painter.setFont(layout_.labelFont());
    const QFontMetricsF metrics(painter.font());
    QRectF note(0, 0, metrics.horizontalAdvance(text) + kNotePadding,
                metrics.height() + kNoteHeightPadding);
    note.moveTopRight(QPointF(diagramSize().width() - kNoteGap, kNoteGap));
    painter.fillRect(note, palette().color(QPalette::Base));
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(note, Qt::AlignCenter, text);
}

// The first value that blew up, ringed, with what it became.
void NetworkView::drawDivergence(QPainter& painter) const {
    const auto& divergence = snapshot().divergence();
    if (!divergence || !reveal().showsDivergence()) return;
    const QRectF box = divergencePlace(layout_, snapshot().topology(), divergence->where);
    painter.setPen(QPen(Palette::negative(), kRingPenWidth));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(box.adjusted(-kRingMargin, -kRingMargin, kRingMargin, kRingMargin));
    QFont bold = layout_.labelFont();
    bold.setBold(true);
    painter.setFont(bold);
    const QString text = tr("%1 here").arg(QString::fromStdString(
        core::divergenceCause(snapshot().topology(), snapshot().sampleCount(), *divergence)));
    const QFontMetricsF metrics(bold);
    QRectF note(box.left(), box.top() - metrics.height() - kNoteGap,
                metrics.horizontalAdvance(text) + kNotePadding,
                metrics.height() + kNoteHeightPadding);
    // Inside the view, above the ring where there is room and below it otherwise.
    if (note.top() < 0) note.moveTop(box.bottom() + kNoteGap);
    note.moveLeft(
        std::clamp(note.left(), 0.0, std::max(0.0, diagramSize().width() - note.width())));
    painter.fillRect(note, palette().color(QPalette::Base));
    painter.setPen(Palette::negative());
    painter.drawText(note, Qt::AlignCenter, text);
}

// Node circles with their names, drawn once and then copied: they change only with the layout.
// A bias node is named after its bias (b1, b2), or "b" when each node has its own.
void NetworkView::drawNodes(QPainter& painter, qreal pixelRatio) {
    const core::Topology& topology = snapshot().topology();
    const QPalette& colors = palette();
    QFont nameFont = layout_.labelFont();
    nameFont.setBold(true);
    // A network too dense for values draws its nodes as dots, without names.
    const bool named = layout_.showsNodeNames();
    const auto circle = [&](QPointF center, qreal r, QString name) {
        if (!named) name.clear();
        const qreal padded = r + kCirclePadding;
        const QRectF box(center.x() - padded, center.y() - padded, 2 * padded, 2 * padded);
        const QString key = named ? "node " + name : QStringLiteral("dot %1").arg(r);
        images_.draw(painter, key, box, pixelRatio, [&](QPainter& image) {
            image.setPen(
                QPen(colors.color(QPalette::Text), kOutlinePenWidth * Palette::lineScale()));
            image.setBrush(colors.color(QPalette::Base));
            image.drawEllipse(QPointF(padded, padded), r, r);
            image.setFont(nameFont);
            drawCentred(image, QRectF(kCirclePadding, kCirclePadding, 2 * r, 2 * r), name,
                        Qt::AlignVCenter);
        });
    };
    for (int l = 0; l < topology.layerCount(); ++l)
        for (int n = 0; n < topology.layerSize(l); ++n)
            circle(layout_.node(l, n), layout_.nodeRadius(),
                   QString::fromStdString(topology.nodeName(l, n)));
    for (int l = 1; l < topology.layerCount(); ++l)
        circle(layout_.biasNode(l), layout_.biasNodeRadius(), biasNodeName(l));
}

// Every phrase of the legend where the layout put it, after its line sample. It changes only
// with the layout, so it is drawn once and copied.
void NetworkView::drawLegend(QPainter& painter, qreal pixelRatio) {
    const QRectF footer = layout_.legend().box();
    images_.draw(painter, QStringLiteral("legend"), footer, pixelRatio, [&](QPainter& image) {
        image.translate(-footer.topLeft());
        image.setFont(layout_.legend().font());
        for (const NetworkLegend::Entry& entry : layout_.legend().entries()) {
            if (entry.textBox.isEmpty()) continue;
            if (entry.sampleWeight) {
                const QRectF sample = entry.sampleBox;
                image.setPen(weightPen(*entry.sampleWeight));
                image.drawLine(QPointF(sample.left(), sample.center().y()),
                               QPointF(sample.right(), sample.center().y()));
            }
            image.setPen(palette().color(QPalette::Text));
            image.drawText(entry.textBox, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextDontClip,
                           entry.text);
        }
    });
}

void NetworkView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) relayout();
}

}  // namespace ui
