#pragma once

#include <QPointF>
#include <QString>
#include <vector>

#include "core/losslandscape.h"
#include "qcustomplot.h"

namespace ui {

// The picture of a loss landscape: E over the plane as shaded colour in bands (the band edges
// read as level lines), a colour scale naming E, the axes named after what they move, and a
// run's path on the plane as a line ending in a marked disc at the current point. It draws what
// it is given and keeps nothing else.
class LandscapePlot : public QCustomPlot {
    Q_OBJECT

public:
    explicit LandscapePlot(QWidget* parent = nullptr);

    // Shows `landscape`, its coordinates shifted by `offset` (what the axes count from: the
    // origin's values of the two parameters, or nothing for eigenvectors), the axes called
    // `firstName` (across) and `secondName` (up).
    void showLandscape(const core::LossLandscape& landscape, QPointF offset,
                       const QString& firstName, const QString& secondName);
    // The path, in the plane's coordinates (unshifted), oldest first; the last point is the
    // current one. Empty: none.
    void showPath(const std::vector<QPointF>& path);
    // Draws nothing: no landscape, no path (where none can be computed).
    void clear();
    // Whether a landscape is drawn.
    bool hasLandscape() const { return hasLandscape_; }
    // Whether the colour scale is logarithmic (E spans more than a factor kLogRatio).
    bool logScale() const;
    static constexpr double kLogRatio = 20.0;

protected:
    // A new theme restyles the axes and the background.
    void changeEvent(QEvent* event) override;

private:
    QCPColorMap* map_;
    QCPColorScale* scale_;
    QCPCurve* pathShadow_;
    QCPCurve* path_;
    QCPGraph* start_;
    QCPGraph* current_;
    QPointF offset_;
    bool hasLandscape_ = false;
};

}  // namespace ui
