#include "lossplot.h"

#include <qcustomplot.h>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "lossaxisticker.h"
#include "losscurve.h"
#include "palette.h"
#include "plotstyle.h"

namespace ui {

namespace {

constexpr double kHoverPixels = 20.0;       // how near the mouse a point must be to be described
constexpr double kMarkerHoverPixels = 4.0;  // how near a marker's line
constexpr qreal kAxisFontScale = 1.1;       // axis texts against the system font
constexpr int kMinimumHeight = 100;         // the plot's, in a window of 800x600
constexpr double kLeftRoom = 0.02;          // room left of iteration 0, as a share of the width
constexpr double kRightRoom = 0.03;         // room right of the newest point
constexpr double kLogMargin = 1.5;          // least factor of room above and below on a log axis
constexpr double kLogShare = 0.06;          // share of the decades shown left above and below
constexpr double kLinearMargin = 0.08;      // share of the span above and below on a linear axis
constexpr double kPreviewCap = 100;  // a preview counts up to this times the run's highest loss
constexpr int kMarkerRows = 3;       // rows of marker labels before a label is left out
constexpr qreal kMarkerGap = 6;      // pixels between marker labels in a row
constexpr std::size_t kDottedBelow = 200;  // a curve of fewer points dots each, so its first shows
constexpr int kMostTicks = 5;              // QCustomPlot's own choice
constexpr qreal kTickLines = 2.5;          // the least room for a tick label, in its lines

using Change = TrainingController::Change;

}  // namespace

LossPlot::LossPlot(TrainingController* model, QWidget* parent)
    : QWidget(parent), model_(model), plot_(new QCustomPlot), pinned_(plot_) {
    plot_->setObjectName("lossPlot");
    plot_->setAccessibleName(tr("Loss plot"));
    plot_->setToolTip({});
    plot_->setMinimumHeight(kMinimumHeight);
    plot_->setFocusPolicy(Qt::ClickFocus);
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot_->setNoAntialiasingOnDrag(true);
    setUpAxes();
    setUpItems();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(buildControls());
    layout->addWidget(plot_, 1);
    restyle();

    // The user's own pan (a drag that moves the view) and zoom hold the view; a single click
    // does not. A double click follows again.
    connect(plot_, &QCustomPlot::mousePress, this, [this] { pressed_ = true; });
    connect(plot_, &QCustomPlot::mouseRelease, this, [this] { pressed_ = false; });
    connect(plot_->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this] {
        if (pressed_) setFollowNewest(false);
    });
    connect(plot_, &QCustomPlot::mouseWheel, this, [this] { setFollowNewest(false); });
    connect(plot_, &QCustomPlot::mouseDoubleClick, this, [this] { setFollowNewest(true); });
    connect(plot_, &QCustomPlot::mouseMove, this, &LossPlot::showHover);
    connect(plot_, &QCustomPlot::beforeReplot, this, &LossPlot::fitTicks);
    connect(plot_, &QCustomPlot::beforeReplot, this, &LossPlot::placeMarkerLabels);
    connect(model_, &TrainingController::changed, this, &LossPlot::refresh);
}

void LossPlot::setUpAxes() {
    plot_->xAxis->setLabel(tr("iteration"));
    plot_->yAxis->setLabel(tr("E_total"));
    plot_->yAxis->setTicker(
        QSharedPointer<QCPAxisTicker>(new LossAxisTicker(LossAxisTicker::Scale::Linear)));
    plot_->xAxis->setRange(0, 10);
    plot_->yAxis->setRange(0, 1);
}

void LossPlot::setUpItems() {
    curve_ = new LossCurve(plot_->xAxis, plot_->yAxis);
    curve_->setHistory(&model_->history());
    curve_->setDotLimit(kDottedBelow);

    preview_ = plot_->addGraph();
    preview_->setName(tr("preview"));

    current_ = new QCPItemStraightLine(plot_);

    regimeLabel_ = new QCPItemText(plot_);
    regimeLabel_->setObjectName("regimeLabel");
    regimeLabel_->position->setType(QCPItemPosition::ptAxisRectRatio);
    regimeLabel_->position->setCoords(0.99, 0.03);
    regimeLabel_->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
    regimeLabel_->setPadding(QMargins(6, 2, 6, 2));
    notes_ = std::make_unique<LossPlotNotes>(plot_, regimeLabel_);
}

void LossPlot::restyle() {
    const qreal zoom = model_->zoomFactor();
    stylePlot(*plot_, palette(), zoom, kAxisFontScale);
    // At 100% a one-pixel pen: a wider one goes through Qt's stroker, twenty times slower.
    curve_->setPen(QPen(Palette::lossCurve(), zoomedWidth(1, zoom)));
    preview_->setPen(QPen(Palette::lossCurve(), zoomedWidth(1.5, zoom), Qt::DashLine));
    current_->setPen(QPen(palette().color(QPalette::Mid), zoomedWidth(1.5, zoom)));
    QFont regimeFont = plot_->xAxis->tickLabelFont();
    regimeFont.setBold(true);
    regimeLabel_->setFont(regimeFont);
    showRegime();
    notes_->restyle(*regimeLabel_);
    showRateMarkers();
    showPins();
}

