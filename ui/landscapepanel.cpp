#include "landscapepanel.h"

#include <QApplication>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace ui {

namespace {

using Change = TrainingController::Change;

constexpr double kReplaySeconds = 0.1;  // work of one piece of the path's replay

std::map<long long, double> ratesOf(const std::vector<RateChange>& changes) {
    std::map<long long, double> rates;
    for (const RateChange& change : changes)
        rates[change.iteration] = change.learningRate;
    return rates;
}

// The first iteration whose update two records of rates make differently (or none).
std::optional<long long> firstDifference(const std::map<long long, double>& one,
                                         const std::map<long long, double>& other) {
    std::optional<long long> first;
    const auto note = [&](long long iteration) {
        first = std::min(first.value_or(iteration), iteration);
    };
    for (const auto& [iteration, rate] : one)
        if (auto found = other.find(iteration); found == other.end() || found->second != rate)
            note(iteration);
    for (const auto& [iteration, rate] : other)
        if (!one.contains(iteration)) note(iteration);
    return first;
}

}  // namespace

LandscapePanel::LandscapePanel(TrainingController* model, QWidget* parent)
    : QWidget(parent),
      model_(model),
      controls_(new LandscapeControls),
      plot_(new LandscapePlot),
      note_(new QLabel),
      replay_(std::make_shared<TrajectoryReplay>()) {
    setObjectName("landscapePanel");
    setAccessibleName(tr("Loss landscape"));
    setToolTip(
        tr("The loss E over two parameters around the current state, every other "
           "parameter fixed, with the run's path projected on it"));
    note_->setObjectName("landscapeNote");
    note_->setWordWrap(true);
    note_->setContentsMargins(4, 0, 4, 0);
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    column->addWidget(controls_);
    column->addWidget(note_);
    column->addWidget(plot_, 1);
    controls_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    plot_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    throttle_.setSingleShot(true);
    connect(&throttle_, &QTimer::timeout, this, &LandscapePanel::askMap);
    connect(controls_, &LandscapeControls::changed, this, &LandscapePanel::recentre);
    connect(controls_, &LandscapeControls::centreRequested, this, &LandscapePanel::recentre);
    connect(model_, &TrainingController::changed, this, &LandscapePanel::refresh);
    refresh(Change::Session);
}

void LandscapePanel::refresh(TrainingController::Changes what) {
    if (model_->snapshot().isEmpty()) return;
    if (what & Change::Session) {
        controls_->setTopology(model_->snapshot().topology());
        landscape_.reset();
        centre_.reset();
        recentre_ = true;
    }
    // Hidden (the decision map's tab is shown), it does nothing per frame: showing it catches up.
    if (!(what & (Change::Session | Change::Step | Change::Run)) || !isVisible()) return;
    followRun();
    drawPath();
    if (what & (Change::Session | Change::Step)) scheduleMap();
}

void LandscapePanel::recentre() {
    recentre_ = true;
    throttle_.stop();
    askMap();
}

// The map anew, now or, while the state moves fast, kThrottleMs after the last one.
void LandscapePanel::scheduleMap() {
    if (throttle_.isActive()) return;
    const qint64 since = lastAsked_.isValid() ? lastAsked_.elapsed() : kThrottleMs;
    throttle_.start(int(std::max<qint64>(0, kThrottleMs - since)));
}

bool LandscapePanel::pointLeftMiddle() const {
    if (!landscape_) return true;
    const auto [a, b] = landscape_->plane().project(model_->snapshot().parametersBefore());
    const core::LandscapeGrid& grid = landscape_->grid();
    return !(std::abs(a) <= kMiddle * grid.firstSpan && std::abs(b) <= kMiddle * grid.secondSpan);
}

