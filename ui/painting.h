#pragma once

#include <QPen>
#include <QRectF>
#include <QString>

class QPainter;

namespace ui {

// Small drawing helpers of the network view, shared by its layout, its legend and its edges.

// The view's symbols: the partial sign, the update's direction, the update itself, delta.
inline const QString kPartialSign = QStringLiteral("\u2202");
inline const QString kUpArrow = QStringLiteral("\u25B2");
inline const QString kDownArrow = QStringLiteral("\u25BC");
inline const QString kRightArrow = QStringLiteral("\u2192");
inline const QString kDelta = QStringLiteral("\u03B4");

// The values a node shows under it, top to bottom: forward, then backward.
enum class NodeLine { Net, Out, DLoss_dOut, DOut_dNet, Delta };
inline constexpr int kNodeLineCount = 5;
// The worked example's name of a node line: "net", "out", "∂E/∂out", "∂out/∂net", "δ".
QString nodeLineName(NodeLine line);

// An edge's pen: blue and solid for a positive weight, vermillion and dashed for a negative
// one, thicker for a larger magnitude (from 1 px towards 7 px).
QPen weightPen(double value);
// Half the width of the widest edge pen: how far an edge's paint reaches from its line.
qreal widestEdgeHalfWidth();

// The direction the next update moves a parameter: against its gradient ("▲", "▼" or nothing).
QString updateArrow(double gradient);

// What a parameter's label says: its name, value, what follows the value ("▲", "▼",
// "(fixed)", nothing), the value after its update once revealed, and its gradient.
struct ParameterText {
    QString name;      // "w5", "b1", "b_h1"
    QString value;     // before the update
    QString note;      // the update's direction, "(fixed)" or nothing
    QString newValue;  // after the update, once revealed; empty before
    QString gradient;  // dE/dp, "?" or "—"
};

// A parameter's two lines as its edge shows them: "w5 = 0.4 ▼" over "∂E/∂w5 = 0.08217", or in
// short "w5 0.4 ▼" over "∂ 0.08217"; once the update is revealed the first line is
// "w5: 0.4 → 0.3589". The one place that writes them: the layout measures them with the widest
// numbers, the view draws them with the step's.
QString parameterLabel(const ParameterText& text, bool compact);
// The part of a label's first line that names the parameter and its value before the update
// ("w5 = 0.4", "w5 0.4" or "w5: 0.4"); the rest of the line follows it.
QString parameterValuePart(const ParameterText& text, bool compact);
// What follows the value of a bias that does not train: "(fixed)".
QString fixedNote();

// The text on an edge for one path's share of a node's dE/dout: "δ·w5 = 0.0554" (short:
// "δ·w5 0.0554"), the delta of the node the edge feeds times the weight.
QString shareLabel(const QString& weight, const QString& value, bool compact);

// Writes `text` centred in `box`, line by line (cheaper than a laid-out text block, which
// matters when every label changes every frame); vertically centred, or from the top.
void drawCentred(QPainter& painter, const QRectF& box, const QString& text, Qt::Alignment vertical);

// An axis-aligned box: sharp without antialiasing, and cheaper.
void drawBox(QPainter& painter, const QRectF& box);

// A filled arrowhead with its tip at `tip`, pointing along `direction`, `size` pixels long.
void drawArrowHead(QPainter& painter, QPointF tip, QPointF direction, qreal size);

}  // namespace ui
