#include "losscurve.h"

#include "columndecimator.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ui {

namespace {

using Point = core::LossHistory::Point;

constexpr double kDotDiameter = 5.0;  // the discs that mark the points of a short curve

bool inDomain(double value, QCP::SignDomain domain) {
    if (domain == QCP::sdPositive) return value > 0;
    if (domain == QCP::sdNegative) return value < 0;
    return true;
}

QCPScatterStyle dotStyle() {
    return QCPScatterStyle(QCPScatterStyle::ssDisc, kDotDiameter);
}

}  // namespace

LossCurve::LossCurve(QCPAxis* keyAxis, QCPAxis* valueAxis)
    : QCPAbstractPlottable(keyAxis, valueAxis) {}

void LossCurve::setHistory(const core::LossHistory* history) {
    history_ = history;
}

void LossCurve::setDotLimit(std::size_t pointCount) {
    dotLimit_ = pointCount;
}

LossCurve::IndexRange LossCurve::indicesWithin(const QCPRange& keys, bool withNeighbours) const {
    const auto& points = history_->points();
    const auto before = [](const Point& point, double key) {
        return double(point.iteration) < key;
    };
    const auto after = [](double key, const Point& point) { return key < double(point.iteration); };
    std::size_t begin =
        std::lower_bound(points.begin(), points.end(), keys.lower, before) - points.begin();
    std::size_t end =
        std::upper_bound(points.begin(), points.end(), keys.upper, after) - points.begin();
    if (withNeighbours && begin > 0) --begin;
    if (withNeighbours && end < points.size()) ++end;
    return {begin, std::max(begin, end)};
}

QCPRange LossCurve::keyWindow(QPointF pixel, double distance) const {
    const double along = mKeyAxis->orientation() == Qt::Horizontal ? pixel.x() : pixel.y();
    QCPRange keys(mKeyAxis->pixelToCoord(along - distance),
                  mKeyAxis->pixelToCoord(along + distance));
    keys.normalize();
    return keys;
}

std::vector<QPolygonF> LossCurve::polylines(const QCPRange& keys) const {
    const auto [begin, end] = indicesWithin(keys, true);
    const std::span<const Point> points(history_->points().data() + begin, end - begin);
    return ColumnDecimator(*mKeyAxis, *mValueAxis).polylines(points);
}

void LossCurve::draw(QCPPainter* painter) {
    if (!history_ || !mKeyAxis || !mValueAxis) return;
    const QCPRange keys = mKeyAxis->range();
    applyDefaultAntialiasingHint(painter);
    painter->setPen(selected() && mSelectionDecorator ? mSelectionDecorator->pen() : mPen);
    painter->setBrush(Qt::NoBrush);
    for (const QPolygonF& line : polylines(keys))
        if (line.size() > 1) painter->drawPolyline(line);
    if (history_->points().size() < dotLimit_) drawDots(painter, keys);
}

void LossCurve::drawDots(QCPPainter* painter, const QCPRange& keys) const {
    const QRectF area =
        QRectF(clipRect()).adjusted(-kDotDiameter, -kDotDiameter, kDotDiameter, kDotDiameter);
    const ColumnDecimator decimator(*mKeyAxis, *mValueAxis);
    const QCPScatterStyle dot = dotStyle();
    applyScattersAntialiasingHint(painter);
    dot.applyTo(painter, painter->pen());
    const auto [begin, end] = indicesWithin(keys, false);
    for (std::size_t i = begin; i < end; ++i) {
        const Point& point = history_->points()[i];
        const QPointF pixel = coordsToPixels(double(point.iteration), point.loss);
        if (decimator.shows(point) && area.contains(pixel)) dot.drawShape(painter, pixel);
    }
}

void LossCurve::drawLegendIcon(QCPPainter* painter, const QRectF& rect) const {
    applyDefaultAntialiasingHint(painter);
    painter->setPen(mPen);
    painter->drawLine(QLineF(rect.left(), rect.center().y(), rect.right(), rect.center().y()));
    if (!history_ || history_->points().size() >= dotLimit_) return;
    dotStyle().applyTo(painter, mPen);
    dotStyle().drawShape(painter, rect.center());
}

std::optional<Point> LossCurve::nearestPoint(QPointF pixel, double maxDistance) const {
    if (!history_ || !mKeyAxis || !mValueAxis) return std::nullopt;
    const ColumnDecimator decimator(*mKeyAxis, *mValueAxis);
    std::optional<Point> nearest;
    double nearestDistance = maxDistance;
    const auto [begin, end] = indicesWithin(keyWindow(pixel, maxDistance), false);
    for (std::size_t i = begin; i < end; ++i) {
        const Point& point = history_->points()[i];
        if (!decimator.shows(point)) continue;
        const QPointF at = coordsToPixels(double(point.iteration), point.loss);
        const double distance = QLineF(at, pixel).length();
        if (distance > nearestDistance) continue;
        nearestDistance = distance;
        nearest = point;
    }
    return nearest;
}

double LossCurve::selectTest(const QPointF& position, bool onlySelectable, QVariant*) const {
    if (onlySelectable && mSelectable == QCP::stNone) return -1;
    if (!history_ || !mKeyAxis || !mValueAxis || !clipRect().contains(position.toPoint()))
        return -1;
    const double tolerance = mParentPlot->selectionTolerance();
    const QCPVector2D target(position);
    double nearestSquared = std::numeric_limits<double>::infinity();
    for (const QPolygonF& line : polylines(keyWindow(position, tolerance))) {
        nearestSquared =
            std::min(nearestSquared, (target - QCPVector2D(line.front())).lengthSquared());
        for (qsizetype i = 1; i < line.size(); ++i)
            nearestSquared =
                std::min(nearestSquared, target.distanceSquaredToLine(line[i - 1], line[i]));
    }
    const double distance = std::sqrt(nearestSquared);
    return distance <= tolerance ? distance : -1;
}

QCPRange LossCurve::getKeyRange(bool& foundRange, QCP::SignDomain inSignDomain) const {
    foundRange = false;
    if (!history_) return {};
    const auto counts = [&](const Point& point) {
        return std::isfinite(point.loss) && inDomain(double(point.iteration), inSignDomain);
    };
    const auto& points = history_->points();
    const auto first = std::find_if(points.begin(), points.end(), counts);
    if (first == points.end()) return {};
    const auto last = std::find_if(points.rbegin(), points.rend(), counts);
    foundRange = true;
    return QCPRange(double(first->iteration), double(last->iteration));
}

QCPRange LossCurve::getValueRange(bool& foundRange, QCP::SignDomain inSignDomain,
                                  const QCPRange& inKeyRange) const {
    foundRange = false;
    if (!history_) return {};
    const auto [begin, end] = inKeyRange == QCPRange() ? IndexRange{0, history_->points().size()}
                                                       : indicesWithin(inKeyRange, false);
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    for (std::size_t i = begin; i < end; ++i) {
        const double loss = history_->points()[i].loss;
        if (!std::isfinite(loss) || !inDomain(loss, inSignDomain)) continue;
        low = std::min(low, loss);
        high = std::max(high, loss);
    }
    foundRange = low <= high;
    return foundRange ? QCPRange(low, high) : QCPRange();
}

}  // namespace ui
