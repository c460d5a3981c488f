#include "curvaturewatch.h"

#include <algorithm>

namespace ui {

bool CurvatureWatch::Question::sameProblem(const Question& other) const {
    // One trainer's snapshots share their context: most calls end at the pointer.
    return trainBiases == other.trainBiases &&
           (context == other.context || (context->topology == other.context->topology &&
                                         context->samples == other.context->samples));
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
    Question question{step.context(), step.parametersBefore(), step.trainsBiases(),
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
    sinceMoved_.start();
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
    // At most one question every `interval`; after a measure of much work, the worker idle at
    // least as long as it took (the largest network's 0.7 s would otherwise keep a core busy).
    const qint64 gap = costly_ ? std::max<qint64>(interval, 2 * lastCost_) : qint64(interval);
    // A measure of much work waits until the state rests: on two cores it would take the
    // frames' time while playing. (Counted in work, not time, so a loaded machine does not
    // change what is measured.)
    if (costly_ && sinceMoved_.isValid() && sinceMoved_.elapsed() < restBefore) {
        if (!wait_.isActive()) wait_.start(int(restBefore - sinceMoved_.elapsed()));
        return;
    }
    if (sinceAsked_.isValid() && sinceAsked_.elapsed() < gap) {
        if (!wait_.isActive()) wait_.start(int(gap - sinceAsked_.elapsed()));
        return;
    }
    asked_ = latest_;
    sinceAsked_.start();
    work_.askCurvature(asked_->context->topology, asked_->parameters, asked_->context->samples,
                       asked_->trainBiases,
                       [this](core::Curvature curvature) { answer(std::move(curvature)); });
}

void CurvatureWatch::answer(core::Curvature curvature) {
    lastCost_ = sinceAsked_.isValid() ? sinceAsked_.elapsed() : 0;
    measured_ = std::exchange(asked_, std::nullopt);
    costly_ = double(curvature.gradientPasses) * double(measured_->context->samples.size()) *
                  double(curvature.parameterCount) >
              costlyWork;
    curvature_ = std::move(curvature);
    iteration_ = measured_->iteration;
    pump();
    arrived_();
}

}  // namespace ui
