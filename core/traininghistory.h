#pragma once

#include <map>
#include <vector>

#include "networkconfig.h"
#include "trainer.h"

namespace core {

// The record of one run, small enough to keep forever: where it started, every change of the
// learning rate, and the parameters at every `interval`-th iteration. Training is deterministic,
// so any iteration the run reached is restored exactly by replaying from the checkpoint before it.
class TrainingHistory {
public:
    // A run that starts at `trainer`'s current (iteration 0) state and rate.
    explicit TrainingHistory(const Trainer& trainer, long long interval = 1000);

    // The furthest iteration the run has reached.
    long long end() const { return end_; }
    // The learning rate of the update made at `iteration`.
    double rateAt(long long iteration) const;
    // Every rate change: from which iteration on, which rate (the first at iteration 0).
    const std::map<long long, double>& rates() const { return rates_; }

    // Moves `trainer` on by up to `steps` updates: along the recorded run with its rates while
    // behind its end, then further at the current rate, keeping checkpoints. Appends the loss
    // before each update to `lossesBefore` when given; returns the updates made.
    long long advance(Trainer& trainer, long long steps,
                      std::vector<double>* lossesBefore = nullptr);
    // Puts `trainer` at `iteration` (at most end()) exactly as the run had it.
    void seek(Trainer& trainer, long long iteration) const;
    // Sets a new rate from `trainer`'s iteration on; the recorded run beyond it is forgotten.
    void changeRate(Trainer& trainer, double learningRate);
    // The memory the record holds, in bytes (checkpoints and rates).
    std::size_t memoryBytes() const;

private:
    // Puts `trainer` on the rate of its iteration; returns where its next run must stop, at the
    // latest at `target`: the next checkpoint or rate change.
    long long prepareSegment(Trainer& trainer, long long target) const;

    long long interval_;
    std::vector<Parameters> checkpoints_;  // [i]: the parameters at iteration i * interval_
    std::map<long long, double> rates_;
    long long end_ = 0;
};

}  // namespace core
