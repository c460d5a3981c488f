#pragma once

#include <QFontMetrics>
#include <QRect>
#include <QString>

#include "decisiongrid.h"
#include "decisionscale.h"

class QPainter;

namespace ui {

// Everything around the decision map's picture: where the picture and its colour bar lie in the
// widget, the axes with round values of the inputs and their names, and the colour bar with its
// numbers, its title and, where some outputs are not finite, the grey that stands for them.
// Sizes follow the font.
class DecisionMapFrame {
public:
    // What the frame's texts name.
    struct Names {
        QString across;     // the input along the horizontal axis: "i1"
        QString up;         // the input along the vertical axis: "i2"
        QString output;     // the output shown, over the colour bar: "o1"
        QString notFinite;  // what the grey under the bar stands for: "nan, inf"
    };

    // The frame of a map of `plane` drawn in `content` with the font of `metrics`.
    DecisionMapFrame(const QRect& content, const QFontMetrics& metrics, const InputArea& plane,
                     Names names);

    // Where the picture lies, and the colour bar.
    const QRect& map() const { return map_; }
    const QRect& bar() const { return bar_; }
    // Where `inputs` (i1, i2) are drawn.
    QPointF toPixel(QPointF inputs) const;
    // Draws the axes and the colour bar of `scale`, and the grey of outputs that are not finite
    // under it when `notFinite`.
    void paint(QPainter& painter, const DecisionScale& scale, bool notFinite) const;

private:
    void paintAxes(QPainter& painter) const;
    void paintColourBar(QPainter& painter, const DecisionScale& scale, bool notFinite) const;

    QFontMetrics metrics_;
    InputArea plane_;
    Names names_;
    QRect map_;
    QRect bar_;
    int em_;    // the font's height: the unit of every size
    int tick_;  // a tick's length
};

}  // namespace ui
