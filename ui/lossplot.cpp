#include "lossplot.h"

#include <qcustomplot.h>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QMenu>
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

LossPlot::LossPlot(QWidget* parent) : QWidget(parent), plot_(new QCustomPlot), pinned_(plot_) {
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

    preview_ = plot_->addGraph();
    preview_->setPen(QPen(Palette::lossCurve(), 1.5, Qt::DashLine));
    preview_->setName(tr("preview"));

    regimeLabel_ = new QCPItemText(plot_);
    regimeLabel_->position->setType(QCPItemPosition::ptAxisRectRatio);
    regimeLabel_->position->setCoords(0.99, 0.03);
    regimeLabel_->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
    QFont regimeFont = axisFont;
    regimeFont.setBold(true);
    regimeLabel_->setFont(regimeFont);
    regimeLabel_->setPadding(QMargins(6, 2, 6, 2));

    pinButton_ = new QToolButton;
    pinButton_->setObjectName("pinRunButton");
    pinButton_->setText(tr("Pin run"));
    pinButton_->setAccessibleName(tr("Pin the current run"));
    pinButton_->setToolTip(tr("Keep this curve as a faded ghost labelled with its learning rate; "
                              "Reset then starts again from the same weights, to compare rates "
                              "(up to %1 runs)")
                               .arg(maxPinnedRuns));
    connect(pinButton_, &QToolButton::clicked, this, &LossPlot::pinRequested);
    pinnedButton_ = new QToolButton;
    pinnedButton_->setObjectName("pinnedRunsButton");
    pinnedButton_->setAccessibleName(tr("Pinned runs"));
    pinnedButton_->setToolTip(tr("The pinned runs: remove one or all"));
    pinnedButton_->setPopupMode(QToolButton::InstantPopup);
    pinnedButton_->setMenu(new QMenu(pinnedButton_));
    updatePinnedMenu();

    auto* controls = new QHBoxLayout;
    controls->setContentsMargins(4, 2, 4, 0);
    controls->addWidget(logScaleBox_);
    controls->addWidget(followButton_);
    controls->addWidget(pinButton_);
    controls->addWidget(pinnedButton_);
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
    // The pinned runs and the preview count too; a preview that explodes counts only up to a
    // hundred times the run's own highest loss, so the run stays readable.
    LossExtremes extremes = extremes_;
    long long last = lastIteration_;
    pinned_.include(extremes, last);
    if (!preview_->data()->isEmpty()) {
        const double cap = std::isfinite(extremes_.high) ? 100 * extremes_.high : INFINITY;
        for (double v : {previewExtremes_.low, std::min(previewExtremes_.high, cap),
                         previewExtremes_.lowPositive})
            extremes.add(v);
        last = std::max(last, previewLast_);
    }
    rescaleTo(extremes, last);
}

void LossPlot::rescaleTo(const LossExtremes& extremes, long long lastIteration) {
    // A little room left of iteration 0, so that its point is not hidden by the axis.
    const double width = std::max(double(lastIteration), 10.0);
    plot_->xAxis->setRange(-0.02 * width, width * 1.03);
    if (logScale()) {
        if (std::isfinite(extremes.lowPositive))
            plot_->yAxis->setRange(extremes.lowPositive / 1.5, extremes.high * 1.5);
    } else if (std::isfinite(extremes.low)) {
        // A flat curve (one point, or a stalled run) gets a tenth of its value around it.
        const double span = extremes.high - extremes.low;
        const double margin = span > 1e-9 * std::abs(extremes.high)
                                  ? span * 0.08
                                  : std::max(std::abs(extremes.high) * 0.1, 1e-9);
        plot_->yAxis->setRange(std::max(0.0, extremes.low - margin), extremes.high + margin);
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

void LossPlot::setPreview(long long firstIteration, const std::vector<double>& losses) {
    QVector<QCPGraphData> points;
    previewExtremes_ = {};
    for (std::size_t i = 0; i < losses.size(); ++i) {
        points.append({double(firstIteration + static_cast<long long>(i)), losses[i]});
        previewExtremes_.add(losses[i]);
    }
    previewLast_ = firstIteration + static_cast<long long>(losses.size()) - 1;
    preview_->data()->set(points, true);
    if (following_) rescale();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

bool LossPlot::pinRun(const std::vector<core::LossHistory::Point>& points, const QString& label) {
    if (!pinned_.add(points, label)) return false;
    updatePinnedMenu();
    if (following_) rescale();
    plot_->replot(QCustomPlot::rpQueuedReplot);
    return true;
}

void LossPlot::removePinnedRun(int index) {
    pinned_.remove(index);
    updatePinnedMenu();
    if (following_) rescale();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

QStringList LossPlot::pinnedRunLabels() const {
    return pinned_.labels();
}

void LossPlot::updatePinnedMenu() {
    QMenu* menu = pinnedButton_->menu();
    menu->clear();
    const QStringList labels = pinned_.labels();
    for (int i = 0; i < labels.size(); ++i)
        menu->addAction(tr("Remove \u201c%1\u201d").arg(labels[i]), this,
                        [this, i] { removePinnedRun(i); });
    if (pinned_.count() > 0) {
        menu->addSeparator();
        menu->addAction(tr("Remove all"), this, [this] {
            while (pinned_.count() > 0)
                removePinnedRun(pinned_.count() - 1);
        });
    }
    pinnedButton_->setText(tr("Pinned (%1)").arg(pinned_.count()));
    pinnedButton_->setEnabled(pinned_.count() > 0);
    pinButton_->setEnabled(pinned_.count() < maxPinnedRuns);
}

void LossPlot::showRegime(const QString& name, const QColor& color) {
    regimeLabel_->setText(name);
    regimeLabel_->setColor(color);
    regimeLabel_->setPen(QPen(color));
    regimeLabel_->setBrush(QBrush(palette().color(QPalette::Base)));
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

QString LossPlot::shownRegime() const {
    return regimeLabel_->text();
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
