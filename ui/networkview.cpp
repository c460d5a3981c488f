#include "networkview.h"

#include <QEvent>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <algorithm>
#include <cmath>

#include "core/markup.h"
#include "itemdescription.h"
#include "painting.h"
#include "palette.h"

namespace ui {

namespace {

constexpr qreal kFontScale = 1.2;        // the view's font against the system's
constexpr qreal kGlowScale = 1.45;       // a lit node's glow against its radius
constexpr qreal kGlowWidth = 0.6;        // a lit edge's glow against the node radius
constexpr qreal kRingScale = 1.3;        // the ring round a node that blew up
constexpr qreal kRingPenWidth = 4;       // the pen of the ring round the first value that blew up
constexpr qreal kRingMargin = 4;         // pixels between that ring and what it rings
constexpr qreal kNoteGap = 8;            // pixels between that ring and its note
constexpr qreal kNotePadding = 8;        // pixels the note's box is wider than its text
constexpr qreal kNoteHeightPadding = 2;  // pixels the note's box is taller than its text
constexpr qreal kLossHighlightPenWidth = 3;  // the pen round E_total when the term uses it
constexpr qreal kLossHighlightMarginX = 4;   // pixels between that pen and the heading, sideways
constexpr qreal kLossHighlightMarginY = 2;   // and above and below
constexpr qreal kOutlinePenWidth = 1.5;      // the pen of node circles and target boxes
constexpr qreal kCirclePadding = 2;          // pixels round a node's circle in its cached image
constexpr qreal kLitLabelPenWidth = 2.5;     // the frame of a label the current term uses
constexpr qreal kLabelPenWidth = 1;          // the frame of every other label
constexpr double kLegendWeight = 0.8;        // the weight whose pen the legend's samples show

}  // namespace

NetworkView::NetworkView(const TrainingController* model, QWidget* parent)
    : QWidget(parent), model_(model) {
    setObjectName("networkView");
    setAccessibleName(tr("Network"));
    setToolTip(
        tr("The network: every weight and bias with its gradient, every node's net input "
           "and output."));
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    // Clicking the network takes the keyboard from a text field, so the window's keys act.
    setFocusPolicy(Qt::ClickFocus);
    // A size larger than the system's, to be read from the back of a lecture room.
    QFont larger = font();
    larger.setPointSizeF(larger.pointSizeF() * kFontScale);
    setFont(larger);
    connect(model_, &TrainingController::changed, this, &NetworkView::refresh);
}

void NetworkView::refresh(TrainingController::Changes what) {
    using Change = TrainingController::Change;
    if (what & (Change::Session | Change::Display) || legendChanged()) relayout();
    if (what &
        (Change::Session | Change::Step | Change::Reveal | Change::Display | Change::Granularity))
        update();
}

void NetworkView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    relayout();
}

void NetworkView::relayout() {
    images_.clear();
    if (reveal().isEmpty()) return;
    layout_ = NetworkLayout(snapshot().topology(), size(), font(), model_->digits(), legend());
}

// Line samples for the two signs, then what short labels, thickness, arrows and nodes say.
std::vector<NetworkLegend::Entry> NetworkView::legend() const {
    QString nodes = tr("nodes show net and out");
    if (snapshot().sampleCount() > 1)
        nodes += tr(" of sample %1 of %2; gradients are the batch's")
                     .arg(model_->shownSample() + 1)
                     .arg(snapshot().sampleCount());
    return {
        {.text = tr("positive weight"), .sampleWeight = kLegendWeight},
        {.text = tr("negative weight"), .sampleWeight = -kLegendWeight},
        {.text = tr("edge labels: weight, then %1 = %1E/%1w").arg(kPartialSign),
         .onlyWithShortLabels = true},
        {.text = tr("thicker = larger |w|")},
        {.text = tr("%1 %2 = direction of the next update").arg(kUpArrow, kDownArrow)},
        {.text = nodes},
    };
}

bool NetworkView::legendChanged() const {
    const std::vector<NetworkLegend::Entry> now = legend();
    const std::vector<NetworkLegend::Entry>& placed = layout_.legend().entries();
    return !std::equal(now.begin(), now.end(), placed.begin(), placed.end(),
                       [](const auto& one, const auto& other) { return one.text == other.text; });
}

