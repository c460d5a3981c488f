#include "trainingcontroller.h"

#include <algorithm>
#include <cmath>

namespace ui {

namespace {

constexpr int kExplanationDigits = 9;  // the worked example's precision

}  // namespace

TrainingController::TrainingController(QObject* parent) : QObject(parent) {}

TrainingController::~TrainingController() = default;

void TrainingController::load(const session::Session& session, const QString& name) {
    trainer_ = std::make_unique<core::Trainer>(session.config);
    session_ = session;
    sessionName_ = name;
    // Every step of this network has the same terms: their phases give the stops of Step.
    const core::Explanation first(trainer_->preview(), kExplanationDigits);
    const core::Topology& topology = trainer_->topology();
    shape_.forwardEnd = first.phaseEnd(core::Phase::Forward);
    shape_.backwardEnd = first.phaseEnd(core::Phase::Backward);
    shape_.total = shape_.backwardEnd + topology.weightCount() +
                   (trainer_->trainsBiases() ? topology.biasCount() : 0);
    emit sessionLoaded();
    start();
}

void TrainingController::reset() {
    if (!trainer_) return;
    const double rate = trainer_->learningRate();
    trainer_->reset();
    trainer_->setLearningRate(rate);
    start();
}

void TrainingController::start() {
    record_ = std::make_unique<core::TrainingHistory>(*trainer_);
    losses_.clear();
    divergenceAnnounced_ = false;
    position_ =
        granularity_ == core::Granularity::Iteration ? wholeIteration(0) : core::StepPosition{0, 0};
    emit runStarted();
    emit rateChangesChanged();
    publish();
}

session::Session TrainingController::currentSession() const {
    session::Session current = session_;
    if (!trainer_) return current;
    core::storeParameters(trainer_->parameters(), current.config);
    current.config.learningRate = trainer_->learningRate();
    return current;
}

std::shared_ptr<const core::Explanation> TrainingController::explanation() const {
    if (!explanation_ && !preview_.isEmpty())
        explanation_ = std::make_shared<const core::Explanation>(preview_, kExplanationDigits);
    return explanation_;
}

bool TrainingController::showsWholeIteration() const {
    return position_.revealed == shape_.backwardEnd;
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

const std::optional<core::Divergence>& TrainingController::divergence() const {
    static const std::optional<core::Divergence> none;
    return trainer_ ? trainer_->divergence() : none;
}

core::StepPosition TrainingController::wholeIteration(long long iteration) const {
    return {iteration, shape_.backwardEnd};
}

void TrainingController::stepForward() {
    if (!trainer_) return;
    moveTo(core::StepCursor(shape_).next(position_, granularity_));
}

void TrainingController::stepBack() {
    if (!trainer_) return;
    if (const auto previous = core::StepCursor(shape_).previous(position_, granularity_))
        moveTo(*previous);
}

void TrainingController::step() {
    run(1);
}

long long TrainingController::run(long long iterations) {
    const long long made = runQuietly(iterations);
    publish();
    return made;
}

long long TrainingController::runQuietly(long long iterations) {
    if (!trainer_ || iterations <= 0 || trainer_->divergence()) return 0;
    const long long from = trainer_->iteration();
    goToIteration(from + iterations);
    position_ = wholeIteration(trainer_->iteration());
    return trainer_->iteration() - from;
}

void TrainingController::seek(long long iteration) {
    if (!trainer_) return;
    goToIteration(std::clamp(iteration, 0LL, record_->end()));
    position_ = granularity_ == core::Granularity::Iteration
                    ? wholeIteration(trainer_->iteration())
                    : core::StepPosition{trainer_->iteration(), 0};
    publish();
}

void TrainingController::setGranularity(core::Granularity granularity) {
    if (granularity == granularity_) return;
    granularity_ = granularity;
    // Stepping through terms or phases starts at the beginning of the current step.
    if (granularity != core::Granularity::Iteration && showsWholeIteration())
        position_.revealed = 0;
    publish();
}

void TrainingController::moveTo(core::StepPosition target) {
    goToIteration(target.iteration);
    // A step that blew up has no update: stay at its last values.
    if (trainer_->iteration() < target.iteration) target = wholeIteration(trainer_->iteration());
    position_ = target;
    publish();
}

void TrainingController::goToIteration(long long iteration) {
    // Within the record, jump there (from the nearest checkpoint); beyond it, train on.
    record_->seek(*trainer_, std::min(iteration, record_->end()));
    // In chunks, so that the losses waiting to be recorded stay few.
    constexpr long long kChunk = 1 << 16;
    while (trainer_->iteration() < iteration && !trainer_->divergence()) {
        const long long from = trainer_->iteration();
        scratch_.clear();
        record_->advance(*trainer_, std::min(kChunk, iteration - from), &scratch_);
        recordLosses(from, scratch_);
        if (trainer_->iteration() == from) break;
    }
}

void TrainingController::recordLosses(long long firstIteration, const std::vector<double>& losses) {
    for (std::size_t i = 0; i < losses.size(); ++i)
        if (firstIteration + static_cast<long long>(i) == losses_.size()) losses_.append(losses[i]);
}

void TrainingController::publish() {
    if (!trainer_) return;
    preview_ = trainer_->preview();
    explanation_.reset();
    if (losses_.size() == trainer_->iteration() && std::isfinite(preview_.loss()))
        losses_.append(preview_.loss());
    if (trainer_->learningRate() != shownRate_) {
        shownRate_ = trainer_->learningRate();
        emit learningRateChanged(shownRate_);
    }
    regime_ = currentRegime();
    emit stateChanged();
    if (trainer_->divergence() && !divergenceAnnounced_) {
        divergenceAnnounced_ = true;
        emit diverged(*trainer_->divergence());
    }
}

void TrainingController::setLearningRate(double learningRate) {
    if (!trainer_) return;
    if (!std::isfinite(learningRate) || learningRate <= 0.0) learningRate = 1e-12;
    learningRate = std::min(learningRate, core::ConfigLimits::maxLearningRate);
    if (learningRate == trainer_->learningRate() && !trainer_->divergence()) return;
    const long long at = trainer_->iteration();
    record_->changeRate(*trainer_, learningRate);
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
    divergenceAnnounced_ = false;
    emit rateChangesChanged();
    publish();
}

core::Regime TrainingController::currentRegime() {
    core::RegimeEvidence evidence;
    evidence.diverged = trainer_->divergence().has_value();
    evidence.gradientNorm = core::trainedGradientNorm(preview_);
    const long long now = trainer_->iteration();
    const long long from = std::max(0LL, now - core::kRegimeWindow);
    if (losses_.stride() == 1 && losses_.size() > now) {
        // Every loss is kept: read the window off the curve.
        for (long long i = from; i <= now; ++i)
            evidence.losses.push_back(losses_.points()[i].loss);
    } else {
        // The curve keeps only extremes here: replay the window on a copy.
        core::Trainer probe = *trainer_;
        record_->seek(probe, from);
        probe.run(now - from, &evidence.losses);
        evidence.losses.push_back(preview_.loss());
    }
    return core::classifyRegime(evidence);
}

std::vector<double> TrainingController::previewRun(double learningRate, int iterations) const {
    std::vector<double> losses;
    if (!trainer_) return losses;
    core::Trainer probe = *trainer_;
    probe.setLearningRate(std::clamp(learningRate, 1e-12, core::ConfigLimits::maxLearningRate));
    probe.run(iterations, &losses);
    if (!probe.divergence() || losses.size() < std::size_t(iterations)) {
        const double last = probe.evaluate().loss();
        if (std::isfinite(last) && !probe.divergence()) losses.push_back(last);
    }
    return losses;
}

double TrainingController::finiteDifference(int index) const {
    if (!trainer_) return 0.0;
    const int weights = trainer_->topology().weightCount();
    core::Trainer probe = *trainer_;
    const core::Parameters here = trainer_->parameters();
    const auto lossWith = [&](double offset) {
        core::Parameters moved = here;
        (index < weights ? moved.weights[index] : moved.biases[index - weights]) += offset;
        probe.restore(moved, trainer_->iteration());
        return probe.evaluate().loss();
    };
    const double value = index < weights ? here.weights[index] : here.biases[index - weights];
    const double h = 1e-6 * std::max(1.0, std::abs(value));
    return (lossWith(h) - lossWith(-h)) / (2 * h);
}

std::size_t TrainingController::historyBytes() const {
    return (record_ ? record_->memoryBytes() : 0) +
           losses_.points().capacity() * sizeof(core::LossHistory::Point);
}

}  // namespace ui
