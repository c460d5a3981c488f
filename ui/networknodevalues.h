#pragma once

#include <QFont>
#include <QFontMetricsF>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <array>

#include "painting.h"

namespace ui {

// Where the values under a node go: its five lines (net, out, ∂E/∂out, ∂out/∂net, δ), each name
// right-aligned before a column of values, in one column or in two (forward values left,
// backward right) when height is short; an input's one line, its value.
class NetworkNodeValues {
public:
    // The values under one node.
    struct Place {
        QPointF center;                                 // the node's
        QRectF box;                                     // all its lines
        std::array<QRectF, kNodeLineCount> lines{};     // each line (an input's: NodeLine::Out)
        std::array<qreal, kNodeLineCount> valueLeft{};  // where each line's value starts
    };

    // Values written in `font`, as wide as `widest`, in two columns when `twoColumns`.
    NetworkNodeValues(const QFont& font, const QString& widest, bool twoColumns);

    // The box of a node's values, and of an input's.
    QSizeF size() const { return size_; }
    QSizeF inputSize() const { return inputSize_; }
    // The values under a node (an input when `input`) at `center` whose circle has `radius`.
    Place place(QPointF center, qreal radius, bool input) const;

private:
    QFontMetricsF metrics_;
    bool twoColumns_;
    QSizeF size_;
    QSizeF inputSize_;
    qreal firstColumn_ = 0;  // the width of the first column (all of it in one column)
};

}  // namespace ui
