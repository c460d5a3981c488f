#include "traininghistory.h"

#include <algorithm>

namespace core {

TrainingHistory::TrainingHistory(const Trainer& trainer, long long interval)
    : interval_(std::max(1LL, interval)),
      checkpoints_{trainer.parameters()},
      rates_{{0, trainer.learningRate()}} {}

double TrainingHistory::rateAt(long long iteration) const {
    return std::prev(rates_.upper_bound(iteration))->second;
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
            reached / interval_ == static_cast<long long>(checkpoints_.size()))
            checkpoints_.push_back(trainer.parameters());
        end_ = std::max(end_, reached);
        if (reached < until) break;  // diverged
    }
    return trainer.iteration() - start;
}

void TrainingHistory::seek(Trainer& trainer, long long iteration) const {
    iteration = std::clamp(iteration, 0LL, end_);
    const long long checkpoint =
        std::min(iteration / interval_, static_cast<long long>(checkpoints_.size()) - 1);
    // Already on the way there: replay from where the trainer is, if that is nearer.
    const long long from = trainer.iteration();
    if (!(from <= iteration && from >= checkpoint * interval_ && !trainer.divergence()))
        trainer.restore(checkpoints_[checkpoint], checkpoint * interval_);
    while (trainer.iteration() < iteration) {
        const long long at = trainer.iteration();
        const long long until = prepareSegment(trainer, iteration);
        if (trainer.run(until - at) < until - at) break;  // the record never goes past this
    }
    if (trainer.learningRate() != rateAt(iteration)) trainer.setLearningRate(rateAt(iteration));
}

void TrainingHistory::changeRate(Trainer& trainer, double learningRate) {
    const long long at = trainer.iteration();
    // The run beyond `at` was made with other rates: forget it.
    end_ = at;
    checkpoints_.resize(at / interval_ + 1);
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
    std::size_t bytes = sizeof(*this) + rates_.size() * (sizeof(long long) + sizeof(double) + 32);
    for (const Parameters& p : checkpoints_)
        bytes += sizeof(Parameters) + (p.weights.capacity() + p.biases.capacity()) * sizeof(double);
    return bytes;
}

}  // namespace core
