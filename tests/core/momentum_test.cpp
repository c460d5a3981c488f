// Momentum (v <- beta * v + dE/dp; p <- p - lr * v) against a hand computation of the worked
// example, through the fast path, the recorded path, the history and the explanation.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <vector>

#include "core/explanation.h"
#include "core/trainer.h"
#include "core/traininghistory.h"
#include "workedexample.h"

namespace {

constexpr double kBeta = 0.9;

// The worked example's eight weights w1..w8, hand-indexed as the article writes them.
using Weights = std::array<double, 8>;

double sigmoid(double x) {
    return 1.0 / (1.0 + std::exp(-x));
}

// dE/dw of the worked example at `w`, written out as the article derives it (biases 0.35 and
// 0.60 frozen; one sample i = (0.05, 0.10), target (0.01, 0.99)).
Weights handGradient(const Weights& w) {
    const double i1 = 0.05, i2 = 0.10, b1 = 0.35, b2 = 0.60, t1 = 0.01, t2 = 0.99;
    const double h1 = sigmoid(w[0] * i1 + w[1] * i2 + b1);
    const double h2 = sigmoid(w[2] * i1 + w[3] * i2 + b1);
    const double o1 = sigmoid(w[4] * h1 + w[5] * h2 + b2);
    const double o2 = sigmoid(w[6] * h1 + w[7] * h2 + b2);
    const double delta1 = (o1 - t1) * o1 * (1 - o1);
    const double delta2 = (o2 - t2) * o2 * (1 - o2);
    const double hiddenDelta1 = (delta1 * w[4] + delta2 * w[6]) * h1 * (1 - h1);
    const double hiddenDelta2 = (delta1 * w[5] + delta2 * w[7]) * h2 * (1 - h2);
    return {hiddenDelta1 * i1, hiddenDelta1 * i2, hiddenDelta2 * i1, hiddenDelta2 * i2,
            delta1 * h1,       delta1 * h2,       delta2 * h1,       delta2 * h2};
}

core::NetworkConfig withMomentum(double beta) {
    core::NetworkConfig config = testing_support::workedExample();
    config.momentum = beta;
    return config;
}

TEST(MomentumTest, FirstThreeStepsMatchAHandComputation) {
    Weights w{0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55};
    Weights v{};
    core::Trainer trainer(withMomentum(kBeta));
    for (int step = 1; step <= 3; ++step) {
        const Weights g = handGradient(w);
        for (int k = 0; k < 8; ++k) {
            v[k] = kBeta * v[k] + g[k];
            w[k] -= 0.5 * v[k];
        }
        trainer.step();
        for (int k = 0; k < 8; ++k) {
            EXPECT_NEAR(trainer.parameters().weights[k], w[k], 1e-14) << "step " << step;
            EXPECT_NEAR(trainer.velocity()[k], v[k], 1e-14) << "step " << step;
        }
    }
    // The first step starts from v = 0, so it is the article's plain step: w5+ = 0.35891648.
    core::Trainer first(withMomentum(kBeta));
    first.step();
    testing_support::expectPublished(first.parameters().weights[4], "0.35891648");
    EXPECT_EQ(first.parameters().biases, (std::vector<double>{0.35, 0.60}));  // frozen
    EXPECT_EQ(first.velocity()[8], 0.0);
}

TEST(MomentumTest, FastPathAndRecordedStepsGiveTheSameBits) {
    core::NetworkConfig config = withMomentum(0.75);
    config.trainBiases = true;
    config.learningRate = 2.0;
    core::Trainer fast(config), recorded(config);
    fast.run(40);
    for (int k = 0; k < 40; ++k)
        recorded.step();
    EXPECT_EQ(fast.parameters(), recorded.parameters());
    EXPECT_EQ(fast.velocity(), recorded.velocity());
    EXPECT_NE(fast.velocity()[8], 0.0);  // trained biases move with a velocity of their own
}

TEST(MomentumTest, HistoryReplaysAnyIterationBitForBit) {
    core::NetworkConfig config = withMomentum(kBeta);
    config.learningRate = 8.0;  // oscillating: the velocity matters at every step
    core::Trainer straight(config);
    std::vector<core::Parameters> parameters{straight.parameters()};
    std::vector<std::vector<double>> velocities{straight.velocity()};
    for (int k = 0; k < 300; ++k) {
        straight.run(1);
        parameters.push_back(straight.parameters());
        velocities.push_back(straight.velocity());
    }
    core::Trainer trainer(config);
    core::TrainingHistory history(trainer, 16);
    history.advance(trainer, 300);
    // Step back and forward: every iteration restored from a checkpoint and its velocity.
    for (long long at : {299LL, 17LL, 0LL, 16LL, 250LL, 31LL, 300LL, 1LL}) {
        history.seek(trainer, at);
        EXPECT_EQ(trainer.parameters(), parameters[at]) << "iteration " << at;
        EXPECT_EQ(trainer.velocity(), velocities[at]) << "iteration " << at;
    }
}

TEST(MomentumTest, PlainGradientDescentKeepsNoVelocity) {
    core::Trainer trainer(testing_support::workedExample());
    trainer.run(5);
    for (double v : trainer.velocity())
        EXPECT_EQ(v, 0.0);
    // And its update is exactly p - lr * dE/dp.
    const core::StepSnapshot step = trainer.step();
    for (int k = 0; k < 8; ++k)
        EXPECT_EQ(step.weightsAfter()[k], step.weightsBefore()[k] - 0.5 * step.dLoss_dWeight(k));
}

TEST(MomentumTest, ExplanationShowsEachVelocityBeforeItsUpdate) {
    core::Trainer trainer(withMomentum(kBeta));
    trainer.step();
    const core::StepSnapshot step = trainer.step();  // the second step: v is no longer 0
    const core::Explanation terms(step, 9);
    const core::Explanation plain(core::Trainer(testing_support::workedExample()).step(), 9);
    // The article's step has 43 terms, 8 of them updates; momentum adds one per weight.
    ASSERT_EQ(plain.size(), 43);
    ASSERT_EQ(terms.size(), 51);
    const int v5 = terms.indexOf({.quantity = core::Quantity::NewWeightVelocity, .parameter = 4});
    const int w5 = terms.indexOf({.quantity = core::Quantity::NewWeight, .parameter = 4});
    ASSERT_GE(v5, terms.phaseEnd(core::Phase::Backward));
    EXPECT_EQ(w5, v5 + 1);
    const core::Term velocity = terms.term(v5);
    EXPECT_EQ(core::plainText(velocity).rfind("v_w5+ = beta * v_w5 + dE_total/dw5 = 0.9 * ", 0), 0u)
        << core::plainText(velocity);
    const double expected = kBeta * step.velocityBefore()[4] + step.dLoss_dWeight(4);
    EXPECT_EQ(velocity.value, expected);
    // v_w5 after the first step is the article's dE/dw5.
    testing_support::expectPublished(step.velocityBefore()[4], "0.082167041");
    const core::Term update = terms.term(w5);
    EXPECT_NE(core::plainText(update).find("w5 - lr * v_w5+ = 0.35891648 - 0.5 * "), std::string::npos)
        << core::plainText(update);
    EXPECT_EQ(update.value, step.weightsBefore()[4] - 0.5 * expected);
    // Every term is found again from the quantity it computes.
    for (int k = 0; k < terms.size(); ++k)
        EXPECT_EQ(terms.indexOf(terms.term(k).quantity), k) << k;
    EXPECT_EQ(plain.indexOf({.quantity = core::Quantity::NewWeightVelocity, .parameter = 4}), -1);
}

TEST(MomentumTest, ConfigurationRefusesABetaOutsideZeroToOne) {
    for (double beta : {-0.1, 1.0, 1.5, std::nan("")}) {
        core::NetworkConfig config = withMomentum(beta);
        EXPECT_EQ(core::validateConfig(config).rfind("momentum:", 0), 0u) << beta;
    }
    EXPECT_EQ(core::validateConfig(withMomentum(0.0)), "");
    EXPECT_EQ(core::validateConfig(withMomentum(0.999)), "");
}

}  // namespace
