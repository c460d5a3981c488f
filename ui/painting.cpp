#include "painting.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QStringList>
#include <cmath>

#include "palette.h"

namespace ui {

namespace {

constexpr qreal kThinnestEdge = 1.0;    // the pen width of a zero weight's edge
constexpr qreal kEdgeThickening = 6.0;  // what a huge weight adds to that, approached as |w| grows

}  // namespace

QPen weightPen(double value) {
    const double size = std::abs(value);
    QPen pen(value >= 0 ? Palette::positive() : Palette::negative(),
             kThinnestEdge + kEdgeThickening * size / (size + 1.0));
    pen.setStyle(value >= 0 ? Qt::SolidLine : Qt::DashLine);
    pen.setCapStyle(Qt::FlatCap);
    return pen;
}

QString updateArrow(double gradient) {
    if (gradient > 0) return kDownArrow;
    if (gradient < 0) return kUpArrow;
    return {};
}

QString parameterLabel(const QString& name, const QString& value, const QString& note,
                       const QString& gradient, bool compact) {
    const QString first = note.isEmpty() ? value : value + " " + note;
    if (compact) return first + "\n" + kPartialSign + " " + gradient;
    return name + " = " + first + "\n" + kPartialSign + "E/" + kPartialSign + name + " = " +
           gradient;
}

QString updatedNote() {
    return QCoreApplication::translate("NetworkView", "new");
}

QString fixedNote() {
    return QCoreApplication::translate("NetworkView", "(fixed)");
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

}  // namespace ui
