#include "edgeraster.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace ui {

namespace {

constexpr int kDashOn = 4;      // pixels drawn of each dash
constexpr int kDashPeriod = 6;  // and the gap after them

}  // namespace

EdgeRaster::EdgeRaster(const QRectF& area, qreal pixelRatio)
    : image_(QSize(int(std::ceil(area.width() * pixelRatio)),
                   int(std::ceil(area.height() * pixelRatio))),
             QImage::Format_ARGB32_Premultiplied),
      origin_(area.topLeft()),
      pixelRatio_(pixelRatio) {
    image_.fill(Qt::transparent);
    image_.setDevicePixelRatio(pixelRatio);
}

void EdgeRaster::draw(const QLineF& line, QRgb color, bool dashed) {
    const QPoint from = ((line.p1() - origin_) * pixelRatio_).toPoint();
    const QPoint to = ((line.p2() - origin_) * pixelRatio_).toPoint();
    // A line leaving the image (never an edge of a layout) is left out.
    const QRect bounds = image_.rect();
    if (!bounds.contains(from) || !bounds.contains(to)) return;
    auto* bits = reinterpret_cast<QRgb*>(image_.bits());
    const qsizetype stride = image_.bytesPerLine() / qsizetype(sizeof(QRgb));
    // A digital differential analyser in 16.16 fixed point: one pixel per step along the
    // longer axis, the other coordinate advanced by the slope and rounded.
    const int steps = std::max(std::abs(to.x() - from.x()), std::abs(to.y() - from.y()));
    const int stepX = steps ? ((to.x() - from.x()) * 65536) / steps : 0;
    const int stepY = steps ? ((to.y() - from.y()) * 65536) / steps : 0;
    int x = from.x() * 65536 + 32768, y = from.y() * 65536 + 32768;
    for (int i = 0, dash = 0; i <= steps; ++i, x += stepX, y += stepY) {
        if (!dashed || dash < kDashOn) bits[(y >> 16) * stride + (x >> 16)] = color;
        if (++dash == kDashPeriod) dash = 0;
    }
}

}  // namespace ui
