#include "core/traininghistory.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "workedexample.h"

namespace {

using core::Trainer;
using core::TrainingHistory;
using Schedule = std::map<long long, double>;  // from which iteration on, which rate

core::NetworkConfig twoSamples() {
    core::NetworkConfig config = testing_support::workedExample();
    config.samples.push_back({{0.10, 0.05}, {0.99, 0.01}});
    config.trainBiases = true;
    return config;
}

// The parameters a plain run reaches, as the reference for every seek.
core::Parameters plainRun(long long steps, double rate = 0.5) {
    core::NetworkConfig config = twoSamples();
    config.learningRate = rate;
    Trainer trainer(config);
    trainer.run(steps);
    return trainer.parameters();
}

// An independent run of `config` on `schedule`: its parameters at each of `targets`.
std::map<long long, core::Parameters> scheduledRun(const core::NetworkConfig& config,
                                                   const Schedule& schedule,
                                                   const std::set<long long>& targets) {
    Trainer trainer(config);
    std::map<long long, core::Parameters> reached;
    for (long long target : targets) {
        while (trainer.iteration() < target) {
            const long long at = trainer.iteration();
            const auto next = schedule.upper_bound(at);
            trainer.setLearningRate(std::prev(next)->second);
            const long long until = next == schedule.end() ? target : std::min(target, next->first);
            trainer.run(until - at);
        }
        reached[target] = trainer.parameters();
    }
    return reached;
}

// The worst replay the header promises: interval() - 1 updates, with interval() at most
// max(initial interval, 2 * peak / (capacity - 1)).
long long replayBound(const TrainingHistory& history, long long initialInterval, long long peak) {
    const long long capacity = static_cast<long long>(history.capacity());
    return std::max(initialInterval, 2 * peak / (capacity - 1)) - 1;
}

// Records `schedule` up to `end` in `history`, through `trainer`, in chunks of `chunk` updates.
void record(TrainingHistory& history, Trainer& trainer, const Schedule& schedule, long long end,
            long long chunk) {
    while (trainer.iteration() < end) {
        const long long at = trainer.iteration();
        const auto change = schedule.find(at);
        if (change != schedule.end() && change->second != trainer.learningRate())
            history.changeRate(trainer, change->second);
        const auto next = schedule.upper_bound(at);
        const long long until = next == schedule.end() ? end : std::min(end, next->first);
        ASSERT_EQ(history.advance(trainer, std::min(chunk, until - at)),
                  std::min(chunk, until - at));
    }
}

TEST(TrainingHistoryTest, SeekRestoresAnyIterationBitForBit) {
    Trainer trainer(twoSamples());
    TrainingHistory history(trainer, 100);
    EXPECT_EQ(history.advance(trainer, 1234), 1234);
    EXPECT_EQ(history.end(), 1234);
    for (long long target : {0LL, 1LL, 99LL, 100LL, 101LL, 777LL, 1234LL, 500LL}) {
        history.seek(trainer, target);
        EXPECT_EQ(trainer.iteration(), target);
        EXPECT_EQ(trainer.parameters(), plainRun(target)) << target;
    }
}

TEST(TrainingHistoryTest, ReplayFollowsTheRecordedRates) {
    Trainer trainer(twoSamples());
    TrainingHistory history(trainer, 64);
    history.advance(trainer, 150);
    history.changeRate(trainer, 5.0);
    history.advance(trainer, 100);
    const core::Parameters recorded = trainer.parameters();
    // Back before the change and forward again: the same run, rate and all.
    history.seek(trainer, 120);
    EXPECT_EQ(trainer.learningRate(), 0.5);
    history.advance(trainer, 130);
    EXPECT_EQ(trainer.iteration(), 250);
    EXPECT_EQ(trainer.learningRate(), 5.0);
    EXPECT_EQ(trainer.parameters(), recorded);
    // An independent run with the same schedule agrees.
    core::NetworkConfig config = twoSamples();
    Trainer reference(config);
    reference.run(150);
    reference.setLearningRate(5.0);
    reference.run(100);
    EXPECT_EQ(reference.parameters(), recorded);
}

TEST(TrainingHistoryTest, ChangingTheRateInThePastStartsANewBranch) {
    Trainer trainer(twoSamples());
    TrainingHistory history(trainer, 64);
    history.advance(trainer, 300);
    history.seek(trainer, 100);
    history.changeRate(trainer, 2.0);
    EXPECT_EQ(history.end(), 100);
    EXPECT_EQ(history.rateAt(150), 2.0);
    history.advance(trainer, 50);
    Trainer reference(twoSamples());
    reference.run(100);
    reference.setLearningRate(2.0);
    reference.run(50);
    EXPECT_EQ(trainer.parameters(), reference.parameters());
}

TEST(TrainingHistoryTest, StaysSmallOverAMillionIterations) {
    Trainer trainer(testing_support::workedExample());
    TrainingHistory history(trainer);
    history.advance(trainer, 1'000'000);
    EXPECT_EQ(history.end(), 1'000'000);
    // 1,001 checkpoints of ten doubles and their bookkeeping.
    EXPECT_LT(history.memoryBytes(), 200'000u);
}

// A tiny budget over a long run: the record thins itself and never outgrows its budget.
TEST(TrainingHistoryTest, StaysWithinItsBudgetOverAVeryLongRun) {
    Trainer trainer(testing_support::workedExample());
    const std::size_t budget = 8 << 10;
    TrainingHistory history(trainer, 10, budget);
    ASSERT_GE(history.capacity(), 64u);
    ASSERT_LT(history.capacity(), 100u);
    // A hundred thousand checkpoints at the initial interval, thinned into fewer than a hundred.
    while (history.end() < 1'000'000) {
        history.advance(trainer, 7'777);
        EXPECT_LE(history.memoryBytes(), budget) << history.end();
        EXPECT_LE(history.interval() - 1, replayBound(history, 10, history.end())) << history.end();
    }
    EXPECT_GT(history.interval(), 10'000);
    // A full-size record holds about its budget: the default record of the worked example.
    Trainer fresh(testing_support::workedExample());
    TrainingHistory full(fresh, 1);
    full.advance(fresh, 2 * static_cast<long long>(full.capacity()));
    EXPECT_LE(full.memoryBytes(), TrainingHistory::defaultBudgetBytes);
    EXPECT_GT(full.memoryBytes(), TrainingHistory::defaultBudgetBytes * 9 / 10);
}

// After many thinnings and rate changes, every seek equals an independent run bit for bit, and
// replays no more than the header's bound.
TEST(TrainingHistoryTest, SeekAfterThinningIsExactAndBounded) {
    const core::NetworkConfig config = twoSamples();
    const Schedule schedule{{0, 0.5}, {3'001, 2.0}, {9'000, 0.8}, {9'001, 3.0}, {14'567, 1.25}};
    const long long end = 20'000;
    Trainer trainer(config);
    TrainingHistory history(trainer, 4, 2 << 10);
    record(history, trainer, schedule, end, 333);
    ASSERT_EQ(history.rates(), schedule);
    ASSERT_GT(history.interval(), 4 * 64);  // thinned six times and more

    // Random iterations, the edges, the checkpoints and their neighbours, the rate changes.
    std::set<long long> targets{0, 1, 2, end - 1, end};
    std::mt19937_64 random(7);
    for (int i = 0; i < 200; ++i)
        targets.insert(std::uniform_int_distribution(0LL, end)(random));
    for (long long at = 0; at <= end; at += history.interval())
        for (long long near : {at - 1, at, at + 1})
            targets.insert(std::clamp(near, 0LL, end));
    for (const auto& [at, rate] : schedule)
        for (long long near : {at - 1, at, at + 1})
            targets.insert(std::clamp(near, 0LL, end));
    const auto reference = scheduledRun(config, schedule, targets);

    std::vector<long long> order(targets.begin(), targets.end());
    std::shuffle(order.begin(), order.end(), random);
    for (long long target : order) {
        EXPECT_LE(target - history.replayFrom(target), replayBound(history, 4, end)) << target;
        EXPECT_EQ(history.replayFrom(target) % history.interval(), 0) << target;
        history.seek(trainer, target);
        ASSERT_EQ(trainer.iteration(), target);
        EXPECT_EQ(trainer.parameters(), reference.at(target)) << target;
        EXPECT_EQ(trainer.learningRate(), std::prev(schedule.upper_bound(target))->second);
    }
    // In order, each seek carries on from the last one: the same states.
    for (long long target : targets) {
        history.seek(trainer, target);
        EXPECT_EQ(trainer.parameters(), reference.at(target)) << target;
    }
}

// A rate change after thinning cuts the record where the trainer is, at a checkpoint or between
// two, and the new branch is exact and as bounded as the old one.
TEST(TrainingHistoryTest, ChangingTheRateAfterThinningTruncates) {
    const core::NetworkConfig config = twoSamples();
    const long long initialInterval = 3;
    const std::size_t budget = 2 << 10;
    for (bool atCheckpoint : {false, true}) {
        Trainer trainer(config);
        TrainingHistory history(trainer, initialInterval, budget);
        history.advance(trainer, 30'000);
        const long long coarse = history.interval();
        const long long cut = atCheckpoint ? 7 * coarse : 7 * coarse + coarse / 2;
        history.seek(trainer, cut);
        history.changeRate(trainer, 1.5);
        EXPECT_EQ(history.end(), cut);
        EXPECT_EQ(history.interval(), coarse);
        EXPECT_EQ(history.replayFrom(cut), 7 * coarse);
        EXPECT_EQ(history.rates(), (Schedule{{0, 0.5}, {cut, 1.5}}));
        // On to well past the old end: thinned again, within budget, exact everywhere.
        history.advance(trainer, 60'000);
        EXPECT_LE(history.memoryBytes(), budget + 64);
        EXPECT_GT(history.interval(), coarse);
        const long long end = history.end();
        const Schedule schedule = history.rates();
        const std::set<long long> targets{0, cut - 1, cut, cut + 1, end / 2, end - 1, end};
        const auto reference = scheduledRun(config, schedule, targets);
        for (long long target : targets) {
            EXPECT_LE(target - history.replayFrom(target),
                      replayBound(history, initialInterval, end));
            history.seek(trainer, target);
            EXPECT_EQ(trainer.parameters(), reference.at(target)) << target;
        }
    }
}

// Going back far and changing the rate leaves the spacing of the longest run: the bound holds
// with the peak the record reached, not its shorter end.
TEST(TrainingHistoryTest, AShortenedRunKeepsItsSpacing) {
    Trainer trainer(testing_support::workedExample());
    TrainingHistory history(trainer, 5, 1 << 10);
    history.advance(trainer, 50'000);
    const long long peak = history.end();
    history.seek(trainer, 123);
    history.changeRate(trainer, 0.25);
    history.advance(trainer, 1'000);
    EXPECT_LE(history.interval() - 1, replayBound(history, 5, peak));
    EXPECT_GT(history.interval() - 1, replayBound(history, 5, history.end()));
}

// A copy (what a rate drag keeps to give back) is a record of its own: the original may thin,
// change rate and grow, and the copy, assigned back, still replays its run exactly.
TEST(TrainingHistoryTest, ACopyKeepsItsRunWhileTheOriginalMovesOn) {
    Trainer trainer(twoSamples());
    TrainingHistory history(trainer, 7, 1 << 10);
    history.advance(trainer, 5'000);
    const TrainingHistory copy = history;
    history.seek(trainer, 1'234);
    history.changeRate(trainer, 2.5);
    history.advance(trainer, 20'000);
    history = copy;
    EXPECT_EQ(history.end(), 5'000);
    EXPECT_EQ(history.rates(), (Schedule{{0, 0.5}}));
    history.seek(trainer, 4'321);
    EXPECT_EQ(trainer.parameters(), plainRun(4'321));
    history.advance(trainer, 10'000);
    EXPECT_EQ(trainer.parameters(), plainRun(14'321));
    EXPECT_LE(history.memoryBytes(), std::size_t(1) << 10);
}

}  // namespace
