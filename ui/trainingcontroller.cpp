#include "trainingcontroller.h"

#include <algorithm>
#include <cmath>

namespace ui {

TrainingController::TrainingController(QObject* parent) : QObject(parent) {}

TrainingController::~TrainingController() = default;

void TrainingController::load(const session::Session& session, const QString& name) {
    trainer_ = std::make_unique<core::Trainer>(session.config);
    session_ = session;
    sessionName_ = name;
    emit sessionLoaded();
    start(session.config.learningRate);
}

void TrainingController::reset() {
    if (!trainer_) return;
    const double rate = trainer_->learningRate();
    trainer_->reset();
    start(rate);
}

void TrainingController::start(double learningRate) {
    trainer_->setLearningRate(learningRate);
    history_.clear();
    rateChanges_ = {{0, learningRate}};
    currentLossRecorded_ = false;
    divergenceAnnounced_ = false;
    emit runStarted();
    emit learningRateChanged(learningRate);
    publish();
}

session::Session TrainingController::currentSession() const {
    session::Session current = session_;
    if (!trainer_) return current;
    core::storeParameters(trainer_->parameters(), current.config);
    current.config.learningRate = trainer_->learningRate();
    return current;
}

long long TrainingController::iteration() const {
    return trainer_ ? trainer_->iteration() : 0;
}

double TrainingController::learningRate() const {
    return trainer_ ? trainer_->learningRate() : 0.0;
}

const std::optional<core::Divergence>& TrainingController::divergence() const {
    static const std::optional<core::Divergence> none;
    return trainer_ ? trainer_->divergence() : none;
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
    losses_.clear();
    const long long made = trainer_->run(iterations, &losses_);
    // Each loss is that of the state before an update; the first may be recorded already.
    for (std::size_t i = currentLossRecorded_ ? 1 : 0; i < losses_.size(); ++i)
        history_.append(losses_[i]);
    if (made > 0) currentLossRecorded_ = false;
    return made;
}

void TrainingController::publish() {
    if (!trainer_) return;
    snapshot_ = trainer_->evaluate();
    if (!currentLossRecorded_ && std::isfinite(snapshot_.loss())) {
        history_.append(snapshot_.loss());
        currentLossRecorded_ = true;
    }
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
    if (learningRate == trainer_->learningRate()) return;
    trainer_->setLearningRate(learningRate);
    divergenceAnnounced_ = false;
    // Several changes before the next update: only the last one counts.
    if (rateChanges_.back().iteration == iteration())
        rateChanges_.back().learningRate = learningRate;
    else
        rateChanges_.push_back({iteration(), learningRate});
    emit learningRateChanged(learningRate);
}

}  // namespace ui
