#include "ui/trainingcontroller.h"

#include <gtest/gtest.h>

#include <QSignalSpy>

#include "../core/workedexample.h"
#include "ui/presetlibrary.h"

namespace {

using testing_support::expectPublished;

session::Session preset(const char* name) {
    return session::PresetLibrary::builtIn().find(name)->session;
}

TEST(TrainingControllerTest, StepsAndRecordsTheLossOfEveryIteration) {
    ui::TrainingController controller;
    controller.load(preset("mazur"), "mazur");
    EXPECT_EQ(controller.iteration(), 0);
    expectPublished(controller.snapshot().loss(), "0.298371109");
    controller.step();
    EXPECT_EQ(controller.iteration(), 1);
    expectPublished(controller.snapshot().weightsBefore()[4], "0.35891648");
    ASSERT_EQ(controller.history().size(), 2);
    expectPublished(controller.history().points()[1].loss, "0.291027774");

    // Chunks run quietly and a single publish record the same curve as a plain engine run.
    controller.runQuietly(40);
    controller.runQuietly(59);
    controller.publish();
    EXPECT_EQ(controller.iteration(), 100);
    core::Trainer reference(testing_support::workedExample());
    std::vector<double> losses;
    reference.run(100, &losses);
    losses.push_back(reference.evaluate().loss());
    ASSERT_EQ(controller.history().size(), 101);
    for (int i = 0; i <= 100; ++i)
        EXPECT_EQ(controller.history().points()[i].loss, losses[i]);
}

TEST(TrainingControllerTest, RateChangesAreRecordedOncePerIteration) {
    ui::TrainingController controller;
    controller.load(preset("mazur"), "mazur");
    QSignalSpy changed(&controller, &ui::TrainingController::learningRateChanged);
    controller.setLearningRate(2.0);
    controller.setLearningRate(3.0);  // before any update: replaces the change above
    controller.run(5);
    controller.setLearningRate(0.25);
    EXPECT_EQ(changed.count(), 3);
    const std::vector<ui::RateChange> expected = {{0, 3.0}, {5, 0.25}};
    EXPECT_EQ(controller.rateChanges(), expected);
}

TEST(TrainingControllerTest, ResetKeepsTheRateAndRestartsTheRun) {
    ui::TrainingController controller;
    controller.load(preset("mazur"), "mazur");
    controller.setLearningRate(4.0);
    controller.run(10);
    QSignalSpy restarted(&controller, &ui::TrainingController::runStarted);
    controller.reset();
    EXPECT_EQ(restarted.count(), 1);
    EXPECT_EQ(controller.iteration(), 0);
    EXPECT_EQ(controller.learningRate(), 4.0);
    EXPECT_EQ(controller.history().size(), 1);
    EXPECT_EQ(controller.snapshot().weightsBefore()[4], 0.40);
}

TEST(TrainingControllerTest, DivergenceIsAnnouncedOnceAndTrainingHolds) {
    ui::TrainingController controller;
    controller.load(preset("diverge"), "diverge");
    QSignalSpy diverged(&controller, &ui::TrainingController::diverged);
    controller.run(100);
    controller.run(100);
    EXPECT_EQ(diverged.count(), 1);
    ASSERT_TRUE(controller.divergence());
    const long long held = controller.iteration();
    EXPECT_LT(held, 100);
    EXPECT_EQ(controller.run(5), 0);
    for (const auto& point : controller.history().points())
        EXPECT_TRUE(std::isfinite(point.loss));
}

TEST(TrainingControllerTest, CurrentSessionCarriesTheTrainedState) {
    ui::TrainingController controller;
    controller.load(preset("mazur"), "mazur");
    controller.step();
    controller.setLearningRate(0.75);
    const session::Session current = controller.currentSession();
    EXPECT_EQ(current.config.learningRate, 0.75);
    expectPublished(current.config.weights[1][0][0], "0.35891648");
}

}  // namespace