void LossPlot::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() != QEvent::PaletteChange || !pinnedButton_) return;  // not yet built
    restyle();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LossPlot::refresh(TrainingController::Changes what) {
    if (what & Change::Zoom) restyle();
    if (what & Change::Session) setFollowNewest(true);
    if (what & (Change::Session | Change::Run | Change::Step)) showCurve(what & Change::Session);
    if (what & (Change::Session | Change::Run)) showRateMarkers();
    if (what & (Change::Session | Change::Step)) {
        current_->point1->setCoords(double(model_->iteration()), 1.0);
        current_->point2->setCoords(double(model_->iteration()), 2.0);
    }
    if (what & (Change::Session | Change::Step | Change::Regime)) showRegime();
    if (what & (Change::Session | Change::Preview | Change::Step)) showPreview();
    if (what & (Change::Session | Change::Pins)) showPins();
    if (what & (Change::Session | Change::Step | Change::Curvature))
        notes_->showStableRate(*model_);
    if (what & (Change::Session | Change::Step | Change::Preview | Change::Curvature))
        notes_->showPreviewRegime(*model_);
    if (!(what & (Change::Session | Change::Run | Change::Step | Change::Preview | Change::Pins |
                  Change::Regime | Change::Curvature | Change::Zoom)))
        return;
    if (following_) rescale();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

// Keeps the extremes of the curve up to date: only the points new since the last call are
// read, unless earlier points were rewritten (a merge or a cut).
void LossPlot::showCurve(bool rewritten) {
    const core::LossHistory& history = model_->history();
    const auto& points = history.points();
    if (rewritten || history.generation() != shownGeneration_ ||
        history.settledCount() < shownSettled_) {
        shownGeneration_ = history.generation();
        shownSettled_ = 0;
        settledExtremes_ = {};
    }
    for (std::size_t i = shownSettled_; i < history.settledCount(); ++i)
        settledExtremes_.add(points[i].loss);
    shownSettled_ = history.settledCount();
    extremes_ = settledExtremes_;
    for (std::size_t i = shownSettled_; i < points.size(); ++i)
        extremes_.add(points[i].loss);
}

void LossPlot::showRateMarkers() {
    for (const RateMarker& marker : markers_) {
        plot_->removeItem(marker.line);
        plot_->removeItem(marker.label);
    }
    markers_.clear();
    const QPen pen(Palette::marker(), zoomedWidth(1.5, model_->zoomFactor()), Qt::DashLine);
    for (const RateChange& change : model_->rateMarkers()) {
        auto* line = new QCPItemStraightLine(plot_);
        line->setPen(pen);
        line->point1->setCoords(double(change.iteration), 1.0);
        line->point2->setCoords(double(change.iteration), 2.0);
        auto* label = new QCPItemText(plot_);
        label->setObjectName("rateMarkerLabel");
        label->position->setTypeX(QCPItemPosition::ptPlotCoords);
        label->position->setTypeY(QCPItemPosition::ptAbsolute);
        label->position->setCoords(double(change.iteration), 0);
        label->setPadding(QMargins(4, 0, 4, 0));
        label->setColor(Palette::marker());
        label->setFont(plot_->xAxis->tickLabelFont());
        label->setText(tr("lr %1").arg(change.learningRate, 0, 'g', 4));
        markers_.push_back({line, label});
    }
}

// As many loss ticks as their labels leave room for, in a short plot or at a large zoom.
void LossPlot::fitTicks() {
    const qreal line = QFontMetricsF(plot_->yAxis->tickLabelFont()).height();
    const int fit = int(plot_->axisRect()->height() / (kTickLines * line));
    plot_->yAxis->ticker()->setTickCount(std::clamp(fit, 2, kMostTicks));
}

// Puts each marker label in the first row at the top of the plot where it overlaps neither
// another label nor the regime's name: right of its line, or left of it near the right edge.
// A label that finds no place in kMarkerRows rows is left out (hovering its line names it).
void LossPlot::placeMarkerLabels() {
    const QRect area = plot_->axisRect()->rect();
    const QFontMetricsF metrics(plot_->xAxis->tickLabelFont());
    const qreal rowHeight = metrics.height() + 2;
    std::vector<QRectF> taken;
    if (!regimeLabel_->text().isEmpty())
        taken.push_back(QRectF(regimeLabel_->topLeft->pixelPosition(),
                               regimeLabel_->bottomRight->pixelPosition()));
    for (const QRectF& note : notes_->occupied())
        taken.push_back(note);
    for (const RateMarker& marker : markers_) {
        const qreal x = plot_->xAxis->coordToPixel(marker.line->point1->coords().x());
        const qreal width = metrics.horizontalAdvance(marker.label->text()) + 8;
        const bool leftOfLine = x + width > area.right();
        const qreal left = leftOfLine ? x - width : x;
        marker.label->setVisible(false);
        if (x < area.left() || x > area.right()) continue;
        for (int row = 0; row < kMarkerRows; ++row) {
            const QRectF box(left, area.top() + 2 + row * rowHeight, width, rowHeight);
            const QRectF room = box.adjusted(-kMarkerGap / 2, 0, kMarkerGap / 2, 0);
            if (std::any_of(taken.begin(), taken.end(),
                            [&](const QRectF& other) { return other.intersects(room); }))
                continue;
            taken.push_back(box);
            marker.label->position->setCoords(marker.line->point1->coords().x(), box.top());
            marker.label->setPositionAlignment(Qt::AlignTop |
                                               (leftOfLine ? Qt::AlignRight : Qt::AlignLeft));
            marker.label->setVisible(true);
            break;
        }
    }
}

void LossPlot::showPreview() {
    const std::vector<double>& losses = model_->previewLosses();
    const long long first = model_->iteration();
    QVector<QCPGraphData> points;
    previewExtremes_ = {};
    for (std::size_t i = 0; i < losses.size(); ++i) {
        points.append({double(first + static_cast<long long>(i)), losses[i]});
        previewExtremes_.add(losses[i]);
    }
    preview_->data()->set(points, true);
}

void LossPlot::showRegime() {
    const core::Regime regime = model_->regime();
    const QColor color = Palette::regime(regime);
    regimeLabel_->setText(QString::fromUtf8(core::regimeName(regime).data()));
    regimeLabel_->setColor(color);
    regimeLabel_->setPen(QPen(color, zoomedWidth(1, model_->zoomFactor())));
    regimeLabel_->setBrush(QBrush(palette().color(QPalette::Base)));
}

void LossPlot::showPins() {
    pinned_.show(*model_);
    updatePinnedMenu();
}

void LossPlot::rescale() {
    // The pinned runs of this problem and the preview count too; a preview that explodes counts
    // only up to a hundred times the run's own highest loss, so the run stays readable.
    LossExtremes extremes = extremes_;
    long long last = model_->history().size() - 1;
    pinned_.include(extremes, last);
    if (!preview_->data()->isEmpty()) {
        const double cap = std::isfinite(extremes_.high) ? kPreviewCap * extremes_.high : INFINITY;
        for (double v : {previewExtremes_.low, std::min(previewExtremes_.high, cap),
                         previewExtremes_.lowPositive})
            extremes.add(v);
        last = std::max(last, model_->iteration() + preview_->dataCount() - 1);
    }
    const double width = std::max(double(last), 10.0);
    plot_->xAxis->setRange(-kLeftRoom * width, width * (1 + kRightRoom));
    if (logScale()) {
        if (std::isfinite(extremes.lowPositive)) {
            // Room in proportion to the decades shown, so the highest point stays clear of the
            // edge when the curve spans hundreds of them.
            const double decades = std::log10(extremes.high / extremes.lowPositive);
            const double room =
                std::pow(10.0, std::max(std::log10(kLogMargin), kLogShare * decades));
            plot_->yAxis->setRange(extremes.lowPositive / room, extremes.high * room);
        }
    } else if (std::isfinite(extremes.low)) {
        // A flat curve (one point, or a stalled run) gets a tenth of its value around it.
        const double span = extremes.high - extremes.low;
        const double margin = span > 1e-9 * std::abs(extremes.high)
                                  ? span * kLinearMargin
                                  : std::max(std::abs(extremes.high) * 0.1, 1e-9);
        plot_->yAxis->setRange(std::max(0.0, extremes.low - margin), extremes.high + margin);
    }
}

QString LossPlot::hoverText(const QPoint& position) const {
    for (const RateMarker& marker : markers_) {
        const double x = marker.line->point1->coords().x();
        if (std::abs(plot_->xAxis->coordToPixel(x) - position.x()) <= kMarkerHoverPixels)
            return tr("%1 from iteration %2").arg(marker.label->text()).arg(qint64(x));
    }
    const auto nearest = curve_->nearestPoint(position, kHoverPixels);
    if (!nearest) return {};
    return tr("iteration %1\nloss %2").arg(nearest->iteration).arg(nearest->loss, 0, 'g', 6);
}

void LossPlot::showHover(QMouseEvent* event) {
    const QString text = hoverText(event->pos());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, plot_);
}

}  // namespace ui
