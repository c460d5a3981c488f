#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <vector>

#include "core/regime.h"
#include "core/trainer.h"

namespace ui {

// The model's heavy questions in the form a worker runs them (see BackgroundWork): each works on
// its own copy of a trainer, reads `cancelled` between iterations and stops soon after it turns
// true, and gives, when not cancelled, exactly the numbers of the engine's own answer
// (core::previewRun, TrainingHistory::seek, core::centralDifference), bit for bit. They use the
// engine's fast path only: a loss is the loss before a fast update, never a snapshot's, which at
// the largest size costs a hundred times more.

// Rough cost of questions about `trainer`, in multiply-adds: of one full-batch pass (samples x
// parameters), and of holding a snapshot of one step (samples x (parameters + node values)).
double passWork(const core::Trainer& trainer);
double snapshotWork(const core::Trainer& trainer);

// E_total at `at`'s state, by the fast path; what at.evaluate().loss() gives.
double lossAt(const core::Trainer& at);

// Moves `trainer` on to `target` along a recorded run whose learning rates are `rates` (as
// TrainingHistory::rates() gives them), from where it is (a checkpoint of that run, or a later
// iteration on the way), leaving it as TrainingHistory::seek would. Appends the loss before each
// update to `lossesBefore` when given. Returns false when cancelled; a run that blows up stops
// where it blew up, like the record.
bool replayRecorded(core::Trainer& trainer, const std::map<long long, double>& rates,
                    long long target, const std::atomic<bool>& cancelled,
                    std::vector<double>* lossesBefore = nullptr);

// core::previewRun(from, from.learningRate(), iterations): E at `from` and after each of the
// next updates. Hands the curve so far to `partial` every `partialEvery` iterations.
std::vector<double> previewCurve(const core::Trainer& from, int iterations,
                                 const std::atomic<bool>& cancelled,
                                 const std::function<void(std::vector<double>)>& partial = {},
                                 int partialEvery = 0);

// core::centralDifference(at, index): dE/dp of parameter `index` by a central difference.
double centralDifference(const core::Trainer& at, int index, const std::atomic<bool>& cancelled);

// The regime at `now`, whose step has gradient norm `gradientNorm`, loss `loss` and blows up or
// not (`diverged`): its window of losses replayed from `atCheckpoint` (the trainer at a
// checkpoint at or before the window's first iteration) along `rates`.
core::Regime replayedRegime(core::Trainer atCheckpoint, const std::map<long long, double>& rates,
                            long long now, double loss, double gradientNorm, bool diverged,
                            const std::atomic<bool>& cancelled);

}  // namespace ui
