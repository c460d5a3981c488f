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

NetworkView::NetworkView(QWidget* parent) : QWidget(parent) {
    setObjectName("networkView");
    setAccessibleName(tr("Network"));
    setToolTip(
        tr("The network: every weight and bias with its gradient, every node's net input "
           "and output."));
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    // A size larger than the system's, to be read from the back of a lecture room.
    QFont larger = font();
    larger.setPointSizeF(larger.pointSizeF() * 1.2);
    setFont(larger);
}

void NetworkView::setSnapshot(const core::StepSnapshot& snapshot) {
    setStep(StepReveal(snapshot, nullptr, 0));
}

void NetworkView::setStep(const StepReveal& reveal) {
    reveal_ = reveal;
    if (reveal_.isEmpty()) return;
    if (sample_ >= snapshot().sampleCount()) sample_ = 0;
    const core::Topology& topology = snapshot().topology();
    if (topology.layerSizes() != shownLayers_ || topology.biasMode() != shownBiasMode_) relayout();
    update();
}

void NetworkView::setSample(int sample) {
    sample_ = sample;
    update();
}

void NetworkView::setDigits(int digits) {
    digits_ = std::clamp(digits, 2, 12);
    relayout();
    update();
}

void NetworkView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    relayout();
}

void NetworkView::relayout() {
    if (reveal_.isEmpty()) return;
    const core::Topology& topology = snapshot().topology();
    shownLayers_ = topology.layerSizes();
    shownBiasMode_ = topology.biasMode();
    layout_ = NetworkLayout(topology, size(), font(), digits_);
    images_.clear();
}

QString NetworkView::number(double value) const {
    return QString::fromStdString(core::formatNumber(value, digits_));
}

QString NetworkView::parameterLabel(const std::string& name, const QString& value,
                                    const QString& gradient, const QString& note) const {
    if (layout_.compactLabels()) return value + " " + note + "\n" + kPartialSign + " " + gradient;
    const QString text = QString::fromStdString(name);
    return text + " = " + value + " " + note + "\n" + kPartialSign + "E/" + kPartialSign + text +
           " = " + gradient;
}

// A parameter's label: its value (the new one once its update is revealed), its gradient, and
// the direction of the next update, "new" after it, or "(fixed)" for a bias that does not train.
QString NetworkView::parameterLabelText(bool weight, int index) const {
    using core::Quantity;
    const core::QuantityRef gradientRef{
        .quantity = weight ? Quantity::DLossDWeight : Quantity::DLossDBias, .parameter = index};
    const core::QuantityRef updateRef{.quantity = weight ? Quantity::NewWeight : Quantity::NewBias,
                                      .parameter = index};
    const core::StepSnapshot& step = snapshot();
    const bool updated = reveal_.isKnown(updateRef);
    const double before = weight ? step.weightsBefore()[index] : step.biasesBefore()[index];
    const QString value = number(updated ? step.value(updateRef) : before);
    QString note = tr("(fixed)");
    if (updated)
        note = tr("new");
    else if (weight || step.trainsBiases())
        note = reveal_.isKnown(gradientRef) ? updateArrow(step.value(gradientRef)) : QString();
    const std::string name =
        weight ? step.topology().weightName(index) : step.topology().biasName(index);
    return parameterLabel(name, value, reveal_.text(gradientRef, digits_), note);
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
    if (reveal_.isEmpty()) {
        painter.drawText(rect(), Qt::AlignCenter, tr("No network loaded"));
        return;
    }
    drawHighlight(painter);
    drawEdges(painter);
    drawNodes(painter);
    drawLabels(painter);
    drawLossAndLegend(painter);
    drawDivergence(painter);
}

