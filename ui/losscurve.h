#pragma once

#include <qcustomplot.h>
#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "core/losshistory.h"

namespace ui {

// A loss curve that QCustomPlot draws straight from a core::LossHistory, never copying its
// points: only the visible iterations, each pixel column as one vertical span from its lowest
// to its highest loss joined to its neighbours, so an oscillation keeps its envelope and a
// million points cost about as much as the plot is wide. Non-finite losses (and, on a log
// value axis, non-positive ones) are left out and break the line. The caller replots when the
// history changed.
class LossCurve : public QCPAbstractPlottable {
    Q_OBJECT

public:
    // A curve on the plot of `keyAxis` (iterations) and `valueAxis` (loss); the plot owns it.
    LossCurve(QCPAxis* keyAxis, QCPAxis* valueAxis);

    // The history to draw, owned elsewhere and outliving the plot; nullptr draws nothing.
    void setHistory(const core::LossHistory* history);
    // The history drawn, or nullptr.
    const core::LossHistory* history() const { return history_; }
    // Dots every point (discs of 5 px) while the history holds fewer than `pointCount` points,
    // so that a short curve, even a single point, shows; 0 never dots (200 unless set).
    void setDotLimit(std::size_t pointCount);
    // The drawn point (iteration, loss) nearest `pixel`, if one lies within `maxDistance` pixels.
    std::optional<core::LossHistory::Point> nearestPoint(QPointF pixel, double maxDistance) const;

    // The distance in pixels from `position` to the drawn curve, or -1 when it is farther than
    // the plot's selection tolerance.
    double selectTest(const QPointF& position, bool onlySelectable,
                      QVariant* details = nullptr) const override;
    // The first and last iteration with a finite loss, among those in `inSignDomain`.
    QCPRange getKeyRange(bool& foundRange,
                         QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    // The lowest and highest finite loss in `inSignDomain` (a log axis asks for the positive
    // one), among the iterations in `inKeyRange` unless that is the empty QCPRange().
    QCPRange getValueRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
                           const QCPRange& inKeyRange = QCPRange()) const override;

protected:
    void draw(QCPPainter* painter) override;
    void drawLegendIcon(QCPPainter* painter, const QRectF& rect) const override;

private:
    using Point = core::LossHistory::Point;
    using IndexRange = std::pair<std::size_t, std::size_t>;

    IndexRange indicesWithin(const QCPRange& keys, bool withNeighbours) const;
    QCPRange keyWindow(QPointF pixel, double distance) const;
    std::vector<QPolygonF> polylines(const QCPRange& keys) const;
    void drawDots(QCPPainter* painter, const QCPRange& keys) const;

    const core::LossHistory* history_ = nullptr;
    std::size_t dotLimit_ = 200;
};

}  // namespace ui