QString NetworkView::number(double value) const {
    return QString::fromStdString(core::formatNumber(value, model_->digits()));
}

QString NetworkView::text(const core::QuantityRef& ref) const {
    return QString::fromStdString(reveal().text(ref, model_->digits()));
}

// A parameter's label: its value (the new one once its update is revealed), its gradient, and
// the direction of the next update, "new" after it, or "(fixed)" for a bias that does not train.
QString NetworkView::parameterLabelText(bool weight, int index) const {
    using core::Quantity;
    const core::QuantityRef gradientRef{
        .quantity = weight ? Quantity::DLoss_dWeight : Quantity::DLoss_dBias, .parameter = index};
    const core::QuantityRef updateRef{.quantity = weight ? Quantity::NewWeight : Quantity::NewBias,
                                      .parameter = index};
    const core::StepSnapshot& step = snapshot();
    const bool updated = reveal().isKnown(updateRef);
    const double before = weight ? step.weightsBefore()[index] : step.biasesBefore()[index];
    const QString value = number(updated ? step.value(updateRef) : before);
    QString note = fixedNote();
    if (updated)
        note = updatedNote();
    else if (weight || step.trainsBiases())
        note = reveal().isKnown(gradientRef) ? updateArrow(step.value(gradientRef)) : QString();
    const std::string name =
        weight ? step.topology().weightName(index) : step.topology().biasName(index);
    return parameterLabel(QString::fromStdString(name), value, note, text(gradientRef),
                          layout_.compactLabels());
}

QString NetworkView::weightLabelText(int weight) const {
    return parameterLabelText(true, weight);
}

QString NetworkView::biasLabelText(int bias) const {
    return parameterLabelText(false, bias);
}

void NetworkView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    if (reveal().isEmpty()) {
        painter.drawText(rect(), Qt::AlignCenter, tr("No network loaded"));
        return;
    }
    drawHighlight(painter);
    drawEdges(painter);
    drawNodes(painter);
    drawLabels(painter);
    drawLoss(painter);
    drawLegend(painter);
    drawDivergence(painter);
}

// The first value that blew up, ringed, with what it became.
void NetworkView::drawDivergence(QPainter& painter) const {
    const auto& divergence = snapshot().divergence();
    if (!divergence || !reveal().showsDivergence()) return;
    const core::QuantityRef& where = divergence->where;
    QRectF box;
    switch (where.quantity) {
        case core::Quantity::Loss:
        case core::Quantity::SampleLoss:
            box = layout_.lossBox();
            break;
        case core::Quantity::OutputError:
            box = layout_.targetBox(where.node);
            break;
        case core::Quantity::SampleDLoss_dWeight:
        case core::Quantity::DLoss_dWeight:
        case core::Quantity::NewWeight:
            box = layout_.weightLabel(where.parameter);
            break;
        case core::Quantity::SampleDLoss_dBias:
        case core::Quantity::DLoss_dBias:
        case core::Quantity::NewBias:
            box = layout_.biasLabel(where.parameter);
            break;
        default: {
            const qreal r = layout_.nodeRadius() * kRingScale;
            const QPointF center = layout_.node(where.layer, where.node);
            box = QRectF(center.x() - r, center.y() - r, 2 * r, 2 * r);
        }
    }
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
    note.moveLeft(std::clamp(note.left(), 0.0, std::max(0.0, width() - note.width())));
    painter.fillRect(note, palette().color(QPalette::Base));
    painter.setPen(Palette::negative());
    painter.drawText(note, Qt::AlignCenter, text);
}

