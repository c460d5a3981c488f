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

long long TrainingHistory::advance(Trainer& trainer, long long steps,
                                   std::vector<double>* lossesBefore) {
    long long made = 0;
    while (made < steps) {
        const long long at = trainer.iteration();
        const double rate = rateAt(at);
        if (trainer.learningRate() != rate) trainer.setLearningRate(rate);
        // Run to the next checkpoint, rate change or the end of the request, whichever is first.
        long long until = std::min(at + (steps - made), (at / interval_ + 1) * interval_);
        const auto change = rates_.upper_bound(at);
        if (change != rates_.end()) until = std::min(until, change->first);
        const long long ran = trainer.run(until - at, lossesBefore);
        made += ran;
        const long long reached = at + ran;
        if (reached % interval_ == 0 &&
            reached / interval_ == static_cast<long long>(checkpoints_.size()))
            checkpoints_.push_back(trainer.parameters());
        end_ = std::max(end_, reached);
        if (ran < until - at) break;  // diverged
    }
    return made;
}

void TrainingHistory::seek(Trainer& trainer, long long iteration) {
    iteration = std::clamp(iteration, 0LL, end_);
    const long long checkpoint =
        std::min(iteration / interval_, static_cast<long long>(checkpoints_.size()) - 1);
    // Already on the way there: replay from where the trainer is, if that is nearer.
    const long long from = trainer.iteration();
    if (!(from <= iteration && from >= checkpoint * interval_ && !trainer.divergence()))
        trainer.restore(checkpoints_[checkpoint], checkpoint * interval_);
    advance(trainer, iteration - trainer.iteration());
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
