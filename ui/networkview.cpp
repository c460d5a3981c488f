#include "networkview.h"

#include <QEvent>
#include <QPainter>
#include <QPainterPath>
#include <cmath>

#include "core/markup.h"
#include "palette.h"

namespace ui {

namespace {

const QString kPartial = QStringLiteral("\u2202");
const QString kUp = QStringLiteral("\u25B2");
const QString kDown = QStringLiteral("\u25BC");

// Thicker for larger magnitudes, from 1 px towards 7 px.
qreal penWidth(double value) {
    const double size = std::abs(value);
    return 1.0 + 6.0 * size / (size + 1.0);
}

QPen weightPen(double value) {
    QPen pen(value >= 0 ? Palette::positive() : Palette::negative(), penWidth(value));
    pen.setStyle(value >= 0 ? Qt::SolidLine : Qt::DashLine);
    pen.setCapStyle(Qt::FlatCap);
    return pen;
}

// Writes `text` centred in `box`, line by line: cheaper than a laid-out text block, which
// matters when every label changes every frame.
void drawCentred(QPainter& painter, const QRectF& box, const QString& text,
                 Qt::Alignment vertical) {
    const QFontMetricsF metrics(painter.font());
    const QStringList lines = text.split('\n');
    const qreal height = lines.size() * metrics.lineSpacing();
    qreal y =
        (vertical & Qt::AlignTop ? box.top() : box.center().y() - height / 2) + metrics.ascent();
    for (const QString& line : lines) {
        painter.drawText(QPointF(box.center().x() - metrics.horizontalAdvance(line) / 2, y), line);
        y += metrics.lineSpacing();
    }
}

// An axis-aligned box: sharp without antialiasing, and cheaper.
void drawBox(QPainter& painter, const QRectF& box) {
    const bool antialiased = painter.testRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.drawRect(box);
    painter.setRenderHint(QPainter::Antialiasing, antialiased);
}

// The direction the next update moves a parameter: against its gradient.
QString updateArrow(double gradient) {
    if (gradient > 0) return kDown;
    if (gradient < 0) return kUp;
    return {};
}

}  // namespace

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
    snapshot_ = snapshot;
    if (snapshot_.isEmpty()) return;
    if (sample_ >= snapshot_.sampleCount()) sample_ = 0;
    const core::Topology& topology = snapshot_.topology();
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
    if (snapshot_.isEmpty()) return;
    const core::Topology& topology = snapshot_.topology();
    shownLayers_ = topology.layerSizes();
    shownBiasMode_ = topology.biasMode();
    layout_ = NetworkLayout(topology, size(), font(), digits_);
    images_.clear();
}

QString NetworkView::number(double value) const {
    return QString::fromStdString(core::formatNumber(value, digits_));
}

QString NetworkView::parameterLabel(const std::string& name, double value, double gradient,
                                    const QString& note) const {
    if (layout_.compactLabels())
        return number(value) + " " + note + "\n" + kPartial + " " + number(gradient);
    const QString text = QString::fromStdString(name);
    return text + " = " + number(value) + " " + note + "\n" + kPartial + "E/" + kPartial + text +
           " = " + number(gradient);
}

QString NetworkView::weightLabelText(int weight) const {
    const double gradient = snapshot_.dLoss_dWeight(weight);
    return parameterLabel(snapshot_.topology().weightName(weight),
                          snapshot_.weightsBefore()[weight], gradient, updateArrow(gradient));
}

QString NetworkView::biasLabelText(int bias) const {
    const double gradient = snapshot_.dLoss_dBias(bias);
    return parameterLabel(snapshot_.topology().biasName(bias), snapshot_.biasesBefore()[bias],
                          gradient,
                          snapshot_.trainsBiases() ? updateArrow(gradient) : tr("(fixed)"));
}

void NetworkView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    if (snapshot_.isEmpty()) {
        painter.drawText(rect(), Qt::AlignCenter, tr("No network loaded"));
        return;
    }
    drawEdges(painter);
    drawNodes(painter);
    drawLabels(painter);
    drawLossAndLegend(painter);
}

void NetworkView::drawEdges(QPainter& painter) const {
    const core::Topology& topology = snapshot_.topology();
    painter.setPen(Qt::NoPen);
    for (int w = 0; w < topology.weightCount(); ++w) {
        const core::WeightEnds ends = topology.weightEnds(w);
        painter.setPen(weightPen(snapshot_.weightsBefore()[w]));
        painter.drawLine(layout_.node(ends.layer - 1, ends.source),
                         layout_.node(ends.layer, ends.destination));
    }
    for (int l = 1; l < topology.layerCount(); ++l)
        for (int n = 0; n < topology.layerSize(l); ++n) {
            painter.setPen(weightPen(snapshot_.biasesBefore()[topology.biasIndex(l, n)]));
            painter.drawLine(layout_.biasNode(l), layout_.node(l, n));
        }
}

void NetworkView::drawNodes(QPainter& painter) const {
    const core::Topology& topology = snapshot_.topology();
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
            const core::NodeValues node = snapshot_.node(sample_, l, n);
            const QString text = l == 0 ? "= " + number(node.out)
                                        : "net " + number(node.net) + "\nout " + number(node.out);
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
                    tr("target %1").arg(number(snapshot_.samples()[sample_].target[k])) + "\nE_" +
                        QString::fromStdString(topology.nodeName(last, k)) + " " +
                        number(snapshot_.outputError(sample_, k)),
                    Qt::AlignVCenter);
    }
}

void NetworkView::drawLabels(QPainter& painter) const {
    const core::Topology& topology = snapshot_.topology();
    const QPalette& colors = palette();
    QColor background = colors.color(QPalette::Base);
    background.setAlpha(235);
    painter.setFont(layout_.labelFont());
    const auto label = [&](const QRectF& box, const QString& text) {
        painter.setPen(QPen(colors.color(QPalette::Mid), 1));
        painter.setBrush(background);
        drawBox(painter, box);
        painter.setPen(colors.color(QPalette::Text));
        drawCentred(painter, box, text, Qt::AlignVCenter);
    };
    for (int w = 0; w < topology.weightCount(); ++w)
        label(layout_.weightLabel(w), weightLabelText(w));
    for (int b = 0; b < topology.biasCount(); ++b)
        label(layout_.biasLabel(b), biasLabelText(b));
}

void NetworkView::drawLossAndLegend(QPainter& painter) const {
    const QPalette& colors = palette();
    QFont lossFont = layout_.labelFont();
    lossFont.setPointSizeF(lossFont.pointSizeF() * 2);
    lossFont.setBold(true);
    painter.setFont(lossFont);
    painter.setPen(colors.color(QPalette::Text));
    painter.drawText(layout_.lossBox(), Qt::AlignRight | Qt::AlignVCenter,
                     "E_total = " + number(snapshot_.loss()));

    // Legend: line samples for the two signs, then what thickness, arrows and nodes say. It
    // changes only with the sample shown, so it is drawn once and copied.
    QString rest = tr("thicker = larger |w|    %1 %2 = direction of the next update    nodes show "
                      "net and out")
                       .arg(kUp, kDown);
    if (layout_.compactLabels())
        rest = tr("edge labels: weight, then %1 = %1E/%1w    ").arg(kPartial) + rest;
    if (snapshot_.sampleCount() > 1)
        rest += tr(" of sample %1 of %2; gradients are the batch's")
                    .arg(sample_ + 1)
                    .arg(snapshot_.sampleCount());
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