void LandscapePanel::askMap() {
    if (model_->snapshot().isEmpty() || !isVisible()) return;
    const core::StepSnapshot& step = model_->snapshot();
    const core::Parameters now = step.parametersBefore();
    const LandscapeAxes axes = controls_->axes();
    // The centre moves to the current point when asked, and when the point left the middle.
    if (recentre_ || !centre_ || pointLeftMiddle()) {
        centre_ = now;
        pair_ = axes == LandscapeAxes::Steepest
                    ? steepestPair(step)
                    : std::pair(controls_->first(), controls_->second());
        if (axes == LandscapeAxes::Steepest) controls_->showPair(pair_.first, pair_.second);
    } else if (axes == LandscapeAxes::Curvature && landscape_ && !recentre_) {
        return;  // its plane stays fixed through the centre: nothing new to draw
    }
    recentre_ = false;
    lastAsked_.start();
    LandscapeRequest request{.topology = step.topology(),
                             .samples = step.samples(),
                             .trainBiases = model_->session().config.trainBiases,
                             .axes = axes,
                             .origin = {},
                             .first = pair_.first,
                             .second = pair_.second,
                             .span = controls_->span(),
                             .path = {}};
    for (const TrajectoryPoint& point : path())
        request.path.push_back(point.parameters);
    // Along parameters: every other parameter as it is now, the two at the centre's values.
    request.origin = axes == LandscapeAxes::Curvature ? *centre_ : now;
    QPointF offset;
    if (axes != LandscapeAxes::Curvature) {
        const auto set = [&](int index) {
            const int weights = int(now.weights.size());
            double& value = index < weights ? request.origin.weights[index]
                                            : request.origin.biases[index - weights];
            value = core::flatParameter(*centre_, index);
            return value;
        };
        offset = QPointF(set(pair_.first), set(pair_.second));
    }
    const QString first =
        axes == LandscapeAxes::Curvature ? tr("eigenvector 1") : parameterName(pair_.first);
    const QString second =
        axes == LandscapeAxes::Curvature ? tr("eigenvector 2") : parameterName(pair_.second);
    mapJob_.ask([this, request = std::move(request), offset, first,
                 second](const std::atomic<bool>& cancelled) -> std::function<void()> {
        auto answer = std::make_shared<LandscapeAnswer>(computeLandscape(request, &cancelled));
        return [this, answer, offset, first, second] {
            take(std::move(*answer), offset, first, second);
        };
    });
}

void LandscapePanel::take(LandscapeAnswer answer, QPointF offset, QString firstName,
                          QString secondName) {
    problem_ = answer.problem;
    landscape_ = std::move(answer.landscape);
    eigenvalues_ = answer.eigenvalues;
    // Where none can be computed, no map of an earlier plane stays drawn beside the reason.
    if (landscape_)
        plot_->showLandscape(*landscape_, offset, firstName, secondName);
    else
        plot_->clear();
    drawPath();
}

// The run the path belongs to changed (another start, another rate before where it got): the
// points past the change go, and the replay follows the new run.
void LandscapePanel::followRun() {
    core::NetworkConfig start = model_->session().config;
    start.learningRate = 0.0;
    std::map<long long, double> rates = ratesOf(model_->rateChanges());
    if (start != pathStart_) {
        replayed_.clear();
        replayedTo_ = 0;
    } else if (const auto changed = firstDifference(rates, pathRates_)) {
        std::erase_if(replayed_,
                      [&](const TrajectoryPoint& point) { return point.iteration > *changed; });
        replayedTo_ = std::min(replayedTo_, *changed);
    } else {
        if (replayedTo_ < model_->snapshot().iteration() && !pathJob_.isBusy()) askPath();
        return;
    }
    pathStart_ = std::move(start);
    pathRates_ = std::move(rates);
    askPath();
}

// The run replayed on a worker up to the step shown, a piece at a time.
void LandscapePanel::askPath() {
    if (!isVisible()) return;
    const long long target = model_->snapshot().iteration();
    core::NetworkConfig start = model_->session().config;
    pathJob_.ask([this, replay = replay_, start, rates = pathRates_,
                  target](const std::atomic<bool>& cancelled) -> std::function<void()> {
        replay->replay(start, rates, target, kReplaySeconds, &cancelled);
        return [this, points = replay->points(), reached = replay->reached()]() mutable {
            replayed_ = std::move(points);
            replayedTo_ = reached;
            drawPath();
            if (replayedTo_ < model_->snapshot().iteration()) askPath();
        };
    });
}

std::vector<TrajectoryPoint> LandscapePanel::path() const {
    std::vector<TrajectoryPoint> points;
    if (model_->snapshot().isEmpty()) return points;
    const long long shown = model_->snapshot().iteration();
    for (const TrajectoryPoint& point : replayed_)
        if (point.iteration < shown) points.push_back(point);
    points.push_back({shown, model_->snapshot().parametersBefore()});
    return points;
}

