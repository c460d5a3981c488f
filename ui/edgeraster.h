#pragma once

#include <QImage>
#include <QLineF>
#include <QRectF>

namespace ui {

// Draws many thin lines fast into an image: the edges of a dense network (21,000 for the
// largest), which Qt's line drawing (over 1.5 us a line, 35 ms for them all, and thirty times
// that with any transparency) could not draw within a frame; this takes about 5 ms. Each line is
// one device pixel wide, without antialiasing, opaque in its colour, solid or dashed (4 pixels
// on, 2 off, as Qt::DashLine); a later line covers an earlier one. Where none is drawn the image
// stays clear; a line that leaves the image is left out.
class EdgeRaster {
public:
    // An image covering `area` (logical coordinates) at `pixelRatio` device pixels each.
    EdgeRaster(const QRectF& area, qreal pixelRatio);

    // A line from `line.p1()` to `line.p2()` (logical coordinates) in `color`; one with an end
    // outside the area is left out.
    void draw(const QLineF& line, QRgb color, bool dashed);
    // The image, its device pixel ratio set: drawn at the area's top left, it covers the area.
    const QImage& image() const { return image_; }

private:
    QImage image_;
    QPointF origin_;
    qreal pixelRatio_;
};

}  // namespace ui
