#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <functional>
#include <optional>

#include "backgroundwork.h"
#include "core/curvature.h"
#include "core/stepsnapshot.h"

namespace ui {

// The model's measure of the curvature of the loss at the step shown (core::curvatureAt), asked
// of BackgroundWork's curvature lane: one question at a time, at most one every `interval` and
// the worker idle at least as long as it last worked (so that playing stays fluid and a core
// stays free while the largest network's 0.7 s runs), the newest state wanted
// asked as soon as both allow. What it shows is the newest answer for the problem shown (the
// same network, samples and trained biases), with the iteration it was measured at; an answer
// for another problem, or for a question superseded on the lane, is never taken.
class CurvatureWatch : public QObject {
    Q_OBJECT

public:
    // The least time between two questions.
    static constexpr int interval = 250;  // milliseconds
    // A measure of more work than this (gradient passes x samples x parameters; the worked
    // example's is 160, the largest network's 1.7e9, a 0.7 s Lanczos) is asked only once the
    // state has rested for `restBefore` ms (paused, or stepped): it would slow every frame of play.
    static constexpr double costlyWork = 2e7;
    static constexpr int restBefore = 400;

    // Asks `work`'s curvature lane; calls `arrived` on each answer taken.
    CurvatureWatch(BackgroundWork& work, std::function<void()> arrived);

    // Wants the curvature at `step`'s state (its parameters before the update): asked at once,
    // or once the question in progress has come back and `interval` has passed since it.
    void follow(const core::StepSnapshot& step);
    // Asks for the state followed last if that is due and was not asked (the model cancelled
    // every lane's question, or the interval passed).
    void resume() { pump(); }
    // Forgets every measure and question: the problem is another.
    void clear();
    // The newest measure of the problem shown, if any.
    const std::optional<core::Curvature>& curvature() const { return curvature_; }
    // The iteration that measure is of.
    long long iteration() const { return iteration_; }
    // Whether the state last followed is still to be measured (asked, or waiting to be).
    bool isPending() const { return latest_ && !(measured_ && measured_->sameState(*latest_)); }

private:
    // What a measure depends on.
    struct Question {
        std::shared_ptr<const core::TrainingContext> context;  // the shape and samples, shared
        core::Parameters parameters;
        bool trainBiases = false;
        long long iteration = 0;
        // Whether `other` is a state of the same problem / the same state.
        bool sameProblem(const Question& other) const;
        bool sameState(const Question& other) const;
    };
    // Asks the wanted question when the lane and the interval allow.
    void pump();
    void answer(core::Curvature curvature);

    BackgroundWork& work_;
    std::function<void()> arrived_;
    std::optional<Question> measured_;  // the state of curvature_
    std::optional<Question> asked_;     // the question on the lane
    std::optional<Question> latest_;    // the state followed last: the one to measure
    std::optional<core::Curvature> curvature_;
    long long iteration_ = 0;
    QElapsedTimer sinceAsked_;
    QElapsedTimer sinceMoved_;  // since the state followed last changed
    qint64 lastCost_ = 0;
    bool costly_ = false;  // whether the last measure was of much work (see costlyWork)  //
                           // milliseconds the last measure took, from its question to its answer
    QTimer wait_;
};

}  // namespace ui
