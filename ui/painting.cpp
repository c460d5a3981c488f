#include "painting.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStringList>
#include <cmath>

#include "palette.h"

namespace ui {

QPen weightPen(double value) {
    const double size = std::abs(value);
    QPen pen(value >= 0 ? Palette::positive() : Palette::negative(),
             1.0 + 6.0 * size / (size + 1.0));
    pen.setStyle(value >= 0 ? Qt::SolidLine : Qt::DashLine);
    pen.setCapStyle(Qt::FlatCap);
    return pen;
}

QString updateArrow(double gradient) {
    if (gradient > 0) return kDownArrow;
    if (gradient < 0) return kUpArrow;
    return {};
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
