#include "painting.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QStringList>
#include <cmath>

#include "palette.h"

namespace ui {

namespace {

constexpr qreal kThinnestEdge = 1.0;     // the pen width of a zero weight's edge
constexpr qreal kEdgeThickening = 6.0;   // what a huge weight adds to that, approached as |w| grows
constexpr qreal kArrowHalfWidth = 0.45;  // an arrowhead's half width against its length

}  // namespace

QString nodeLineName(NodeLine line) {
    switch (line) {
        case NodeLine::Net:
            return QStringLiteral("net");
        case NodeLine::Out:
            return QStringLiteral("out");
        case NodeLine::DLoss_dOut:
            return kPartialSign + "E/" + kPartialSign + "out";
        case NodeLine::DOut_dNet:
            return kPartialSign + "out/" + kPartialSign + "net";
        case NodeLine::Delta:
            break;
    }
    return kDelta;
}

QPen weightPen(double value) {
    const double size = std::abs(value);
    QPen pen(value >= 0 ? Palette::positive() : Palette::negative(),
             kThinnestEdge * Palette::lineScale() + kEdgeThickening * size / (size + 1.0));
    pen.setStyle(value >= 0 ? Qt::SolidLine : Qt::DashLine);
    pen.setCapStyle(Qt::FlatCap);
    return pen;
}

qreal widestEdgeHalfWidth() {
    return (kThinnestEdge * Palette::lineScale() + kEdgeThickening) / 2;
}

QString updateArrow(double gradient) {
    if (gradient > 0) return kDownArrow;
    if (gradient < 0) return kUpArrow;
    return {};
}

QString parameterValuePart(const ParameterText& text, bool compact) {
    if (!text.newValue.isEmpty()) return text.name + ": " + text.value;
    return text.name + (compact ? " " : " = ") + text.value;
}

QString parameterLabel(const ParameterText& text, bool compact) {
    QString first = parameterValuePart(text, compact);
    if (!text.newValue.isEmpty())
        first += " " + kRightArrow + " " + text.newValue;
    else if (!text.note.isEmpty())
        first += " " + text.note;
    if (compact) return first + "\n" + kPartialSign + " " + text.gradient;
    return first + "\n" + kPartialSign + "E/" + kPartialSign + text.name + " = " + text.gradient;
}

QString fixedNote() {
    return QCoreApplication::translate("NetworkView", "(fixed)");
}

QString shareLabel(const QString& weight, const QString& value, bool compact) {
    return kDelta + QStringLiteral("\u00B7") + weight + (compact ? " " : " = ") + value;
}

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

void drawBox(QPainter& painter, const QRectF& box) {
    const bool antialiased = painter.testRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.drawRect(box);
    painter.setRenderHint(QPainter::Antialiasing, antialiased);
}

void drawArrowHead(QPainter& painter, QPointF tip, QPointF direction, qreal size) {
    const qreal length = std::hypot(direction.x(), direction.y());
    if (length <= 0) return;
    const QPointF along = direction / length * size;
    const QPointF across(-along.y() * kArrowHalfWidth, along.x() * kArrowHalfWidth);
    const QPointF base = tip - along;
    const QPointF points[] = {tip, base + across, base - across};
    painter.drawPolygon(points, 3);
}

}  // namespace ui
