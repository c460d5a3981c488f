#pragma once

#include <QMetaObject>
#include <QObject>
#include <QThreadPool>
#include <array>
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <vector>

#include "core/curvature.h"
#include "core/regime.h"
#include "core/stepsnapshot.h"
#include "core/trainer.h"

namespace ui {

// Runs the model's heavy questions on worker threads, so that the window never waits for them.
// Questions go in lanes, one per kind: a lane works on one question at a time, a new question
// cancels the one in progress and takes the place of the one waiting, and an answer is handed
// back on this object's thread only while no newer question was asked of its lane: a stale
// answer is dropped, never shown (but for the step lane, whose superseded answers are handed
// back marked so, for the model to show a large network's step of a few iterations ago while
// playing, when it still belongs to the run). Work reads its cancel flag between iterations (see
// workerprobes.h), so that a cancelled question frees its lane soon; nothing here ever blocks
// the UI thread waiting for one. Each question takes copies of what it needs (a core::Trainer is
// a value): a worker shares nothing with the model.
class BackgroundWork : public QObject {
    Q_OBJECT

public:
    // The kinds of questions, each with its own lane.
    enum class Lane {
        Restore,    // a state of the recorded run, replayed from a checkpoint
        Step,       // the step at the position: a snapshot of every value
        Preview,    // the curve of a dragged rate
        Regime,     // the losses the regime is read from, replayed
        Check,      // the central difference of the inspected parameter
        Curvature,  // the Hessian's extreme eigenvalues at the step shown
    };
    static constexpr int laneCount = 6;

    explicit BackgroundWork(QObject* parent = nullptr);
    // Cancels every question and waits for the work in progress (at most one iteration each).
    ~BackgroundWork() override;

    // Each question below cancels the one asked of its lane before; its answer, while still
    // wanted, goes to `answer` on this object's thread.

    // The step from `at`'s state (Lane::Step). `latest` tells the answer to this question from
    // that to one asked before it (superseded, also handed back).
    void askStep(const core::Trainer& at,
                 std::function<void(core::StepSnapshot step, bool latest)> answer);
    // `from` (a checkpoint of a recorded run whose rates are `rates`, or a state on the way)
    // replayed to iteration `target` (Lane::Restore).
    void askRestore(const core::Trainer& from, const std::map<long long, double>& rates,
                    long long target, std::function<void(core::Trainer)> answer);
    // E at `from` and after each of the next `iterations` updates at its rate (Lane::Preview). A
    // long one is also answered in parts as it grows, each the curve so far.
    void askPreview(const core::Trainer& from, int iterations,
                    std::function<void(std::vector<double>)> answer);
    // The regime of `step` (the step from iteration `now`), its window of losses replayed from
    // `start`, a state of the recorded run at or before the window (Lane::Regime).
    void askRegime(const core::Trainer& start, const std::map<long long, double>& rates,
                   long long now, const core::StepSnapshot& step,
                   std::function<void(core::Regime)> answer);
    // dE/dp of parameter `index` at `at`'s state by a central difference (Lane::Check).
    void askCheck(const core::Trainer& at, int index, std::function<void(double)> answer);
    // core::curvatureAt of `parameters` (Lane::Curvature). It runs to its end once started (at
    // most about 0.7 s, the largest network's Lanczos); a superseded answer is dropped.
    void askCurvature(const core::Topology& topology, const core::Parameters& parameters,
                      const std::vector<core::Sample>& samples, bool trainBiases,
                      std::function<void(core::Curvature)> answer);

    // Cancels the question of `lane`: its answer, if it comes, is dropped.
    void cancel(Lane lane);
    // Cancels the questions of every lane.
    void cancelAll();
    // Whether `lane` has a question whose final answer has not come yet.
    bool isBusy(Lane lane) const;
    // Whether any lane is busy.
    bool isBusy() const;
    // Handles events until no lane is busy or `timeoutMilliseconds` passed; false on time out.
    // For tests and for grabbing the window into an image: the window itself never waits.
    bool waitUntilIdle(int timeoutMilliseconds = 60'000);

signals:
    // A lane became busy or idle.
    void busyChanged();

private:
    // What a piece of work sees while it runs.
    template <class Result>
    struct Job {
        // Turns true when the answer is no longer wanted; the work should stop soon after.
        const std::atomic<bool>& cancelled;
        // Hands back a partial answer, delivered like the final one.
        std::function<void(Result)> partial;
    };

    struct LaneState {
        unsigned long long asked = 0;             // the generation of the newest question
        unsigned long long answered = 0;          // the newest generation answered (or cancelled)
        unsigned long long cancelled = 0;         // answers up to this generation are dropped
        bool running = false;                     // a worker runs a question of this lane
        std::function<void()> waiting;            // the question to start when the worker is done
        std::shared_ptr<std::atomic<bool>> stop;  // the cancel flag of the newest question
    };

    // Cancels the lane's question and opens a new one; returns its generation and cancel flag.
    std::pair<unsigned long long, std::shared_ptr<std::atomic<bool>>> open(Lane lane);
    // Runs `job` on a worker now, or as soon as the lane's worker is free.
    void schedule(Lane lane, std::function<void()> job);
    // Called on this thread when a worker finished a question of `lane`.
    void finished(Lane lane);
    // Whether an answer of `generation` is still wanted (as the latest, or superseded when
    // `superseded` ones are); a final latest one closes the question.
    enum class Delivery { Drop, Latest, Superseded };
    Delivery accept(Lane lane, unsigned long long generation, bool final, bool superseded);
    LaneState& state(Lane lane) { return lanes_[static_cast<int>(lane)]; }
    const LaneState& state(Lane lane) const { return lanes_[static_cast<int>(lane)]; }

    // Lowers the priority of the worker thread it runs on, once: the window's own thread first.
    static void yieldToInterface();
    // Asks `lane` for `work`, run on a worker; its answers go to `answer` while still wanted,
    // and its final one also once superseded when `superseded`.
    template <class Result>
    void ask(Lane lane, std::function<Result(const Job<Result>&)> work,
             std::function<void(Result, bool latest)> answer, bool superseded = false);

    std::array<LaneState, laneCount> lanes_;
    QThreadPool pool_;
};

template <class Result>
void BackgroundWork::ask(Lane lane, std::function<Result(const Job<Result>&)> work,
                         std::function<void(Result, bool latest)> answer, bool superseded) {
    const auto [generation, cancelled] = open(lane);
    schedule(lane, [this, lane, generation, cancelled, superseded, work = std::move(work),
                    answer = std::move(answer)] {
        // On the worker: hand each answer to this thread, where it is taken if still wanted.
        const auto handBack = [&](Result result, bool final) {
            auto shared = std::make_shared<Result>(std::move(result));
            QMetaObject::invokeMethod(
                this,
                [this, lane, generation, final, superseded, answer, shared] {
                    if (final) finished(lane);
                    const Delivery delivery = accept(lane, generation, final, superseded);
                    if (delivery != Delivery::Drop)
                        answer(std::move(*shared), delivery == Delivery::Latest);
                },
                Qt::QueuedConnection);
        };
        yieldToInterface();
        const Job<Result> job{*cancelled, [&](Result partial) {
                                  if (!*cancelled) handBack(std::move(partial), false);
                              }};
        handBack(work(job), true);
    });
}

}  // namespace ui
