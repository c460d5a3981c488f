#include "traininghistory.h"

#include <algorithm>
#include <cassert>
#include <limits>

namespace core {

namespace {

constexpr std::size_t kBlockBytes = std::size_t(64) << 10;  // storage allocated at a time
constexpr std::size_t kRateBytes = sizeof(long long) + sizeof(double) + 32;  // a map node

// The most checkpoints that `budgetBytes` holds after `fixedBytes`: each takes `slotBytes` and a
// 4-byte index entry, every `slotsPerBlock` of them a block's vector header; at least two.
std::size_t capacityWithin(std::size_t budgetBytes, std::size_t fixedBytes, std::size_t slotBytes,
                           std::size_t slotsPerBlock) {
    const std::size_t perCheckpoint = slotBytes + sizeof(std::uint32_t);
    const auto bytes = [&](std::size_t count) {
        const std::size_t blocks = (count + slotsPerBlock - 1) / slotsPerBlock;
        return fixedBytes + count * perCheckpoint + blocks * sizeof(std::vector<double>);
    };
    std::size_t count = budgetBytes > fixedBytes ? (budgetBytes - fixedBytes) / perCheckpoint : 0;
    while (count > 2 && bytes(count) > budgetBytes)
        --count;
    return std::clamp<std::size_t>(count, 2, std::numeric_limits<std::uint32_t>::max());
}

}  // namespace

TrainingHistory::TrainingHistory(const Trainer& trainer, long long interval,
                                 std::size_t budgetBytes)
    : weightCount_(trainer.parameters().weights.size()),
      biasCount_(trainer.parameters().biases.size()),
      velocityCount_(trainer.momentum() != 0.0 ? weightCount_ + biasCount_ : 0),
      interval_(std::max(1LL, interval)),
      rates_{{0, trainer.learningRate()}} {
    const std::size_t slotBytes = slotSize() * sizeof(double);
    slotsPerBlock_ = std::max<std::size_t>(1, kBlockBytes / std::max<std::size_t>(1, slotBytes));
    // The record itself and its first rate come off the budget first.
    capacity_ = capacityWithin(budgetBytes, sizeof(TrainingHistory) + kRateBytes, slotBytes,
                               slotsPerBlock_);
    blocks_.reserve((capacity_ + slotsPerBlock_ - 1) / slotsPerBlock_);
    slots_.reserve(capacity_);
    keep(trainer);
}

double TrainingHistory::rateAt(long long iteration) const {
    return std::prev(rates_.upper_bound(iteration))->second;
}

long long TrainingHistory::replayFrom(long long iteration) const {
    iteration = std::clamp(iteration, 0LL, end_);
    const long long last = static_cast<long long>(checkpointCount_) - 1;
    return std::min(iteration / interval_, last) * interval_;
}

long long TrainingHistory::prepareSegment(Trainer& trainer, long long target) const {
    const long long at = trainer.iteration();
    const double rate = rateAt(at);
    if (trainer.learningRate() != rate) trainer.setLearningRate(rate);
    long long until = std::min(target, (at / interval_ + 1) * interval_);
    const auto change = rates_.upper_bound(at);
    if (change != rates_.end()) until = std::min(until, change->first);
    return until;
}

long long TrainingHistory::advance(Trainer& trainer, long long steps,
                                   std::vector<double>* lossesBefore) {
    const long long start = trainer.iteration();
    while (trainer.iteration() < start + steps) {
        const long long at = trainer.iteration();
        const long long until = prepareSegment(trainer, start + steps);
        const long long reached = at + trainer.run(until - at, lossesBefore);
        if (reached % interval_ == 0 &&
            reached / interval_ == static_cast<long long>(checkpointCount_))
            keep(trainer);
        end_ = std::max(end_, reached);
        if (reached < until) break;  // diverged
    }
    return trainer.iteration() - start;
}

void TrainingHistory::seek(Trainer& trainer, long long iteration) const {
    iteration = std::clamp(iteration, 0LL, end_);
    const long long checkpoint = replayFrom(iteration);
    // Already on the way there: replay from where the trainer is, if that is nearer.
    const long long from = trainer.iteration();
    if (!(from <= iteration && from >= checkpoint && !trainer.divergence()))
        restore(trainer, slots_[checkpoint / interval_], checkpoint);
    while (trainer.iteration() < iteration) {
        const long long at = trainer.iteration();
        const long long until = prepareSegment(trainer, iteration);
        if (trainer.run(until - at) < until - at) break;  // the record never goes past this
    }
    if (trainer.learningRate() != rateAt(iteration)) trainer.setLearningRate(rateAt(iteration));
}

void TrainingHistory::changeRate(Trainer& trainer, double learningRate) {
    const long long at = trainer.iteration();
    // The run beyond `at` was made with other rates: forget it; its checkpoints' slots are free.
    end_ = at;
    checkpointCount_ = std::min<std::size_t>(at / interval_ + 1, checkpointCount_);
    rates_.erase(rates_.upper_bound(at), rates_.end());
    // A change back to the rate before this iteration is no change at all.
    if (at == 0) {
        rates_[0] = learningRate;
    } else {
        rates_.erase(at);
        if (rateAt(at) != learningRate) rates_[at] = learningRate;
    }
    trainer.setLearningRate(learningRate);
}

std::size_t TrainingHistory::memoryBytes() const {
    std::size_t bytes = sizeof(*this) + rates_.size() * kRateBytes;
    bytes += blocks_.capacity() * sizeof(blocks_[0]);
    for (const std::vector<double>& block : blocks_)
        bytes += block.capacity() * sizeof(double);
    bytes += slots_.size() * sizeof(std::uint32_t);
    return bytes;
}

void TrainingHistory::keep(const Trainer& trainer) {
    store(trainer);
    if (++checkpointCount_ == capacity_) thin();
}

void TrainingHistory::thin() {
    // The even checkpoints (at multiples of twice the interval) move to the front in order; the
    // slots of the odd ones end up behind them, free.
    std::size_t kept = 0;
    for (std::size_t k = 0; k < checkpointCount_; k += 2)
        std::swap(slots_[kept++], slots_[k]);
    checkpointCount_ = kept;
    interval_ *= 2;
}

void TrainingHistory::store(const Trainer& trainer) {
    const Parameters& parameters = trainer.parameters();
    assert(parameters.weights.size() == weightCount_ && parameters.biases.size() == biasCount_);
    if (checkpointCount_ == slots_.size()) {
        // No free slot: open the next, and its block.
        const auto slot = static_cast<std::uint32_t>(slots_.size());
        if (slot % slotsPerBlock_ == 0) {
            const std::size_t slots = std::min(slotsPerBlock_, capacity_ - slot);
            blocks_.emplace_back(slots * slotSize());
        }
        slots_.push_back(slot);
    }
    double* out = slotData(slots_[checkpointCount_]);
    out = std::copy(parameters.weights.begin(), parameters.weights.end(), out);
    out = std::copy(parameters.biases.begin(), parameters.biases.end(), out);
    if (velocityCount_ != 0) std::copy(trainer.velocity().begin(), trainer.velocity().end(), out);
}

void TrainingHistory::restore(Trainer& trainer, std::uint32_t slot, long long iteration) const {
    const double* in = slotData(slot);
    const double* velocity = in + weightCount_ + biasCount_;
    trainer.restore({std::vector<double>(in, in + weightCount_),
                     std::vector<double>(in + weightCount_, velocity)},
                    iteration, {velocity, velocityCount_});
}

double* TrainingHistory::slotData(std::uint32_t slot) {
    const std::size_t offset = (slot % slotsPerBlock_) * slotSize();
    return blocks_[slot / slotsPerBlock_].data() + offset;
}

const double* TrainingHistory::slotData(std::uint32_t slot) const {
    const std::size_t offset = (slot % slotsPerBlock_) * slotSize();
    return blocks_[slot / slotsPerBlock_].data() + offset;
}

}  // namespace core