// The current term's nodes, edges and labels, under an orange glow.
void NetworkView::drawHighlight(QPainter& painter) const {
    const core::Term* term = reveal().currentTerm();
    if (!term) return;
    const core::Topology& topology = snapshot().topology();
    const QColor glow = Palette::glow();
    const qreal radius = layout_.nodeRadius();
    painter.setPen(QPen(glow, radius * kGlowWidth, Qt::SolidLine, Qt::RoundCap));
    for (int w : term->highlight.weights) {
        const core::WeightEnds ends = topology.weightEnds(w);
        painter.drawLine(layout_.node(ends.layer - 1, ends.source),
                         layout_.node(ends.layer, ends.destination));
    }
    for (const auto& fed : term->highlight.biasEdges)
        painter.drawLine(layout_.biasNode(fed.layer), layout_.node(fed.layer, fed.node));
    painter.setPen(Qt::NoPen);
    painter.setBrush(glow);
    for (const auto& node : term->highlight.nodes)
        painter.drawEllipse(layout_.node(node.layer, node.node), radius * kGlowScale,
                            radius * kGlowScale);
    // A shared bias is its own node: ring it (a per-node bias is lit on its label).
    if (topology.biasMode() == core::BiasMode::Shared)
        for (int b : term->highlight.biases)
            painter.drawEllipse(layout_.biasNode(topology.biasLayer(b)),
                                layout_.biasNodeRadius() * kGlowScale,
                                layout_.biasNodeRadius() * kGlowScale);
    if (term->highlight.loss) {
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(Palette::highlight(), kLossHighlightPenWidth));
        painter.drawRect(layout_.lossBox().adjusted(-kLossHighlightMarginX, -kLossHighlightMarginY,
                                                    kLossHighlightMarginX, kLossHighlightMarginY));
    }
}

void NetworkView::drawEdges(QPainter& painter) const {
    const core::Topology& topology = snapshot().topology();
    painter.setPen(Qt::NoPen);
    for (int w = 0; w < topology.weightCount(); ++w) {
        const core::WeightEnds ends = topology.weightEnds(w);
        painter.setPen(weightPen(snapshot().weightsBefore()[w]));
        painter.drawLine(layout_.node(ends.layer - 1, ends.source),
                         layout_.node(ends.layer, ends.destination));
    }
    for (int l = 1; l < topology.layerCount(); ++l)
        for (int n = 0; n < topology.layerSize(l); ++n) {
            painter.setPen(weightPen(snapshot().biasesBefore()[topology.biasIndex(l, n)]));
            painter.drawLine(layout_.biasNode(l), layout_.node(l, n));
        }
}

void NetworkView::drawNodes(QPainter& painter) const {
    const core::Topology& topology = snapshot().topology();
    const QPalette& colors = palette();
    const qreal radius = layout_.nodeRadius();
    QFont nameFont = layout_.labelFont();
    nameFont.setBold(true);
    // A circle with its name, drawn once and then copied: it changes only with the layout.
    const auto circle = [&](QPointF center, qreal r, const QString& name) {
        const qreal padded = r + kCirclePadding;
        const QRectF box(center.x() - padded, center.y() - padded, 2 * padded, 2 * padded);
        drawCached(painter, "node " + name, box, [&](QPainter& image) {
            image.setPen(QPen(colors.color(QPalette::Text), kOutlinePenWidth));
            image.setBrush(colors.color(QPalette::Base));
            image.drawEllipse(QPointF(padded, padded), r, r);
            image.setFont(nameFont);
            drawCentred(image, QRectF(kCirclePadding, kCirclePadding, 2 * r, 2 * r), name,
                        Qt::AlignVCenter);
        });
    };
    painter.setBrush(Qt::NoBrush);
    const int sample = model_->shownSample();
    for (int l = 0; l < topology.layerCount(); ++l)
        for (int n = 0; n < topology.layerSize(l); ++n) {
            circle(layout_.node(l, n), radius, QString::fromStdString(topology.nodeName(l, n)));
            const QString values = l == 0
                                       ? "= " + number(snapshot().node(sample, l, n).out)
                                       : "net " + text({core::Quantity::Net, sample, l, n}) +
                                             "\nout " + text({core::Quantity::Out, sample, l, n});
            painter.setFont(layout_.labelFont());
            painter.setPen(colors.color(QPalette::Text));
            drawCentred(painter, layout_.nodeText(l, n), values, Qt::AlignTop);
        }
    const bool shared = topology.biasMode() == core::BiasMode::Shared;
    for (int l = 1; l < topology.layerCount(); ++l)
        circle(layout_.biasNode(l), layout_.biasNodeRadius(),
               shared ? QString::fromStdString(topology.biasName(l - 1)) : QStringLiteral("1"));

    // Targets and errors beside the outputs.
    const int last = topology.layerCount() - 1;
    painter.setFont(layout_.labelFont());
    for (int k = 0; k < topology.outputCount(); ++k) {
        const QRectF box = layout_.targetBox(k);
        painter.setPen(QPen(Palette::target(), kOutlinePenWidth));
        painter.setBrush(colors.color(QPalette::Base));
        drawBox(painter, box);
        painter.setPen(colors.color(QPalette::Text));
        drawCentred(painter, box,
                    tr("target %1").arg(number(snapshot().samples()[sample].target[k])) + "\nE_" +
                        QString::fromStdString(topology.nodeName(last, k)) + " " +
                        text({core::Quantity::OutputError, sample, last, k}),
                    Qt::AlignVCenter);
    }
}

