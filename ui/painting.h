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

// A parameter's two lines as its edge shows them: "w5 = 0.4 ▼" over "∂E/∂w5 = 0.08217", or in
// short "0.4 ▼" over "∂ 0.08217". The one place that writes them: the layout measures them with
// the widest numbers, the view draws them with the step's.
QString parameterLabel(const QString& name, const QString& value, const QString& note,
                       const QString& gradient, bool compact);
// What follows a parameter's value once its update is revealed: "new".
QString updatedNote();
// What follows the value of a bias that does not train: "(fixed)".
QString fixedNote();

// Writes `text` centred in `box`, line by line (cheaper than a laid-out text block, which
// matters when every label changes every frame); vertically centred, or from the top.
void drawCentred(QPainter& painter, const QRectF& box, const QString& text, Qt::Alignment vertical);

// An axis-aligned box: sharp without antialiasing, and cheaper.
void drawBox(QPainter& painter, const QRectF& box);

}  // namespace ui
