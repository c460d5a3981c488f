#include "curvaturewatch.h"

namespace ui {

bool CurvatureWatch::Question::sameProblem(const Question& other) const {
    return trainBiases == other.trainBiases && topology == other.topology &&
           samples == other.samples;
}

bool CurvatureWatch::Question::sameState(const Question& other) const {
    return parameters == other.parameters && sameProblem(other);
}

CurvatureWatch::CurvatureWatch(BackgroundWork& work, std::function<void()> arrived)
    : work_(work), arrived_(std::move(arrived)) {
    wait_.setSingleShot(true);
    connect(&wait_, &QTimer::timeout, this, &CurvatureWatch::pump);
}

void CurvatureWatch::follow(const core::StepSnapshot& step) {
    if (step.isEmpty()) return;
    Question question{step.topology(), step.parametersBefore(), step.samples(), step.trainsBiases(),
                      step.iteration()};
    if (latest_ && latest_->sameState(question)) return pump();
    // Another problem: what was measured or asked says nothing about it.
    if (measured_ && !measured_->sameProblem(question)) {
        measured_.reset();
        curvature_.reset();
    }
    if (asked_ && !asked_->sameProblem(question)) {
        work_.cancel(BackgroundWork::Lane::Curvature);
        asked_.reset();
        sinceAsked_.invalidate();
    }
    latest_ = std::move(question);
    pump();
}

void CurvatureWatch::clear() {
    work_.cancel(BackgroundWork::Lane::Curvature);
    wait_.stop();
    sinceAsked_.invalidate();
    measured_.reset();
    asked_.reset();
    latest_.reset();
    curvature_.reset();
}

void CurvatureWatch::pump() {
    // A question the model cancelled (with every lane's, for a new run) will not come back.
    if (asked_ && !work_.isBusy(BackgroundWork::Lane::Curvature)) asked_.reset();
    // A state measured already (a run that no longer moves) is the measure's too.
    if (latest_ && measured_ && measured_->sameState(*latest_)) iteration_ = latest_->iteration;
    // One question at a time, and none for a state measured already.
    if (!isPending() || asked_) return;
    if (sinceAsked_.isValid() && sinceAsked_.elapsed() < interval) {
        if (!wait_.isActive()) wait_.start(int(interval - sinceAsked_.elapsed()));
        return;
    }
    asked_ = latest_;
    sinceAsked_.start();
    work_.askCurvature(asked_->topology, asked_->parameters, asked_->samples, asked_->trainBiases,
                       [this](core::Curvature curvature) { answer(std::move(curvature)); });
}

void CurvatureWatch::answer(core::Curvature curvature) {
    measured_ = std::exchange(asked_, std::nullopt);
    curvature_ = std::move(curvature);
    iteration_ = measured_->iteration;
    pump();
    arrived_();
}

}  // namespace ui
