#include "landscapeplot.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "palette.h"
#include "plotstyle.h"

namespace ui {

namespace {

constexpr double kAxisFontScale = 0.9;
constexpr int kBands = 14;  // colour bands; their edges read as level lines

}  // namespace

LandscapePlot::LandscapePlot(QWidget* parent) : QCustomPlot(parent) {
    setObjectName("landscapePlot");
    setAccessibleName(tr("Loss landscape plot"));
    map_ = new QCPColorMap(xAxis, yAxis);
    scale_ = new QCPColorScale(this);
    plotLayout()->addElement(0, 1, scale_);
    scale_->setType(QCPAxis::atRight);
    scale_->axis()->setLabel(tr("E_total"));
    map_->setColorScale(scale_);
    // Viridis: light for high E, dark for low, even in lightness and read by colour-blind eyes.
    QCPColorGradient gradient;
    gradient.setColorStops({{0.0, QColor(0x44, 0x01, 0x54)},
                            {0.25, QColor(0x3B, 0x52, 0x8B)},
                            {0.5, QColor(0x21, 0x90, 0x8C)},
                            {0.75, QColor(0x5D, 0xC8, 0x63)},
                            {1.0, QColor(0xFD, 0xE7, 0x25)}});
    gradient.setLevelCount(kBands);
    gradient.setNanHandling(QCPColorGradient::nhNanColor);
    gradient.setNanColor(Palette::neutral());
    map_->setGradient(gradient);
    map_->setInterpolate(false);
    // The plot and the scale share their height.
    auto* group = new QCPMarginGroup(this);
    axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    scale_->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    stylePlot(*this, palette(), 1, kAxisFontScale);

    // The path: a light line on a dark one, to be seen on every colour of the scale.
    pathShadow_ = new QCPCurve(xAxis, yAxis);
    pathShadow_->setPen(QPen(Palette::ink(), 3.5));
    path_ = new QCPCurve(xAxis, yAxis);
    path_->setPen(QPen(Qt::white, 1.5));
    // Each iteration's point as a dot: an oscillation shows as points on both sides of the valley.
    path_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, Qt::white, 4));
    start_ = addGraph();
    start_->setLineStyle(QCPGraph::lsNone);
    start_->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Palette::ink(), 1.5), Qt::white, 7));
    current_ = addGraph();
    current_->setLineStyle(QCPGraph::lsNone);
    current_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Palette::ink(), 2),
                                              Palette::highlight(), 11));
}

void LandscapePlot::clear() {
    map_->data()->clear();
    showPath({});
    hasLandscape_ = false;
    replot(rpQueuedReplot);
}

void LandscapePlot::changeEvent(QEvent* event) {
    QCustomPlot::changeEvent(event);
    if (event->type() != QEvent::PaletteChange) return;
    stylePlot(*this, palette(), 1, kAxisFontScale);
    replot(rpQueuedReplot);
}

void LandscapePlot::showLandscape(const core::LossLandscape& landscape, QPointF offset,
                                  const QString& firstName, const QString& secondName) {
    offset_ = offset;
    const core::LandscapeGrid& grid = landscape.grid();
    const int size = grid.size;
    map_->data()->setSize(size, size);
    map_->data()->setRange(QCPRange(offset.x() - grid.firstSpan, offset.x() + grid.firstSpan),
                           QCPRange(offset.y() - grid.secondSpan, offset.y() + grid.secondSpan));
    double lowest = std::numeric_limits<double>::infinity(), highest = -lowest;
    for (int row = 0; row < size; ++row)
        for (int column = 0; column < size; ++column) {
            double value = landscape.value(row, column);
            if (!std::isfinite(value))
                value = std::numeric_limits<double>::quiet_NaN();
            else
                lowest = std::min(lowest, value), highest = std::max(highest, value);
            map_->data()->setCell(row, column, value);
        }
    if (!std::isfinite(lowest)) lowest = 0, highest = 1;
    if (highest <= lowest) highest = lowest + 1e-12;
    const bool log = lowest > 0 && highest / lowest > kLogRatio;
    scale_->setDataScaleType(log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    scale_->axis()->setTicker(log ? QSharedPointer<QCPAxisTicker>(new QCPAxisTickerLog)
                                  : QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    map_->setDataRange(QCPRange(lowest, highest));
    xAxis->setLabel(firstName);
    yAxis->setLabel(secondName);
    xAxis->setRange(offset.x() - grid.firstSpan, offset.x() + grid.firstSpan);
    yAxis->setRange(offset.y() - grid.secondSpan, offset.y() + grid.secondSpan);
    hasLandscape_ = true;
    replot(QCustomPlot::rpQueuedReplot);
}

void LandscapePlot::showPath(const std::vector<QPointF>& path) {
    QVector<double> keys, values;
    keys.reserve(path.size());
    values.reserve(path.size());
    for (const QPointF& point : path) {
        keys << point.x() + offset_.x();
        values << point.y() + offset_.y();
    }
    pathShadow_->setData(keys, values);
    path_->setData(keys, values);
    start_->setData(keys.mid(0, 1), values.mid(0, 1));
    current_->setData(keys.mid(keys.size() - 1), values.mid(values.size() - 1));
    replot(QCustomPlot::rpQueuedReplot);
}

bool LandscapePlot::logScale() const {
    return scale_->dataScaleType() == QCPAxis::stLogarithmic;
}

}  // namespace ui
