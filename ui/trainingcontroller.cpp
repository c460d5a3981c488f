#include "trainingcontroller.h"

#include <algorithm>
#include <cmath>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>

#include "core/markup.h"
#include "workerprobes.h"
#include "zoomlevels.h"

namespace ui {

namespace {

// Work done at once, on the UI thread, when it costs well under a millisecond (see passWork and
// snapshotWork); more goes to a worker.
constexpr double kInlineSnapshotWork = 1e5;  // values of a step's snapshot
constexpr double kInlineReplayWork = 2e6;    // multiply-adds of a replay

}  // namespace

TrainingController::Batch::Batch(TrainingController& model) : model_(model) {
    ++model_.batchDepth_;
}

TrainingController::Batch::~Batch() {
    if (--model_.batchDepth_ == 0) model_.publish();
}

TrainingController::TrainingController(QObject* parent) : QObject(parent) {
    // Set while the stack is empty, as QUndoStack requires.
    undoStack_.setUndoLimit(undoLimit);
}

TrainingController::~TrainingController() = default;

void TrainingController::start(const core::Trainer& start) {
    pendingPosition_.reset();
    work_.cancelAll();
    ++runGeneration_;
    run_.restart(start);
    beforeDrag_.reset();
    previewLosses_.clear();
    position_ = shown_.wholeIteration(0);
    if (granularity_ != core::Granularity::Iteration) position_.revealed = 0;
    pending_ |= Change::Step | Change::Run | Change::Rate | Change::Preview | Change::Work;
}

session::Session TrainingController::session() const {
    session::Session current = session_;
    if (!run_.isEmpty()) current.config.learningRate = learningRate();
    return current;
}

session::Session TrainingController::trainedSession() const {
    session::Session current = session();
    if (!run_.isEmpty()) core::storeParameters(run_.trainer().parameters(), current.config);
    return current;
}

bool TrainingController::isCurrentProblem(const PinnedRun& pin) const {
    return pin.problem == problemOf(session_.config);
}

int TrainingController::shownSample() const {
    if (const core::Term* term = reveal_.currentTerm(); term && term->quantity.sample >= 0)
        return term->quantity.sample;
    return chosenSample_;
}

void TrainingController::stepForward() {
    if (run_.isEmpty()) return;
    const Batch batch(*this);
    // From where a jump on its way goes, so that presses made while it replays all count.
    const core::StepCursor cursor(shown_.shape());
    moveTo(cursor.next(pendingPosition_.value_or(position_), granularity_));
}

void TrainingController::stepBack() {
    if (run_.isEmpty()) return;
    const Batch batch(*this);
    const core::StepPosition from = pendingPosition_.value_or(position_);
    if (const auto previous = core::StepCursor(shown_.shape()).previous(from, granularity_))
        moveTo(*previous);
}

void TrainingController::step() {
    run(1);
}

long long TrainingController::run(long long iterations) {
    // While a jump replays, nothing trains: training goes on from there once it is done.
    if (run_.isEmpty() || iterations <= 0 || pendingPosition_) return 0;
    const Batch batch(*this);
    const long long from = run_.trainer().iteration();
    run_.goTo(from + iterations);
    position_ = shown_.wholeIteration(run_.trainer().iteration());
    pending_ |= Change::Step | Change::Run | Change::Reveal;
    return run_.trainer().iteration() - from;
}

void TrainingController::seek(long long iteration) {
    if (run_.isEmpty()) return;
    const Batch batch(*this);
    iteration = std::clamp(iteration, 0LL, recordedEnd());
    restoreTo(granularity_ == core::Granularity::Iteration ? shown_.wholeIteration(iteration)
                                                           : core::StepPosition{iteration, 0});
}

void TrainingController::setGranularity(core::Granularity granularity) {
    if (granularity == granularity_) return;
    const Batch batch(*this);
    const bool wasWhole = granularity_ == core::Granularity::Iteration;
    granularity_ = granularity;
    // A whole iteration is always all of the step but its update; stepping through terms or
    // phases starts at the beginning of the current step.
    for (core::StepPosition* position :
         {&position_, pendingPosition_ ? &*pendingPosition_ : nullptr}) {
        if (!position) continue;
        if (granularity == core::Granularity::Iteration)
            *position = shown_.wholeIteration(position->iteration);
        else if (wasWhole)
            position->revealed = 0;
    }
    pending_ |= Change::Granularity | Change::Reveal;
}

void TrainingController::moveTo(core::StepPosition target) {
    // Within the record, a jump (replayed on a worker when long); beyond it, training on.
    if (target.iteration != position_.iteration && target.iteration <= recordedEnd())
        return restoreTo(target);
    dropPendingRestore();
    if (target.iteration != position_.iteration) {
        // Training goes on from the record's end: a long way back to it is a jump first.
        if (run_.replayWork(recordedEnd()) > kInlineReplayWork)
            return restoreTo(shown_.wholeIteration(recordedEnd()));
        run_.goTo(target.iteration);
        // A step that blew up has no update: stay at its last values.
        if (run_.trainer().iteration() < target.iteration)
            target = shown_.wholeIteration(run_.trainer().iteration());
        pending_ |= Change::Step | Change::Run;
    }
    if (target != position_) pending_ |= Change::Reveal;
    position_ = target;
}

bool TrainingController::pinRun() {
    if (run_.isEmpty() || int(pins_.size()) >= PinnedRun::maximum || history().size() == 0)
        return false;
    const Batch batch(*this);
    pins_.push_back(pinnedRunOf(run_, sessionName_, session_.config));
    pending_ |= Change::Pins;
    return true;
}

void TrainingController::removePin(int index) {
    if (index < 0 || index >= int(pins_.size())) return;
    const Batch batch(*this);
    pins_.erase(pins_.begin() + index);
    pending_ |= Change::Pins;
}

void TrainingController::setKeepPins(bool keep) {
    if (keep == keepPins_) return;
    const Batch batch(*this);
    keepPins_ = keep;
    pending_ |= Change::Pins;
}

void TrainingController::setDigits(int digits) {
    digits = std::clamp(digits, core::DigitsRange::min, core::DigitsRange::max);
    if (digits == digits_) return;
    const Batch batch(*this);
    digits_ = digits;
    pending_ |= Change::Display;
}

void TrainingController::setZoom(int percent) {
    percent = std::clamp(percent, ZoomLevels::smallest, ZoomLevels::largest);
    if (percent == zoom_) return;
    const Batch batch(*this);
    zoom_ = percent;
    pending_ |= Change::Zoom;
}

void TrainingController::setChosenSample(int sample) {
    const int count = snapshot().isEmpty() ? 1 : snapshot().sampleCount();
    sample = std::clamp(sample, 0, count - 1);
    if (sample == chosenSample_) return;
    const Batch batch(*this);
    chosenSample_ = sample;
    pending_ |= Change::Display;
}

void TrainingController::publish() {
    Changes what = std::exchange(pending_, {});
    if (run_.isEmpty() || !what) return;
    derive(what);
    emit changed(what);
}

void TrainingController::derive(Changes& what) {
    if (what & Change::Step) deriveStep(what);
    if (what & (Change::Step | Change::Reveal | Change::Granularity)) {
        const core::StepShape shape = shown_.shape();
        position_.revealed = std::min(position_.revealed, std::max(shape.total, shape.summary()));
        const bool whole = granularity_ == core::Granularity::Iteration;
        reveal_ = core::StepReveal(snapshot(), whole ? nullptr : explanation(), position_.revealed);
        stepSummary_.reset();
        if (finishedPhase() == core::Phase::Update)
            stepSummary_ = core::summarizeStep(snapshot(), shown_.lossAfter(run_.trainer()));
    }
    if (beforeDrag_ && (what & (Change::Step | Change::Rate))) {
        askPreview();
        what |= Change::Preview | Change::Work;
    }
}

void TrainingController::deriveStep(Changes& what) {
    if (!std::exchange(stepKnown_, false)) {
        // A large network's step goes to a worker; the views keep the step shown until it comes.
        if (snapshotWork(run_.trainer()) > kInlineSnapshotWork) {
            askStep();
            what |= Change::Work;
            return;
        }
        work_.cancel(BackgroundWork::Lane::Step);
        shown_ = ShownStep(run_.trainer().preview(), explanationDigits);
        shownGeneration_ = runGeneration_;
    }
    if (run_.recordLoss(snapshot().iteration(), snapshot().loss())) what |= Change::Run;
    deriveRegime();
    checkedGradient_.reset();
    if (checkedParameter_ >= 0) askCheck();
    curvature_.follow(snapshot());
    what |= Change::Regime | Change::Check | Change::Work;
}

void TrainingController::deriveRegime() {
    // At the step shown: read off the curve while it keeps every loss of the window, else
    // replayed from the checkpoint before the window, on a worker.
    if (const auto regime = shown_.regime(history())) {
        work_.cancel(BackgroundWork::Lane::Regime);
        regime_ = *regime;
        return;
    }
    const core::StepSnapshot& step = snapshot();
    const long long from = std::max(0LL, step.iteration() - core::RegimeRule::window);
    const auto& rates = run_.record().rates();
    work_.askRegime(run_.replayStart(from), rates, step.iteration(), step,
                    [this](core::Regime regime) {
                        const Batch batch(*this);
                        regime_ = regime;
                        pending_ |= Change::Regime | Change::Work;
                    });
}

void TrainingController::askStep() {
    work_.askStep(run_.probe(), [this, asked = runGeneration_](core::StepSnapshot step,
                                                               bool latest) {
        // A step asked before the last one still shows, if no newer one does and the run is the
        // same: a large network's step of a few iterations ago, while it plays.
        const bool newer = shownGeneration_ != asked || step.iteration() > snapshot().iteration();
        if (!latest && !(asked == runGeneration_ && newer && step.iteration() <= iteration()))
            return;
        const Batch batch(*this);
        shown_ = ShownStep(std::move(step), explanationDigits);
        shownGeneration_ = asked;
        stepKnown_ = true;
        pending_ |= Change::Step | Change::Work;
    });
}

void TrainingController::askPreview() {
    previewLosses_.clear();
    previewRegime_ = core::Regime::Starting;
    work_.askPreview(run_.probe(), previewIterations, [this](std::vector<double> losses) {
        if (!beforeDrag_) return;
        const Batch batch(*this);
        previewLosses_ = std::move(losses);
        // The last answer (the lane idle again) is the whole preview.
        if (!work_.isBusy(BackgroundWork::Lane::Preview))
            previewRegime_ = core::previewRegime(previewLosses_, previewIterations,
                                                 core::trainedGradientNorm(snapshot()));
        pending_ |= Change::Preview | Change::Work;
    });
}

bool TrainingController::waitForBackgroundWork(int timeoutMilliseconds) {
    // The curvature may wait for its interval without a question on a lane.
    const QDeadlineTimer deadline(timeoutMilliseconds);
    while (work_.waitUntilIdle(int(std::max<qint64>(0, deadline.remainingTime())))) {
        curvature_.resume();
        if (!curvature_.isPending() && !work_.isBusy()) return true;
        if (deadline.hasExpired()) return false;
        QThread::msleep(5);
        QCoreApplication::processEvents();
    }
    return false;
}

std::optional<double> TrainingController::stableRate() const {
    const auto& measure = curvature();
    if (!measure || !measure->finite) return std::nullopt;
    return core::stableRate(measure->lambdaMax, momentum());
}

void TrainingController::setCheckedParameter(int index) {
    if (run_.isEmpty()) return;
    const core::Topology& topology = run_.trainer().topology();
    if (index < 0 || index >= topology.weightCount() + topology.biasCount()) index = -1;
    if (index == checkedParameter_) return;
    const Batch batch(*this);
    checkedParameter_ = index;
    checkedGradient_.reset();
    // The check is of the step shown: one on its way is checked when it comes.
    if (index >= 0 && !isStepPending())
        askCheck();
    else
        work_.cancel(BackgroundWork::Lane::Check);
    pending_ |= Change::Check | Change::Work;
}

void TrainingController::askCheck() {
    // At the step shown (a large network's may be a few iterations behind the trainer).
    core::Trainer at = run_.probe();
    at.restore(snapshot().parametersBefore(), snapshot().iteration(), snapshot().velocityBefore());
    work_.askCheck(at, checkedParameter_, [this](double difference) {
        const Batch batch(*this);
        checkedGradient_ = difference;
        pending_ |= Change::Check | Change::Work;
    });
}

void TrainingController::restoreTo(core::StepPosition target) {
    if (run_.replayWork(target.iteration) <= kInlineReplayWork) {
        dropPendingRestore();
        run_.goTo(target.iteration);
        return arrive(target);
    }
    // A long replay goes to a worker; the position stays until it is done.
    pendingPosition_ = target;
    pending_ |= Change::Work;
    const auto& rates = run_.record().rates();
    work_.askRestore(run_.replayStart(target.iteration), rates, target.iteration,
                     [this](core::Trainer trainer) {
                         const Batch batch(*this);
                         run_.adopt(std::move(trainer));
                         arrive(*std::exchange(pendingPosition_, std::nullopt));
                         pending_ |= Change::Work;
                     });
}

void TrainingController::arrive(core::StepPosition target) {
    // A run that blew up stops short of the target: stay at its last values.
    const long long reached = run_.trainer().iteration();
    if (reached < target.iteration) target = shown_.wholeIteration(reached);
    if (target.iteration != position_.iteration) pending_ |= Change::Step;
    if (target != position_) pending_ |= Change::Reveal;
    position_ = target;
}

void TrainingController::dropPendingRestore() {
    if (!pendingPosition_) return;
    pendingPosition_.reset();
    work_.cancel(BackgroundWork::Lane::Restore);
    pending_ |= Change::Work;
}

}  // namespace ui
