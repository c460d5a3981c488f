#pragma once

#include <QColor>
#include <QImage>
#include <QRectF>

#include "core/stepsnapshot.h"
#include "networklayout.h"

class QPainter;

namespace ui {

// The edges of a network too dense for labels and widths (NetworkLayout::hasDenseEdges), drawn
// as one-pixel lines through EdgeRaster: solid for a positive weight, dashed for a negative one,
// a larger |w| in a stronger colour (the edge's colour over the background, from light to full)
// drawn over the lighter ones. The image is kept while the step's weights, the area and the
// background stay, so that a repaint for the hovered item, or while a large network's next step
// is computed, costs a copy.
class DenseEdges {
public:
    // Draws the edges of `layout` with the weights and biases of `step` over `background`.
    void draw(QPainter& painter, const NetworkLayout& layout, const core::StepSnapshot& step,
              const QColor& background);
    // Forgets the image (the layout changed).
    void clear() { step_ = {}, image_ = {}; }

private:
    core::StepSnapshot step_;  // whose weights the image shows (held, so that they stay put)
    QRectF area_;
    QColor background_;
    QImage image_;
};

}  // namespace ui
