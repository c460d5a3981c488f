#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <vector>

#include "networkconfig.h"
#include "trainer.h"

namespace core {

// The record of one run in a fixed memory budget: where it started, every change of the learning
// rate, and the parameters (with momentum, and the velocity) at every multiple of interval().
// Training is deterministic, so any iteration the run reached is restored exactly by replaying from
// the checkpoint before it.
//
// When the checkpoints fill the budget (capacity() of them), the interval doubles and every other
// checkpoint goes; its slot takes a later one, so stored parameters never move and thinning is one
// pass over a 4-byte index, allocating nothing, once per doubling of the run. With K = capacity(),
// i0 the initial interval and `peak` the furthest iteration the record has reached (end() for a run
// never cut by changeRate):
//   interval() <= max(i0, 2 * peak / (K - 1)),  and seek replays at most interval() - 1 updates.
// The default budget (32 MiB) holds K = 399,315 checkpoints of the 2-2-2 network (10 parameters,
// 84 bytes each with the index): after 2.5e9 iterations (five minutes of full-speed play) seek
// replays under 8,000 updates (~1 ms); the bound grows linearly with the run: 256k updates (~35 ms)
// up to 1e11 iterations (three hours), 512k (~70 ms) up to 2e11, and so on. In time, a replay
// takes at most about 2 * playTime * checkpointBytes / budget, as replay and play run at one
// speed: the largest network (29k parameters, 233 kB, K = 144) replays up to ~4 s after five
// minutes of play. Rate changes are kept whole (replay needs them), about 48 bytes each outside
// the budget; they come one per gesture or slider step, not per iteration.
class TrainingHistory {
public:
    // The memory budget of a record unless told otherwise.
    static constexpr std::size_t defaultBudgetBytes = std::size_t(32) << 20;

    // A run that starts at `trainer`'s current (iteration 0) state and rate, keeping a checkpoint
    // every `interval` iterations until `budgetBytes` are full (at least two checkpoints).
    explicit TrainingHistory(const Trainer& trainer, long long interval = 1000,
                             std::size_t budgetBytes = defaultBudgetBytes);

    // The furthest iteration the run has reached.
    long long end() const { return end_; }
    // The learning rate of the update made at `iteration`.
    double rateAt(long long iteration) const;
    // Every rate change: from which iteration on, which rate (the first at iteration 0).
    const std::map<long long, double>& rates() const { return rates_; }
    // The iterations between checkpoints now: the initial interval, doubled at every thinning.
    long long interval() const { return interval_; }
    // The most checkpoints the budget holds.
    std::size_t capacity() const { return capacity_; }
    // The checkpoint seek starts from for `iteration` (when the trainer is not already on the way).
    long long replayFrom(long long iteration) const;

    // Moves `trainer` on by up to `steps` updates: along the recorded run with its rates while
    // behind its end, then further at the current rate, keeping checkpoints. Appends the loss
    // before each update to `lossesBefore` when given; returns the updates made.
    long long advance(Trainer& trainer, long long steps,
                      std::vector<double>* lossesBefore = nullptr);
    // Puts `trainer` at `iteration` (at most end()) exactly as the run had it.
    void seek(Trainer& trainer, long long iteration) const;
    // Sets a new rate from `trainer`'s iteration on; the recorded run beyond it is forgotten.
    void changeRate(Trainer& trainer, double learningRate);
    // The memory the record uses, in bytes (its index counted as far as it is filled): at most the
    // budget plus the rate changes.
    std::size_t memoryBytes() const;

private:
    // Puts `trainer` on the rate of its iteration; returns where its next run must stop, at the
    // latest at `target`: the next checkpoint or rate change.
    long long prepareSegment(Trainer& trainer, long long target) const;
    // Appends `trainer`'s state as the checkpoint at checkpointCount_ * interval_, thinning if
    // full.
    void keep(const Trainer& trainer);
    // Doubles the interval and frees the slot of every other checkpoint.
    void thin();
    // Copies `trainer`'s parameters and velocity into the first free slot,
    // slots_[checkpointCount_].
    void store(const Trainer& trainer);
    // Puts `trainer` at `iteration` with the state `slot` holds.
    void restore(Trainer& trainer, std::uint32_t slot, long long iteration) const;
    // The doubles of one slot: the parameters, then (with momentum) their velocity.
    std::size_t slotSize() const { return weightCount_ + biasCount_ + velocityCount_; }
    double* slotData(std::uint32_t slot);
    const double* slotData(std::uint32_t slot) const;

    std::size_t weightCount_;
    std::size_t biasCount_;
    std::size_t velocityCount_;  // 0 without momentum, which keeps no velocity
    std::size_t slotsPerBlock_;
    std::size_t capacity_;
    long long interval_;
    // The checkpoints' parameters, flat, weights then biases; slotsPerBlock_ slots a block, so
    // that growing never copies what is stored.
    std::vector<std::vector<double>> blocks_;
    // Every slot handed out: [k < checkpointCount_] holds the parameters at k * interval_, the
    // rest are free. Reserved whole at the start, so that neither growing nor thinning allocates.
    std::vector<std::uint32_t> slots_;
    std::size_t checkpointCount_ = 0;
    std::map<long long, double> rates_;
    long long end_ = 0;
};

}  // namespace core
