#include "columndecimator.h"

#include <algorithm>
#include <cmath>

namespace ui {

namespace {

// How far past the axis rect a vertex may lie.
constexpr double kPixelMargin = 1.0e6;
// A column whose span is shorter than this, in pixels, is drawn as one vertex.
constexpr double kSamePixel = 0.5;

// The pixels along `axis` a vertex may take: its axis rect widened by kPixelMargin.
std::pair<double, double> pixelBand(const QCPAxis& axis) {
    const QRect rect = axis.axisRect()->rect();
    if (axis.orientation() == Qt::Horizontal)
        return {rect.left() - kPixelMargin, rect.right() + kPixelMargin};
    return {rect.top() - kPixelMargin, rect.bottom() + kPixelMargin};
}

// Moves `outer` along the segment towards `inner` until its key pixel (x) is in `band`.
QPointF pulledInto(QPointF outer, QPointF inner, std::pair<double, double> band) {
    const double target = std::clamp(outer.x(), band.first, band.second);
    if (target == outer.x()) return outer;
    if (inner.x() == outer.x()) return {target, outer.y()};
    return inner + (target - inner.x()) / (outer.x() - inner.x()) * (outer - inner);
}

}  // namespace

ColumnDecimator::ColumnDecimator(const QCPAxis& keyAxis, const QCPAxis& valueAxis)
    : keyAxis_(keyAxis),
      valueAxis_(valueAxis),
      logKeys_(keyAxis.scaleType() == QCPAxis::stLogarithmic),
      logValues_(valueAxis.scaleType() == QCPAxis::stLogarithmic),
      pixelsGrowWithKey_((keyAxis.orientation() == Qt::Horizontal) != keyAxis.rangeReversed()),
      keyBand_(pixelBand(keyAxis)),
      valueBand_(pixelBand(valueAxis)) {}

std::vector<QPolygonF> ColumnDecimator::polylines(std::span<const Point> points) {
    lines_.assign(1, QPolygonF());
    for (std::size_t i = 0; i < points.size();) {
        if (shows(points[i])) {
            i = gatherColumn(points, i);
            continue;
        }
        // A point left out breaks the line.
        if (!lines_.back().isEmpty()) lines_.emplace_back();
        ++i;
    }
    std::erase_if(lines_, [](const QPolygonF& line) { return line.isEmpty(); });
    clipEnds();
    for (QPolygonF& line : lines_)
        std::transform(line.begin(), line.end(), line.begin(),
                       [this](QPointF vertex) { return toPixel(vertex); });
    return std::move(lines_);
}

std::size_t ColumnDecimator::gatherColumn(std::span<const Point> points, std::size_t begin) {
    Column column{keyAxis_.coordToPixel(double(points[begin].iteration)), points[begin].loss,
                  points[begin].loss, points[begin].loss};
    // The column ends at its pixel's far edge, in the direction of growing keys.
    const double edge = std::floor(column.keyPixel) + (pixelsGrowWithKey_ ? 1 : 0);
    const double endKey = keyAxis_.pixelToCoord(edge);
    // The points before the edge, up to the first that cannot be shown.
    const auto beyond = std::partition_point(
        points.begin() + begin + 1, points.end(),
        [endKey](const Point& point) { return double(point.iteration) < endKey; });
    std::size_t end = begin + 1;
    for (const std::size_t stop = beyond - points.begin(); end < stop; ++end) {
        const double loss = points[end].loss;
        if (!shows(points[end])) break;
        if (loss < column.low)
            column.low = loss;
        else if (loss > column.high)
            column.high = loss;
    }
    appendColumn(column);
    return end;
}

void ColumnDecimator::appendColumn(const Column& column) {
    const auto valuePixel = [this](double loss) {
        return std::clamp(valueAxis_.coordToPixel(loss), valueBand_.first, valueBand_.second);
    };
    QPolygonF& line = lines_.back();
    // The span from lowest to highest, entered at the end nearer the line so far (or, starting
    // a line, nearer the column's first point); one vertex when the span is under a pixel.
    const double from = line.isEmpty() ? valuePixel(column.first) : line.back().y();
    double nearer = valuePixel(column.low);
    double farther = valuePixel(column.high);
    if (std::abs(farther - from) < std::abs(nearer - from)) std::swap(nearer, farther);
    line.append(QPointF(column.keyPixel, nearer));
    if (std::abs(farther - nearer) >= kSamePixel) line.append(QPointF(column.keyPixel, farther));
}

void ColumnDecimator::clipEnds() {
    if (lines_.empty()) return;
    QPolygonF& first = lines_.front();
    if (first.size() > 1) first.front() = pulledInto(first[0], first[1], keyBand_);
    QPolygonF& last = lines_.back();
    if (last.size() > 1) last.back() = pulledInto(last.back(), last[last.size() - 2], keyBand_);
}

QPointF ColumnDecimator::toPixel(QPointF keyAndValuePixels) const {
    if (keyAxis_.orientation() == Qt::Horizontal) return keyAndValuePixels;
    return {keyAndValuePixels.y(), keyAndValuePixels.x()};
}

}  // namespace ui
