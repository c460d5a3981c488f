#include "core/traininghistory.h"

#include <gtest/gtest.h>

#include "workedexample.h"

namespace {

using core::Trainer;
using core::TrainingHistory;

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

}  // namespace
