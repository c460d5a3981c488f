#include "trainingrun.h"

#include <algorithm>
#include <cmath>

#include "workerprobes.h"

namespace ui {

namespace {

constexpr long long kChunk = 1 << 16;  // updates between recording their losses
// Checkpoints start this much replay apart (in multiply-adds), and at most 1,000 iterations: a
// small network keeps one every 1,000 iterations, the largest one every iteration.
constexpr double kCheckpointWork = 1e7;
constexpr long long kLongestInterval = 1000;

long long checkpointInterval(const core::Trainer& trainer) {
    return std::clamp(static_cast<long long>(kCheckpointWork / passWork(trainer)), 1LL,
                      kLongestInterval);
}

}  // namespace

void TrainingRun::restart(const core::Trainer& start) {
    trainer_ = start;
    blank_ = start;
    record_.emplace(start, checkpointInterval(start));
    losses_.clear();
    gestureAt_.clear();
}

void TrainingRun::goTo(long long iteration) {
    // Within the record, jump there (from the nearest checkpoint); beyond it, train on.
    record_->seek(*trainer_, std::min(iteration, record_->end()));
    // In chunks, so that the losses waiting to be recorded stay few.
    while (trainer_->iteration() < iteration) {
        const long long from = trainer_->iteration();
        scratch_.clear();
        record_->advance(*trainer_, std::min(kChunk, iteration - from), &scratch_);
        recordLosses(from, scratch_);
        if (trainer_->iteration() == from) break;  // it blows up here
    }
}

double TrainingRun::replayWork(long long iteration) const {
    iteration = std::clamp(iteration, 0LL, record_->end());
    return double(iteration - replayOrigin(iteration)) * passWork(*trainer_);
}

long long TrainingRun::replayOrigin(long long iteration) const {
    // As TrainingHistory::seek: from the trainer when it is on the way, else from a checkpoint.
    const long long checkpoint = record_->replayFrom(iteration);
    const long long at = trainer_->iteration();
    return at <= iteration && at >= checkpoint && !trainer_->divergence() ? at : checkpoint;
}

core::Trainer TrainingRun::probe() const {
    // A trainer held at a blow-up is copied whole: restoring would forget the blow-up.
    if (trainer_->divergence()) return *trainer_;
    core::Trainer copy = *blank_;
    copy.restore(trainer_->parameters(), trainer_->iteration(), trainer_->velocity());
    if (copy.learningRate() != trainer_->learningRate())
        copy.setLearningRate(trainer_->learningRate());
    return copy;
}

core::Trainer TrainingRun::replayStart(long long iteration) const {
    core::Trainer start = probe();
    // A checkpoint is restored, not replayed.
    const long long origin = replayOrigin(iteration);
    if (origin != trainer_->iteration() || start.divergence()) record_->seek(start, origin);
    return start;
}

bool TrainingRun::recordLoss(long long iteration, double loss) {
    if (losses_.size() != iteration || !std::isfinite(loss)) return false;
    losses_.append(loss);
    return true;
}

void TrainingRun::recordLosses(long long firstIteration, const std::vector<double>& losses) {
    for (std::size_t i = 0; i < losses.size(); ++i)
        if (firstIteration + static_cast<long long>(i) == losses_.size()) losses_.append(losses[i]);
}

void TrainingRun::changeRate(double learningRate, int gesture) {
    const long long at = trainer_->iteration();
    record_->changeRate(*trainer_, learningRate);
    // The changes beyond this iteration are forgotten with the future; this one is the gesture's.
    gestureAt_.erase(gestureAt_.lower_bound(at), gestureAt_.end());
    if (record_->rates().contains(at)) gestureAt_[at] = gesture;
    // The curve beyond this iteration belonged to the old rates: cut it, then fill the part of
    // its last bucket before this iteration again by replay.
    if (losses_.size() > at + 1) {
        const long long resume = losses_.truncate(at + 1);
        if (resume <= at) {
            record_->seek(*trainer_, resume);
            scratch_.clear();
            record_->advance(*trainer_, at - resume, &scratch_);
            recordLosses(resume, scratch_);
            record_->seek(*trainer_, at);
        }
    }
}

std::vector<RateChange> TrainingRun::rateChanges() const {
    std::vector<RateChange> changes;
    if (!record_) return changes;
    for (const auto& [iteration, rate] : record_->rates())
        changes.push_back({iteration, rate});
    return changes;
}

std::vector<RateChange> TrainingRun::rateMarkers() const {
    std::vector<RateChange> markers;
    int previous = -1;
    for (const RateChange& change : rateChanges()) {
        if (change.iteration == 0) continue;  // the initial rate is no change
        const auto found = gestureAt_.find(change.iteration);
        const int gesture = found == gestureAt_.end() ? -1 : found->second;
        // The changes of one drag make one marker, with the rate the drag ended on.
        if (gesture >= 0 && gesture == previous)
            markers.back().learningRate = change.learningRate;
        else
            markers.push_back(change);
        previous = gesture;
    }
    return markers;
}

std::size_t TrainingRun::bytes() const {
    return (record_ ? record_->memoryBytes() : 0) +
           losses_.points().capacity() * sizeof(core::LossHistory::Point);
}

}  // namespace ui
