#include "ui/backgroundwork.h"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

#include "core/probe.h"
#include "largesessions.h"
#include "ui/session/presetlibrary.h"

namespace {

core::Trainer mazur() {
    return core::Trainer(session::PresetLibrary::builtIn().find("mazur")->session.config);
}

// Of two questions asked of one lane, only the answer to the second comes; a cancelled one's
// never does; a lane is busy until its answer comes.
TEST(BackgroundWorkTest, OnlyTheNewestQuestionIsAnswered) {
    ui::BackgroundWork work;
    core::Trainer trainer = mazur();
    std::vector<std::vector<double>> answers;
    const auto keep = [&](std::vector<double> losses) { answers.push_back(std::move(losses)); };
    work.askPreview(trainer, 10, keep);
    trainer.setLearningRate(3.0);
    work.askPreview(trainer, 10, keep);
    EXPECT_TRUE(work.isBusy(ui::BackgroundWork::Lane::Preview));
    ASSERT_TRUE(work.waitUntilIdle());
    ASSERT_EQ(answers.size(), 1u);
    EXPECT_EQ(answers.front(), core::previewRun(trainer, 3.0, 10));
    EXPECT_FALSE(work.isBusy());

    work.askPreview(trainer, 10, keep);
    work.cancel(ui::BackgroundWork::Lane::Preview);
    EXPECT_FALSE(work.isBusy());
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 100)
        QCoreApplication::processEvents();
    EXPECT_EQ(answers.size(), 1u);
}

// Lanes answer apart: a question of one lane does not cancel another's.
TEST(BackgroundWorkTest, LanesAreIndependent) {
    ui::BackgroundWork work;
    const core::Trainer trainer = mazur();
    std::optional<double> check;
    std::optional<std::vector<double>> preview;
    work.askCheck(trainer, 4, [&](double value) { check = value; });
    work.askPreview(trainer, 5, [&](std::vector<double> losses) { preview = losses; });
    ASSERT_TRUE(work.waitUntilIdle());
    ASSERT_TRUE(check && preview);
    EXPECT_EQ(*check, core::centralDifference(trainer, 4));
    EXPECT_EQ(*preview, core::previewRun(trainer, trainer.learningRate(), 5));
}

// The step lane hands back an answer it superseded too, marked so: the model may show a large
// network's step of a few iterations ago while a newer one is computed.
TEST(BackgroundWorkTest, TheStepLaneHandsBackSupersededAnswersMarked) {
    ui::BackgroundWork work;
    core::Trainer trainer = mazur();
    std::vector<std::pair<long long, bool>> answers;
    const auto keep = [&](core::StepSnapshot step, bool latest) {
        answers.push_back({step.iteration(), latest});
    };
    work.askStep(trainer, keep);
    trainer.run(5);
    work.askStep(trainer, keep);
    ASSERT_TRUE(work.waitUntilIdle());
    ASSERT_FALSE(answers.empty());
    EXPECT_EQ(answers.back(), (std::pair<long long, bool>{5, true}));
    if (answers.size() == 2) EXPECT_EQ(answers.front(), (std::pair<long long, bool>{0, false}));
}

// Work in progress when the owner goes is cancelled, and its answer dropped: a long preview of
// the largest network ends within an iteration or so.
TEST(BackgroundWorkTest, GoingAwayCancelsWorkInProgress) {
    const core::Trainer trainer(testing_support::backgroundSession().config);
    bool answered = false;
    QElapsedTimer clock;
    {
        ui::BackgroundWork work;
        work.askPreview(trainer, 100'000, [&](std::vector<double>) { answered = true; });
        QThread::msleep(50);  // at work, nothing handed back yet
        clock.start();
    }
    EXPECT_LT(clock.elapsed(), 2000);
    QCoreApplication::processEvents();
    EXPECT_FALSE(answered);
}

}  // namespace
