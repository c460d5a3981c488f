#include "trainingcontroller.h"

#include <algorithm>
#include <cmath>

#include "core/markup.h"
#include "core/probe.h"
#include "core/trainer.h"
#include "core/traininghistory.h"

namespace ui {

namespace {

constexpr int kExplanationDigits = core::DigitsRange::workedExample;
constexpr double kSmallestRate = 1e-12;  // a rate of 0 or below is taken as this
constexpr long long kChunk = 1 << 16;    // updates between recording their losses
constexpr int kRatesInPinLabel = 3;      // rates a pinned run's label lists before eliding

// The problem a session poses, whatever the rate: what pinned runs are compared on.
core::NetworkConfig problemOf(const core::NetworkConfig& config) {
    core::NetworkConfig problem = config;
    problem.learningRate = 0.0;
    return problem;
}

}  // namespace

// What a drag of the rate may have to give back.
struct TrainingController::RunState {
    core::Trainer trainer;
    core::TrainingHistory record;
    core::LossHistory losses;
    std::map<long long, int> gestureAt;
    core::StepPosition position;
};

TrainingController::Batch::Batch(TrainingController& model) : model_(model) {
    ++model_.batchDepth_;
}

TrainingController::Batch::~Batch() {
    if (--model_.batchDepth_ == 0) model_.publish();
}

TrainingController::TrainingController(QObject* parent) : QObject(parent) {}

TrainingController::~TrainingController() = default;

void TrainingController::load(const session::Session& session, const QString& name) {
    const Batch batch(*this);
    trainer_ = std::make_unique<core::Trainer>(session.config);
    session_ = session;
    sessionName_ = name;
    // Every step of this network ends its phases at the same terms.
    const core::StepShape shape = core::stepShape(trainer_->preview());
    forwardEnd_ = shape.forwardEnd;
    backwardEnd_ = shape.backwardEnd;
    if (!keepPins_)
        std::erase_if(
            pins_, [&](const PinnedRun& pin) { return pin.problem != problemOf(session.config); });
    chosenSample_ = 0;
    pending_ |= Change::Session | Change::Pins | Change::Display;
    start();
}

void TrainingController::reset() {
    if (!trainer_) return;
    const Batch batch(*this);
    const double rate = trainer_->learningRate();
    trainer_->reset();
    trainer_->setLearningRate(rate);
    start();
}

void TrainingController::start() {
    record_ = std::make_unique<core::TrainingHistory>(*trainer_);
    losses_.clear();
    gestureAt_.clear();
    beforeDrag_.reset();
    previewLosses_.clear();
    position_ = wholeIteration(0);
    if (granularity_ != core::Granularity::Iteration) position_.revealed = 0;
    pending_ |= Change::Step | Change::Run | Change::Rate | Change::Preview;
}

session::Session TrainingController::session() const {
    session::Session current = session_;
    if (trainer_) current.config.learningRate = trainer_->learningRate();
    return current;
}

session::Session TrainingController::trainedSession() const {
    session::Session current = session();
    if (trainer_) core::storeParameters(trainer_->parameters(), current.config);
    return current;
}

std::shared_ptr<const core::Explanation> TrainingController::explanation() const {
    if (!explanation_ && !preview_.isEmpty())
        explanation_ = std::make_shared<const core::Explanation>(preview_, kExplanationDigits);
    return explanation_;
}

long long TrainingController::recordedEnd() const {
    return record_ ? record_->end() : 0;
}

double TrainingController::learningRate() const {
    return trainer_ ? trainer_->learningRate() : 0.0;
}

std::vector<RateChange> TrainingController::rateChanges() const {
    std::vector<RateChange> changes;
    if (record_)
        for (const auto& [iteration, rate] : record_->rates())
            changes.push_back({iteration, rate});
    return changes;
}

std::vector<RateChange> TrainingController::rateMarkers() const {
    std::vector<RateChange> markers;
    int previous = -1;
    for (const RateChange& change : rateChanges()) {
        if (change.iteration == 0) continue;  // the initial rate is no change
        const auto found = gestureAt_.find(change.iteration);
        const int gesture = found == gestureAt_.end() ? -1 : found->second;
        // The changes of one drag make one marker, with the rate the drag ended on.
        if (gesture >= 0 && gesture == previous)
            markers.back().learningRate = change.learningRate;
        else
            markers.push_back(change);
        previous = gesture;
    }
    return markers;
}

bool TrainingController::isCurrentProblem(const PinnedRun& pin) const {
    return pin.problem == problemOf(session_.config);
}

int TrainingController::shownSample() const {
    if (const core::Term* term = reveal_.currentTerm(); term && term->quantity.sample >= 0)
        return term->quantity.sample;
    return chosenSample_;
}

double TrainingController::finiteDifference(int index) const {
    return trainer_ ? core::centralDifference(*trainer_, index) : 0.0;
}

std::size_t TrainingController::historyBytes() const {
    return (record_ ? record_->memoryBytes() : 0) +
           losses_.points().capacity() * sizeof(core::LossHistory::Point);
}

core::StepPosition TrainingController::wholeIteration(long long iteration) const {
    return {iteration, backwardEnd_};
}

std::optional<core::Phase> TrainingController::finishedPhase() const {
    const core::StepShape shape = this->shape();
    const int revealed = position_.revealed;
    switch (granularity_) {
        case core::Granularity::Iteration:
            break;
        case core::Granularity::Phase:
            if (revealed == shape.forwardEnd) return core::Phase::Forward;
            if (revealed == shape.backwardEnd) return core::Phase::Backward;
            if (revealed == shape.total && shape.updates()) return core::Phase::Update;
            break;
        case core::Granularity::Term:
            if (revealed == shape.summary() && shape.updates()) return core::Phase::Update;
            break;
    }
    return std::nullopt;
}

core::StepShape TrainingController::shape() const {
    // A step that blows up makes no update: its terms end with the backward pass.
    const int updates = preview_.topology().weightCount() +
                        (preview_.trainsBiases() ? preview_.topology().biasCount() : 0);
    return {forwardEnd_, backwardEnd_, backwardEnd_ + (preview_.updated() ? updates : 0)};
}

void TrainingController::stepForward() {
    if (!trainer_) return;
    const Batch batch(*this);
    moveTo(core::StepCursor(shape()).next(position_, granularity_));
}

void TrainingController::stepBack() {
    if (!trainer_) return;
    const Batch batch(*this);
    if (const auto previous = core::StepCursor(shape()).previous(position_, granularity_))
        moveTo(*previous);
}

void TrainingController::step() {
    run(1);
}

long long TrainingController::run(long long iterations) {
    if (!trainer_ || iterations <= 0) return 0;
    const Batch batch(*this);
    const long long from = trainer_->iteration();
    goToIteration(from + iterations);
    position_ = wholeIteration(trainer_->iteration());
    pending_ |= Change::Step | Change::Run | Change::Reveal;
    return trainer_->iteration() - from;
}

void TrainingController::seek(long long iteration) {
    if (!trainer_) return;
    const Batch batch(*this);
    goToIteration(std::clamp(iteration, 0LL, record_->end()));
    position_ = granularity_ == core::Granularity::Iteration
                    ? wholeIteration(trainer_->iteration())
                    : core::StepPosition{trainer_->iteration(), 0};
    pending_ |= Change::Step | Change::Reveal;
}

void TrainingController::setGranularity(core::Granularity granularity) {
    if (granularity == granularity_) return;
    const Batch batch(*this);
    const bool wasWhole = granularity_ == core::Granularity::Iteration;
    granularity_ = granularity;
    // A whole iteration is always all of the step but its update; stepping through terms or
    // phases starts at the beginning of the current step.
    if (granularity == core::Granularity::Iteration)
        position_ = wholeIteration(position_.iteration);
    else if (wasWhole)
        position_.revealed = 0;
    pending_ |= Change::Granularity | Change::Reveal;
}

void TrainingController::moveTo(core::StepPosition target) {
    if (target.iteration != position_.iteration) {
        goToIteration(target.iteration);
        // A step that blew up has no update: stay at its last values.
        if (trainer_->iteration() < target.iteration)
            target = wholeIteration(trainer_->iteration());
        pending_ |= Change::Step | Change::Run;
    }
    if (target != position_) pending_ |= Change::Reveal;
    position_ = target;
}

void TrainingController::goToIteration(long long iteration) {
    // Within the record, jump there (from the nearest checkpoint); beyond it, train on.
    record_->seek(*trainer_, std::min(iteration, record_->end()));
    // In chunks, so that the losses waiting to be recorded stay few.
    while (trainer_->iteration() < iteration) {
        const long long from = trainer_->iteration();
        scratch_.clear();
        record_->advance(*trainer_, std::min(kChunk, iteration - from), &scratch_);
        recordLosses(from, scratch_);
        if (trainer_->iteration() == from) break;  // it blows up here
    }
}

void TrainingController::recordLosses(long long firstIteration, const std::vector<double>& losses) {
    for (std::size_t i = 0; i < losses.size(); ++i)
        if (firstIteration + static_cast<long long>(i) == losses_.size()) losses_.append(losses[i]);
}

void TrainingController::noteRateGesture() {
    // Outside a drag, every change is a gesture of its own.
    if (!beforeDrag_) ++gesture_;
}

void TrainingController::setLearningRate(double learningRate) {
    if (!trainer_) return;
    if (!std::isfinite(learningRate) || learningRate <= 0.0) learningRate = kSmallestRate;
    learningRate = std::min(learningRate, core::ConfigLimits::maxLearningRate);
    if (learningRate == trainer_->learningRate() && !trainer_->divergence()) return;
    const Batch batch(*this);
    noteRateGesture();
    const long long at = trainer_->iteration();
    record_->changeRate(*trainer_, learningRate);
    // The changes beyond this iteration are forgotten with the future; this one is the gesture's.
    gestureAt_.erase(gestureAt_.lower_bound(at), gestureAt_.end());
    if (record_->rates().contains(at)) gestureAt_[at] = gesture_;
    // The curve beyond this iteration belonged to the old rates: cut it, then fill the part of
    // its last bucket before this iteration again by replay.
    if (losses_.size() > at + 1) {
        const long long resume = losses_.truncate(at + 1);
        if (resume <= at) {
            record_->seek(*trainer_, resume);
            scratch_.clear();
            record_->advance(*trainer_, at - resume, &scratch_);
            recordLosses(resume, scratch_);
            record_->seek(*trainer_, at);
        }
    }
    pending_ |= Change::Step | Change::Run | Change::Rate;
}

void TrainingController::beginRateDrag() {
    if (!trainer_ || beforeDrag_) return;
    const Batch batch(*this);
    ++gesture_;
    beforeDrag_ =
        std::make_unique<RunState>(RunState{*trainer_, *record_, losses_, gestureAt_, position_});
    pending_ |= Change::Preview;
}

void TrainingController::endRateDrag() {
    if (!beforeDrag_) return;
    const Batch batch(*this);
    beforeDrag_.reset();
    previewLosses_.clear();
    pending_ |= Change::Preview;
}

void TrainingController::cancelRateDrag() {
    if (!beforeDrag_) return;
    const Batch batch(*this);
    *trainer_ = beforeDrag_->trainer;
    *record_ = beforeDrag_->record;
    losses_ = beforeDrag_->losses;
    gestureAt_ = beforeDrag_->gestureAt;
    position_ = beforeDrag_->position;
    beforeDrag_.reset();
    previewLosses_.clear();
    pending_ |= Change::Step | Change::Run | Change::Rate | Change::Reveal | Change::Preview;
}

bool TrainingController::pinRun() {
    if (!trainer_ || int(pins_.size()) >= PinnedRun::maximum || losses_.size() == 0) return false;
    const Batch batch(*this);
    // The label names the rates of the run: "lr 0.5", or "lr 0.5 → 30 → … → 2".
    QStringList rates;
    for (const RateChange& change : rateChanges())
        rates.append(QString::number(change.learningRate, 'g', 4));
    if (rates.size() > kRatesInPinLabel)
        rates = rates.mid(0, kRatesInPinLabel - 1) + QStringList{"\u2026", rates.last()};
    pins_.push_back({tr("lr %1").arg(rates.join(" \u2192 ")), sessionName_,
                     problemOf(session_.config), losses_.summary(PinnedRun::maximumPoints)});
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

void TrainingController::setChosenSample(int sample) {
    const int count = preview_.isEmpty() ? 1 : preview_.sampleCount();
    sample = std::clamp(sample, 0, count - 1);
    if (sample == chosenSample_) return;
    const Batch batch(*this);
    chosenSample_ = sample;
    pending_ |= Change::Display;
}

void TrainingController::publish() {
    Changes what = std::exchange(pending_, {});
    if (!trainer_ || !what) return;
    derive(what);
    emit changed(what);
}

void TrainingController::derive(Changes& what) {
    if (what & Change::Step) {
        preview_ = trainer_->preview();
        explanation_.reset();
        if (losses_.size() == trainer_->iteration() && std::isfinite(preview_.loss())) {
            losses_.append(preview_.loss());
            what |= Change::Run;
        }
        regime_ =
            core::classifyRegime(core::regimeEvidence(*trainer_, *record_, losses_, preview_));
    }
    if (what & (Change::Step | Change::Reveal | Change::Granularity)) {
        position_.revealed =
            std::min(position_.revealed, std::max(shape().total, shape().summary()));
        const bool whole = granularity_ == core::Granularity::Iteration;
        reveal_ = core::StepReveal(preview_, whole ? nullptr : explanation(), position_.revealed);
    }
    if (what & (Change::Step | Change::Reveal | Change::Granularity)) {
        stepSummary_.reset();
        if (finishedPhase() == core::Phase::Update)
            stepSummary_ = core::summarizeStep(preview_, core::lossAfterStep(*trainer_));
    }
    if (beforeDrag_ && (what & (Change::Step | Change::Rate))) {
        previewLosses_ = core::previewRun(*trainer_, trainer_->learningRate(), previewIterations);
        what |= Change::Preview;
    }
}

}  // namespace ui
