#include "lossplot.h"

#include <qcustomplot.h>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "palette.h"

namespace ui {

namespace {

constexpr double kHoverPixels = 20.0;  // how near the mouse a point must be to be described

}  // namespace

LossPlot::LossPlot(QWidget* parent) : QWidget(parent) {
    logScaleBox_ = new QCheckBox(tr("Log scale"));
    logScaleBox_->setObjectName("logScaleBox");
    logScaleBox_->setAccessibleName(tr("Logarithmic loss axis"));
    logScaleBox_->setToolTip(tr("Show E_total on a logarithmic axis, to see a slow descent"));
    followButton_ = new QToolButton;
    followButton_->setObjectName("followButton");
    followButton_->setText(tr("Follow newest"));
    followButton_->setCheckable(true);
    followButton_->setChecked(true);
    followButton_->setAccessibleName(tr("Follow the newest point"));
    followButton_->setToolTip(
        tr("Keep the newest point in view; zooming or panning the plot "
           "turns this off, a double click turns it on"));

    plot_ = new QCustomPlot;
    plot_->setObjectName("lossPlot");
    plot_->setAccessibleName(tr("Loss plot"));
    plot_->setToolTip({});
    plot_->setMinimumHeight(120);
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot_->setNoAntialiasingOnDrag(true);
    QFont axisFont = font();
    axisFont.setPointSizeF(axisFont.pointSizeF() * 1.1);
    for (QCPAxis* axis : {plot_->xAxis, plot_->yAxis}) {
        axis->setLabelFont(axisFont);
        axis->setTickLabelFont(axisFont);
    }
    plot_->xAxis->setLabel(tr("iteration"));
    plot_->yAxis->setLabel(tr("E_total"));
    plot_->xAxis->setRange(0, 10);
    plot_->yAxis->setRange(0, 1);

    curve_ = plot_->addGraph();
    // A one-pixel pen: a wider one goes through Qt's stroker, twenty times slower at 10^4 points.
    curve_->setPen(QPen(Palette::lossCurve(), 1));
    curve_->setAdaptiveSampling(true);
    curve_->setLineStyle(QCPGraph::lsLine);

    auto* controls = new QHBoxLayout;
    controls->setContentsMargins(4, 2, 4, 0);
    controls->addWidget(logScaleBox_);
    controls->addWidget(followButton_);
    controls->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(controls);
    layout->addWidget(plot_, 1);

    connect(logScaleBox_, &QCheckBox::toggled, this, &LossPlot::setLogScale);
    connect(followButton_, &QToolButton::toggled, this, &LossPlot::setFollowNewest);
    // The user's own zoom and pan hold the view; a double click lets it follow again.
    connect(plot_, &QCustomPlot::mousePress, this, [this] { setFollowNewest(false); });
    connect(plot_, &QCustomPlot::mouseWheel, this, [this] { setFollowNewest(false); });
    connect(plot_, &QCustomPlot::mouseDoubleClick, this, [this] { setFollowNewest(true); });
    connect(plot_, &QCustomPlot::mouseMove, this, &LossPlot::showHover);
}

void LossPlot::Extremes::add(double loss) {
    if (!std::isfinite(loss)) return;
    low = std::min(low, loss);
    high = std::max(high, loss);
    if (loss > 0) lowPositive = std::min(lowPositive, loss);
}

void LossPlot::showHistory(const core::LossHistory& history) {
    const auto& points = history.points();
    QSharedPointer<QCPGraphDataContainer> data = curve_->data();
    if (history.generation() != shownGeneration_ || history.settledCount() < shownSettled_) {
        // Earlier points were rewritten: show them all anew.
        QVector<QCPGraphData> all;
        all.reserve(int(points.size()));
        for (const auto& point : points)
            all.append({double(point.iteration), point.loss});
        data->set(all, true);
        shownGeneration_ = history.generation();
        shownSettled_ = 0;
        settledExtremes_ = {};
    } else {
        // Replace what was not settled yet, then append the rest.
        data->removeAfter(shownSettled_ == 0 ? -1.0 : double(points[shownSettled_ - 1].iteration));
        QVector<QCPGraphData> added;
        for (std::size_t i = shownSettled_; i < points.size(); ++i)
            added.append({double(points[i].iteration), points[i].loss});
        data->add(added, true);
    }
    // The extremes grow with the settled points; the open bucket's few points are added fresh.
    for (std::size_t i = shownSettled_; i < history.settledCount(); ++i)
        settledExtremes_.add(points[i].loss);
    shownSettled_ = history.settledCount();
    extremes_ = settledExtremes_;
    for (std::size_t i = shownSettled_; i < points.size(); ++i)
        extremes_.add(points[i].loss);
    lastIteration_ = points.empty() ? 0 : points.back().iteration;
    // A short curve gets dots, so that its first point shows before there is a line.
    curve_->setScatterStyle(points.size() < 200 ? QCPScatterStyle(QCPScatterStyle::ssDisc, 5)
                                                : QCPScatterStyle());
    if (following_) rescale();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LossPlot::rescale() {
    plot_->xAxis->setRange(0, std::max(double(lastIteration_), 10.0) * 1.03);
    if (logScale()) {
        if (std::isfinite(extremes_.lowPositive))
            plot_->yAxis->setRange(extremes_.lowPositive / 1.5, extremes_.high * 1.5);
    } else if (std::isfinite(extremes_.low)) {
        // A flat curve (one point, or a stalled run) gets a tenth of its value around it.
        const double span = extremes_.high - extremes_.low;
        const double margin = span > 1e-9 * std::abs(extremes_.high)
                                  ? span * 0.08
                                  : std::max(std::abs(extremes_.high) * 0.1, 1e-9);
        plot_->yAxis->setRange(std::max(0.0, extremes_.low - margin), extremes_.high + margin);
    }
}

void LossPlot::setRateMarkers(const std::vector<std::pair<long long, double>>& changes) {
    for (const RateMarker& marker : markers_) {
        plot_->removeItem(marker.line);
        plot_->removeItem(marker.label);
    }
    markers_.clear();
    const QPen pen(Palette::marker(), 1.5, Qt::DashLine);
    for (const auto& [iteration, rate] : changes) {
        auto* line = new QCPItemStraightLine(plot_);
        line->setPen(pen);
        line->point1->setCoords(double(iteration), 1.0);
        line->point2->setCoords(double(iteration), 2.0);
        auto* label = new QCPItemText(plot_);
        label->position->setTypeX(QCPItemPosition::ptPlotCoords);
        label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(double(iteration), 0.02);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->setPadding(QMargins(4, 0, 0, 0));
        label->setColor(Palette::marker());
        label->setFont(plot_->xAxis->tickLabelFont());
        label->setText(tr("lr %1").arg(rate, 0, 'g', 4));
        markers_.push_back({iteration, line, label});
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LossPlot::setCurrentIteration(long long iteration) {
    if (!current_) {
        current_ = new QCPItemStraightLine(plot_);
        current_->setPen(QPen(palette().color(QPalette::Mid), 1.5));
    }
    current_->point1->setCoords(double(iteration), 1.0);
    current_->point2->setCoords(double(iteration), 2.0);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LossPlot::clear() {
    curve_->data()->clear();
    for (const RateMarker& marker : markers_) {
        plot_->removeItem(marker.line);
        plot_->removeItem(marker.label);
    }
    markers_.clear();
    if (current_) plot_->removeItem(current_);
    current_ = nullptr;
    shownGeneration_ = -1;
    shownSettled_ = 0;
    settledExtremes_ = extremes_ = {};
    lastIteration_ = 0;
    setFollowNewest(true);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

bool LossPlot::logScale() const {
    return plot_->yAxis->scaleType() == QCPAxis::stLogarithmic;
}

void LossPlot::setLogScale(bool on) {
    if (on == logScale()) return;
    const QSignalBlocker blocker(logScaleBox_);
    logScaleBox_->setChecked(on);
    plot_->yAxis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (on) {
        plot_->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
        plot_->yAxis->setNumberFormat("eb");
        plot_->yAxis->setNumberPrecision(0);
    } else {
        plot_->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        plot_->yAxis->setNumberFormat("g");
        plot_->yAxis->setNumberPrecision(6);
    }
    rescale();
    plot_->replot(QCustomPlot::rpQueuedReplot);
    emit logScaleChanged(on);
}

bool LossPlot::followsNewest() const {
    return following_;
}

void LossPlot::setFollowNewest(bool on) {
    if (on == following_) return;
    following_ = on;
    const QSignalBlocker blocker(followButton_);
    followButton_->setChecked(on);
    if (on) {
        rescale();
        plot_->replot(QCustomPlot::rpQueuedReplot);
    }
    emit followNewestChanged(on);
}

int LossPlot::rateMarkerCount() const {
    return int(markers_.size());
}

QString LossPlot::hoverText(const QPoint& position) const {
    const QCPGraphDataContainer& data = *curve_->data();
    if (data.isEmpty()) return {};
    // Only points within reach in x can be near: look at those.
    QCPAxis* x = plot_->xAxis;
    QCPAxis* y = plot_->yAxis;
    const double low = x->pixelToCoord(position.x() - kHoverPixels);
    const double high = x->pixelToCoord(position.x() + kHoverPixels);
    double best = kHoverPixels;
    const QCPGraphData* nearest = nullptr;
    for (auto it = data.findBegin(low, false); it != data.findEnd(high, false); ++it) {
        const double distance = std::hypot(x->coordToPixel(it->key) - position.x(),
                                           y->coordToPixel(it->value) - position.y());
        if (distance <= best) {
            best = distance;
            nearest = &*it;
        }
    }
    if (!nearest) return {};
    return tr("iteration %1\nloss %2").arg(qint64(nearest->key)).arg(nearest->value, 0, 'g', 6);
}

void LossPlot::showHover(QMouseEvent* event) {
    const QString text = hoverText(event->pos());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, plot_);
}

}  // namespace ui