// The first value that blew up, ringed, with what it became.
void NetworkView::drawDivergence(QPainter& painter) const {
    const auto& divergence = snapshot().divergence();
    if (!divergence) return;
    const core::QuantityRef& where = divergence->where;
    const core::Topology& topology = snapshot().topology();
    QRectF box;
    switch (where.quantity) {
        case core::Quantity::Loss:
        case core::Quantity::SampleLoss:
            box = layout_.lossBox();
            break;
        case core::Quantity::OutputError:
            box = layout_.targetBox(where.node);
            break;
        case core::Quantity::SampleDLossDWeight:
        case core::Quantity::DLossDWeight:
        case core::Quantity::NewWeight:
            box = layout_.weightLabel(where.parameter);
            break;
        case core::Quantity::SampleDLossDBias:
        case core::Quantity::DLossDBias:
        case core::Quantity::NewBias:
            box = layout_.biasLabel(where.parameter);
            break;
        default: {
            const qreal r = layout_.nodeRadius() * 1.3;
            const QPointF center = layout_.node(where.layer, where.node);
            box = QRectF(center.x() - r, center.y() - r, 2 * r, 2 * r);
        }
    }
    painter.setPen(QPen(Palette::negative(), 4));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(box.adjusted(-4, -4, 4, 4));
    QFont bold = layout_.labelFont();
    bold.setBold(true);
    painter.setFont(bold);
    const QString text = tr("%1 became %2 here")
                             .arg(QString::fromStdString(core::quantityName(
                                      topology, where, snapshot().sampleCount())),
                                  QString::fromStdString(core::nonFiniteName(divergence->value)));
    const QFontMetricsF metrics(bold);
    const QRectF note(box.left(), box.top() - metrics.height() - 8,
                      metrics.horizontalAdvance(text) + 8, metrics.height() + 2);
    painter.fillRect(note, palette().color(QPalette::Base));
    painter.setPen(Palette::negative());
    painter.drawText(note, Qt::AlignCenter, text);
}

// The current term's nodes, edges and labels, under an orange glow.
void NetworkView::drawHighlight(QPainter& painter) const {
    const core::Term* term = reveal_.currentTerm();
    if (!term) return;
    const core::Topology& topology = snapshot().topology();
    QColor glow = Palette::highlight();
    glow.setAlpha(150);
    const qreal radius = layout_.nodeRadius();
    painter.setPen(QPen(glow, radius * 0.6, Qt::SolidLine, Qt::RoundCap));
    for (int w : term->highlight.weights) {
        const core::WeightEnds ends = topology.weightEnds(w);
        painter.drawLine(layout_.node(ends.layer - 1, ends.source),
                         layout_.node(ends.layer, ends.destination));
    }
    for (int b : term->highlight.biases) {
        const int layer = topology.biasLayer(b);
        if (topology.biasMode() == core::BiasMode::PerNode) {
            painter.drawLine(layout_.biasNode(layer),
                             layout_.node(layer, b - topology.layer(layer).biasOffset));
        } else {
            for (int n = 0; n < topology.layerSize(layer); ++n)
                painter.drawLine(layout_.biasNode(layer), layout_.node(layer, n));
        }
    }
    painter.setPen(Qt::NoPen);
    painter.setBrush(glow);
    for (const auto& node : term->highlight.nodes)
        painter.drawEllipse(layout_.node(node.layer, node.node), radius * 1.45, radius * 1.45);
    if (term->highlight.loss) {
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(Palette::highlight(), 3));
        painter.drawRect(layout_.lossBox().adjusted(-4, -2, 4, 2));
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
        const QRectF box(center.x() - r - 2, center.y() - r - 2, 2 * r + 4, 2 * r + 4);
        drawCached(painter, "node " + name, box, [&](QPainter& image) {
            image.setPen(QPen(colors.color(QPalette::Text), 1.5));
            image.setBrush(colors.color(QPalette::Base));
            image.drawEllipse(QPointF(r + 2, r + 2), r, r);
            image.setFont(nameFont);
            drawCentred(image, QRectF(2, 2, 2 * r, 2 * r), name, Qt::AlignVCenter);
        });
    };
    painter.setBrush(Qt::NoBrush);
    for (int l = 0; l < topology.layerCount(); ++l)
        for (int n = 0; n < topology.layerSize(l); ++n) {
            circle(layout_.node(l, n), radius, QString::fromStdString(topology.nodeName(l, n)));
            const QString text =
                l == 0 ? "= " + number(snapshot().node(sample_, l, n).out)
                       : "net " + reveal_.text({core::Quantity::Net, sample_, l, n}, digits_) +
                             "\nout " + reveal_.text({core::Quantity::Out, sample_, l, n}, digits_);
            painter.setFont(layout_.labelFont());
            painter.setPen(colors.color(QPalette::Text));
            drawCentred(painter, layout_.nodeText(l, n), text, Qt::AlignTop);
        }
    const bool shared = topology.biasMode() == core::BiasMode::Shared;
    for (int l = 1; l < topology.layerCount(); ++l)
        circle(layout_.biasNode(l), radius * 0.8,
               shared ? QString::fromStdString(topology.biasName(l - 1)) : QStringLiteral("1"));

    // Targets and errors beside the outputs.
    const int last = topology.layerCount() - 1;
    painter.setFont(layout_.labelFont());
    for (int k = 0; k < topology.outputCount(); ++k) {
        const QRectF box = layout_.targetBox(k);
        painter.setPen(QPen(Palette::target(), 1.5));
        painter.setBrush(colors.color(QPalette::Base));
        drawBox(painter, box);
        painter.setPen(colors.color(QPalette::Text));
        drawCentred(painter, box,
                    tr("target %1").arg(number(snapshot().samples()[sample_].target[k])) + "\nE_" +
                        QString::fromStdString(topology.nodeName(last, k)) + " " +
                        reveal_.text({core::Quantity::OutputError, sample_, last, k}, digits_),
                    Qt::AlignVCenter);
    }
}