void NetworkView::drawLabels(QPainter& painter) const {
    const core::Topology& topology = snapshot().topology();
    const QPalette& colors = palette();
    const QColor background = Palette::labelBackground(colors.color(QPalette::Base));
    painter.setFont(layout_.labelFont());
    const core::Term* term = reveal().currentTerm();
    // Whether the current term involves weight (or bias) `index`.
    const auto lit = [&](bool weight, int index) {
        if (!term) return false;
        const std::vector<int>& list = weight ? term->highlight.weights : term->highlight.biases;
        return std::find(list.begin(), list.end(), index) != list.end();
    };
    const auto label = [&](const QRectF& box, const QString& text, bool highlighted) {
        painter.setPen(highlighted ? QPen(Palette::highlight(), kLitLabelPenWidth)
                                   : QPen(colors.color(QPalette::Mid), kLabelPenWidth));
        painter.setBrush(background);
        drawBox(painter, box);
        painter.setPen(colors.color(QPalette::Text));
        drawCentred(painter, box, text, Qt::AlignVCenter);
    };
    for (int w = 0; w < topology.weightCount(); ++w)
        label(layout_.weightLabel(w), weightLabelText(w), lit(true, w));
    for (int b = 0; b < topology.biasCount(); ++b)
        label(layout_.biasLabel(b), biasLabelText(b), lit(false, b));
}

void NetworkView::drawLoss(QPainter& painter) const {
    painter.setFont(layout_.lossFont());
    painter.setPen(palette().color(QPalette::Text));
    painter.drawText(layout_.lossBox(), Qt::AlignRight | Qt::AlignVCenter,
                     NetworkLayout::lossText(text({core::Quantity::Loss})));
}

// Every phrase of the legend where the layout put it, after its line sample. It changes only
// with the layout, so it is drawn once and copied.
void NetworkView::drawLegend(QPainter& painter) const {
    const QRectF footer = layout_.legend().box();
    drawCached(painter, QStringLiteral("legend"), footer, [&](QPainter& image) {
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

NetworkItem NetworkView::itemAt(QPointF position) const {
    if (reveal().isEmpty()) return {};
    return layout_.itemAt(snapshot().topology(), position);
}

bool NetworkView::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        const NetworkItem item = itemAt(help->pos());
        if (item.kind == NetworkItem::Kind::None)
            QToolTip::showText(help->globalPos(), toolTip(), this);
        else
            QToolTip::showText(
                help->globalPos(),
                describeItem(reveal(), item, model_->shownSample(), model_->digits()) +
                    tr("<br><i>Click to pin it in the inspector.</i>"),
                this);
        return true;
    }
    return QWidget::event(event);
}

void NetworkView::mousePressEvent(QMouseEvent* event) {
    const NetworkItem item = itemAt(event->position());
    if (item.kind != NetworkItem::Kind::None) emit itemClicked(item);
    QWidget::mousePressEvent(event);
}

void NetworkView::drawCached(QPainter& painter, const QString& key, const QRectF& box,
                             const std::function<void(QPainter&)>& draw) const {
    auto it = images_.find(key);
    if (it == images_.end()) {
        const qreal ratio = devicePixelRatioF();
        QPixmap image((box.size() * ratio).toSize() + QSize(1, 1));
        image.setDevicePixelRatio(ratio);
        image.fill(Qt::transparent);
        QPainter imagePainter(&image);
        imagePainter.setRenderHint(QPainter::Antialiasing);
        draw(imagePainter);
        it = images_.insert(key, image);
    }
    painter.drawPixmap(box.topLeft(), *it);
}

void NetworkView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) relayout();
}

}  // namespace ui
