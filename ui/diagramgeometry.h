#pragma once

#include <QLineF>
#include <QPointF>
#include <QRectF>
#include <algorithm>
#include <optional>
#include <utility>

namespace ui {

// Plane geometry of the network diagram: where a line meets a box or another line.

// The part of the segment `line` inside `box`, as the fractions [enter, leave] of its length,
// or nothing when it misses the box (Liang-Barsky clipping).
inline std::optional<std::pair<qreal, qreal>> clipToBox(const QLineF& line, const QRectF& box) {
    qreal enter = 0, leave = 1;
    const qreal dx = line.dx(), dy = line.dy();
    // Each side of the box as p * t <= q.
    const qreal p[] = {-dx, dx, -dy, dy};
    const qreal q[] = {line.x1() - box.left(), box.right() - line.x1(), line.y1() - box.top(),
                       box.bottom() - line.y1()};
    for (int side = 0; side < 4; ++side) {
        if (p[side] == 0) {
            if (q[side] < 0) return std::nullopt;  // parallel to this side and outside it
            continue;
        }
        const qreal t = q[side] / p[side];
        if (p[side] < 0)
            enter = std::max(enter, t);
        else
            leave = std::min(leave, t);
        if (enter > leave) return std::nullopt;
    }
    return std::pair{enter, leave};
}

// Whether the segment `line` passes through `box` (its border included).
inline bool crossesBox(const QLineF& line, const QRectF& box) {
    return clipToBox(line, box).has_value();
}

// Whether two segments share a point.
inline bool crossesLine(const QLineF& one, const QLineF& other) {
    return one.intersects(other, nullptr) == QLineF::BoundedIntersection;
}

// The point of `box`'s border nearest to `point` outside it (the point itself when inside).
inline QPointF nearestOnBox(const QRectF& box, QPointF point) {
    return {std::clamp(point.x(), box.left(), box.right()),
            std::clamp(point.y(), box.top(), box.bottom())};
}

// A box of `size` around `center`.
inline QRectF centeredAt(QPointF center, QSizeF size) {
    return {center.x() - size.width() / 2, center.y() - size.height() / 2, size.width(),
            size.height()};
}

// A box of `size`, `gap` pixels above the point of `edge` nearest `pointer` (the edge's middle
// without one), moved inside `view`.
inline QRectF boxAboveEdge(const QLineF& edge, std::optional<QPointF> pointer, QSizeF size,
                           qreal gap, const QRectF& view) {
    QPointF anchor = edge.center();
    if (pointer && edge.length() > 0) {
        const QPointF along = edge.p2() - edge.p1();
        const qreal t =
            QPointF::dotProduct(*pointer - edge.p1(), along) / QPointF::dotProduct(along, along);
        anchor = edge.pointAt(std::clamp(t, 0.0, 1.0));
    }
    QRectF box(anchor - QPointF(size.width() / 2, size.height() + gap), size);
    box.moveLeft(std::clamp(box.left(), view.left(), view.right() - box.width()));
    box.moveTop(std::clamp(box.top(), view.top(), view.bottom() - box.height()));
    return box;
}

}  // namespace ui