void NetworkView::drawLabels(QPainter& painter) const {
    const core::Topology& topology = snapshot().topology();
    const QPalette& colors = palette();
    QColor background = colors.color(QPalette::Base);
    background.setAlpha(235);
    painter.setFont(layout_.labelFont());
    const core::Term* term = reveal_.currentTerm();
    // Whether the current term involves weight (or bias) `index`.
    const auto lit = [&](bool weight, int index) {
        if (!term) return false;
        const std::vector<int>& list = weight ? term->highlight.weights : term->highlight.biases;
        return std::find(list.begin(), list.end(), index) != list.end();
    };
    const auto label = [&](const QRectF& box, const QString& text, bool highlighted) {
        painter.setPen(highlighted ? QPen(Palette::highlight(), 2.5)
                                   : QPen(colors.color(QPalette::Mid), 1));
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

void NetworkView::drawLossAndLegend(QPainter& painter) const {
    const QPalette& colors = palette();
    QFont lossFont = layout_.labelFont();
    lossFont.setPointSizeF(lossFont.pointSizeF() * 2);
    lossFont.setBold(true);
    painter.setFont(lossFont);
    painter.setPen(colors.color(QPalette::Text));
    painter.drawText(layout_.lossBox(), Qt::AlignRight | Qt::AlignVCenter,
                     "E_total = " + reveal_.text({core::Quantity::Loss}, digits_));

    // Legend: line samples for the two signs, then what thickness, arrows and nodes say. It
    // changes only with the sample shown, so it is drawn once and copied.
    QString rest = tr("thicker = larger |w|    %1 %2 = direction of the next update    nodes show "
                      "net and out")
                       .arg(kUpArrow, kDownArrow);
    if (layout_.compactLabels())
        rest = tr("edge labels: weight, then %1 = %1E/%1w    ").arg(kPartialSign) + rest;
    if (snapshot().sampleCount() > 1)
        rest += tr(" of sample %1 of %2; gradients are the batch's")
                    .arg(sample_ + 1)
                    .arg(snapshot().sampleCount());
    const QRectF box = layout_.legendBox();
    drawCached(painter, "legend " + rest, box, [&](QPainter& image) {
        const QFontMetricsF metrics(layout_.labelFont());
        image.setFont(layout_.labelFont());
        qreal x = 0;
        const qreal y = box.height() / 2;
        const auto sample = [&](const QPen& pen, const QString& text) {
            image.setPen(pen);
            image.drawLine(QPointF(x, y), QPointF(x + 28, y));
            x += 34;
            image.setPen(colors.color(QPalette::Text));
            image.drawText(QPointF(x, y + metrics.ascent() / 2 - 1), text);
            x += metrics.horizontalAdvance(text) + 20;
        };
        sample(weightPen(0.8), tr("positive weight"));
        sample(weightPen(-0.8), tr("negative weight"));
        image.drawText(QPointF(x, y + metrics.ascent() / 2 - 1), rest);
    });
}

NetworkItem NetworkView::itemAt(QPointF position) const {
    if (reveal_.isEmpty()) return {};
    return layout_.itemAt(snapshot().topology(), position);
}

bool NetworkView::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        const NetworkItem item = itemAt(help->pos());
        if (item.kind == NetworkItem::Kind::None)
            QToolTip::showText(help->globalPos(), toolTip(), this);
        else
            QToolTip::showText(help->globalPos(),
                               describeItem(reveal_, item, sample_, digits_) +
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
