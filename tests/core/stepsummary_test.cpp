#include "core/stepsummary.h"

#include <gtest/gtest.h>

#include "core/probe.h"
#include "core/trainer.h"
#include "workedexample.h"

namespace {

using testing_support::expectPublished;

// The worked example's first step: E_total 0.298371109 before; after the update 0.291027774,
// recomputed by hand from the article's updated weights (its own "0.291027924" uses other
// bookkeeping, see TrainerTest); w5 0.4 -> 0.35891648 and w1 0.15 -> 0.149780716 as published.
TEST(StepSummaryTest, TheWorkedExamplesFirstStep) {
    core::Trainer trainer(testing_support::workedExample());
    const double after = core::lossAfterStep(trainer);
    const core::StepSummary summary = core::summarizeStep(trainer.preview(), after);
    expectPublished(summary.lossBefore, "0.298371109");
    expectPublished(summary.lossAfter, "0.291027774");
    ASSERT_EQ(summary.parameters.size(), 10u);  // w1..w8, b1, b2
    const core::ParameterUpdate& w5 = summary.parameters[4];
    EXPECT_EQ(w5.name, "w5");
    EXPECT_EQ(w5.before, 0.4);
    expectPublished(w5.gradient, "0.082167041");
    expectPublished(w5.after, "0.35891648");
    expectPublished(summary.parameters[0].after, "0.149780716");
    EXPECT_EQ(core::updateText(w5, 9), "w5: 0.4 -> 0.35891648");
    // The biases do not train here: they keep their value and say so.
    const core::ParameterUpdate& b1 = summary.parameters[8];
    EXPECT_EQ(b1.name, "b1");
    EXPECT_FALSE(b1.trained);
    EXPECT_EQ(b1.after, 0.35);
    EXPECT_EQ(core::updateText(b1, 9), "b1: 0.35 (fixed)");
}

TEST(StepSummaryTest, TheLossAfterIsTheNextIterationsAndNaNWhenTheStepBlowsUp) {
    core::Trainer trainer(testing_support::workedExample());
    const double after = core::lossAfterStep(trainer);
    EXPECT_EQ(trainer.iteration(), 0);  // the trainer itself did not move
    trainer.run(1);
    EXPECT_EQ(after, trainer.evaluate().loss());
    core::NetworkConfig exploding = testing_support::workedExample();
    exploding.activations = {core::Activation::Linear, core::Activation::Linear};
    exploding.samples[0].input = {1e200, 1e200};
    EXPECT_TRUE(std::isnan(core::lossAfterStep(core::Trainer(exploding))));
}

}  // namespace
