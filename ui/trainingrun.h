#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <vector>

#include "core/losshistory.h"
#include "core/trainer.h"
#include "core/traininghistory.h"

namespace ui {

// A learning rate in force from `iteration` on, as the record of the run keeps it.
struct RateChange {
    long long iteration = 0;
    double learningRate = 0.0;
    bool operator==(const RateChange&) const = default;
};

// The run the model trains, kept consistent: the trainer at the current state, the record of the
// run (checkpoints and rates, from which any iteration it reached is restored), its loss curve,
// and for each change of rate the user action it came from. A value: a drag of the rate keeps a
// copy to give back when cancelled. Its loss curve stays the same object for good (the plot draws
// it in place). Checkpoints lie closer for a larger network (down to every iteration), so that a
// jump replays about the same work whatever the size.
class TrainingRun {
public:
    // No run yet: nothing but the (empty) curve may be asked for.
    TrainingRun() = default;
    // Starts over from `start`, a trainer at iteration 0 that has not trained yet.
    void restart(const core::Trainer& start);
    bool isEmpty() const { return !trainer_; }

    const core::Trainer& trainer() const { return *trainer_; }
    const core::TrainingHistory& record() const { return *record_; }
    // The furthest iteration the run reached, and the rate in force (0 without a run).
    long long end() const { return record_ ? record_->end() : 0; }
    double learningRate() const { return trainer_ ? trainer_->learningRate() : 0.0; }
    // E_total of every iteration the run reached (thinned when long): the one loss curve.
    const core::LossHistory& losses() const { return losses_; }

    // Moves the trainer to `iteration`: within the record restored, beyond it trained at the
    // current rate with every loss recorded; it stops where the run blows up.
    void goTo(long long iteration);
    // Multiply-adds that restoring `iteration` (at most end()) replays, from where it would start.
    double replayWork(long long iteration) const;
    // A copy of the state a replay to `iteration` starts from: the checkpoint before it, or the
    // trainer itself when it is on the way. For a worker (replayRecorded) to replay.
    core::Trainer replayStart(long long iteration) const;
    // A copy of the trainer for a worker: the same state and rate, without the scratch space a
    // trainer keeps once it has trained (megabytes for a large batch).
    core::Trainer probe() const;
    // Takes `trainer`, a state of this run that a worker replayed.
    void adopt(core::Trainer trainer) { trainer_ = std::move(trainer); }
    // Appends E at `iteration` (`loss`, from its step) when the curve ends just before it;
    // returns whether it did.
    bool recordLoss(long long iteration, double loss);

    // A new rate from the current iteration on, made by user action `gesture`; the run beyond
    // this iteration is forgotten, and the curve cut there.
    void changeRate(double learningRate, int gesture);
    // Every change of the learning rate in the record, the initial rate first (none without a run).
    std::vector<RateChange> rateChanges() const;
    // The changes as the user made them: one per user action, at its first iteration with its
    // last rate.
    std::vector<RateChange> rateMarkers() const;
    // Bytes the record and the loss curve take.
    std::size_t bytes() const;

private:
    // The iteration a replay to `iteration` starts from.
    long long replayOrigin(long long iteration) const;
    void recordLosses(long long firstIteration, const std::vector<double>& losses);

    std::optional<core::Trainer> trainer_;
    std::optional<core::Trainer> blank_;  // the start, untrained: what probes are copied from
    std::optional<core::TrainingHistory> record_;
    core::LossHistory losses_;
    std::map<long long, int> gestureAt_;  // for each rate change: the user action it came from
    std::vector<double> scratch_;         // losses from the fast path
};

}  // namespace ui