std::vector<QPointF> LandscapePanel::pathCoordinates() const {
    std::vector<QPointF> coordinates;
    if (!landscape_) return coordinates;
    for (const TrajectoryPoint& point : path()) {
        const auto [a, b] = landscape_->plane().project(point.parameters);
        coordinates.emplace_back(a, b);
    }
    return coordinates;
}

void LandscapePanel::drawPath() {
    const std::vector<QPointF> coordinates = pathCoordinates();
    plot_->showPath(coordinates);
    // A fitted span holds the whole path: a path grown past the map (its replay came) fits anew.
    const auto outside = [this](QPointF point) {
        return std::abs(point.x()) > landscape_->grid().firstSpan ||
               std::abs(point.y()) > landscape_->grid().secondSpan;
    };
    if (landscape_ && !controls_->span() &&
        std::any_of(coordinates.begin(), coordinates.end(), outside))
        recentre_ = true;
    if (landscape_ && (recentre_ || pointLeftMiddle())) scheduleMap();
    describe();
}

// What the map shows, in the plot's tooltip; a line above it only for what the picture cannot
// say (no landscape, or a path not replayed as far as the step shown yet).
void LandscapePanel::describe() {
    const long long shown = model_->snapshot().iteration();
    plot_->setToolTip(
        controls_->axes() == LandscapeAxes::Curvature && eigenvalues_.size() == 2
            ? tr("E on the plane of the Hessian's top two eigenvectors at the map's centre "
                 "(λ1 = %1, λ2 = %2); the line is the run's path projected on it, the orange "
                 "disc the current point")
                  .arg(eigenvalues_[0], 0, 'g', 4)
                  .arg(eigenvalues_[1], 0, 'g', 4)
            : tr("E over %1 and %2, every other parameter as at iteration %3; the line is the "
                 "run's path, the orange disc the current point")
                  .arg(parameterName(pair_.first), parameterName(pair_.second))
                  .arg(shown));
    QString note = problem_;
    if (note.isEmpty() && replayedTo_ < shown && shown > 0)
        note = tr("The path is replayed up to iteration %1 so far.").arg(replayedTo_);
    note_->setText(note);
    note_->setHidden(note.isEmpty());
}

std::pair<int, int> LandscapePanel::steepestPair(const core::StepSnapshot& step) {
    std::vector<std::pair<double, int>> sizes;
    const auto weights = step.dLoss_dWeights();
    const auto biases = step.dLoss_dBiases();
    for (int w = 0; w < int(weights.size()); ++w)
        sizes.emplace_back(std::abs(weights[w]), w);
    // Trained biases count as the weights do (oscillate swings along b2); frozen ones only where
    // there are fewer than two weights.
    if (step.trainsBiases() || weights.size() < 2)
        for (int b = 0; b < int(biases.size()); ++b)
            sizes.emplace_back(std::abs(biases[b]), int(weights.size()) + b);
    std::stable_sort(sizes.begin(), sizes.end(),
                     [](const auto& one, const auto& other) { return one.first > other.first; });
    return {sizes[0].second, sizes[1].second};
}

QString LandscapePanel::parameterName(int index) const {
    const core::Topology& topology = model_->snapshot().topology();
    return QString::fromStdString(index < topology.weightCount()
                                      ? topology.weightName(index)
                                      : topology.biasName(index - topology.weightCount()));
}

bool LandscapePanel::isBusy() const {
    return throttle_.isActive() || mapJob_.isBusy() || pathJob_.isBusy();
}

bool LandscapePanel::waitUntilIdle(int timeoutMilliseconds) {
    QElapsedTimer clock;
    clock.start();
    while (isBusy() || model_->isStepPending()) {
        if (clock.elapsed() > timeoutMilliseconds) return false;
        QApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    return true;
}

QSize LandscapePanel::sizeHint() const {
    const int em = fontMetrics().height();
    return {24 * em, 18 * em};
}

QSize LandscapePanel::minimumSizeHint() const {
    const int em = fontMetrics().height();
    return {14 * em, 8 * em};  // as the decision map's
}

void LandscapePanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    // Nothing is computed or drawn while hidden: the map and the path catch up now.
    followRun();
    drawPath();
    throttle_.stop();
    askMap();
}

}  // namespace ui
