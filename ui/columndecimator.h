#pragma once

#include <qcustomplot.h>
#include <cmath>
#include <span>
#include <utility>
#include <vector>

#include "core/losshistory.h"

namespace ui {

// Turns loss points, in iteration order, into the polylines that LossCurve draws: the points
// of each pixel column become one vertical span from their lowest to their highest loss,
// joined to the next column's, so an oscillation keeps its envelope and a million points cost
// about as much as the plot is wide.
// A point the axes cannot show breaks the line; ends far outside the axis rect are pulled in
// along their segment, and values far outside it are clamped, since Qt draws far-off vertices
// slowly or wrongly.
class ColumnDecimator {
public:
    using Point = core::LossHistory::Point;

    // A decimator for points drawn on `keyAxis` (iterations) against `valueAxis` (loss).
    ColumnDecimator(const QCPAxis& keyAxis, const QCPAxis& valueAxis);

    // Whether the axes can show `point`: a finite loss, positive on a log value axis, at a
    // positive iteration on a log key axis.
    bool shows(const Point& point) const {
        return std::isfinite(point.loss) && (!logValues_ || point.loss > 0) &&
               (!logKeys_ || point.iteration > 0);
    }
    // The polylines of `points` in widget pixels, none of them empty.
    std::vector<QPolygonF> polylines(std::span<const Point> points);

private:
    // A pixel column's points: its key pixel and their first, lowest and highest loss.
    struct Column {
        double keyPixel;
        double first, low, high;
    };

    std::size_t gatherColumn(std::span<const Point> points, std::size_t begin);
    void appendColumn(const Column& column);
    void clipEnds();
    QPointF toPixel(QPointF keyAndValuePixels) const;

    const QCPAxis& keyAxis_;
    const QCPAxis& valueAxis_;
    bool logKeys_;
    bool logValues_;
    bool pixelsGrowWithKey_;
    std::pair<double, double> keyBand_;    // the key pixels a vertex may take
    std::pair<double, double> valueBand_;  // the value pixels a vertex may take
    std::vector<QPolygonF> lines_;         // in (key pixel, value pixel) until the end
};

}  // namespace ui
