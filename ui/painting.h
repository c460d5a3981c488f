#pragma once

#include <QPen>
#include <QRectF>
#include <QString>

class QPainter;

namespace ui {

// Small drawing helpers of the network view, shared by its legend and its edges.

// The sign of a parameter ("∂", "▲" and "▼" are the view's symbols).
inline const QString kPartialSign = QStringLiteral("\u2202");
inline const QString kUpArrow = QStringLiteral("\u25B2");
inline const QString kDownArrow = QStringLiteral("\u25BC");

// An edge's pen: blue and solid for a positive weight, vermillion and dashed for a negative
// one, thicker for a larger magnitude (from 1 px towards 7 px).
QPen weightPen(double value);

// The direction the next update moves a parameter: against its gradient ("▲", "▼" or nothing).
QString updateArrow(double gradient);

// Writes `text` centred in `box`, line by line (cheaper than a laid-out text block, which
// matters when every label changes every frame); vertically centred, or from the top.
void drawCentred(QPainter& painter, const QRectF& box, const QString& text, Qt::Alignment vertical);

// An axis-aligned box: sharp without antialiasing, and cheaper.
void drawBox(QPainter& painter, const QRectF& box);

}  // namespace ui
