#include "ui/trainingcontroller.h"

#include <gtest/gtest.h>

#include <QSignalSpy>

#include "../core/workedexample.h"
#include "core/probe.h"
#include "core/traininghistory.h"
#include "largesessions.h"
#include "ui/session/presetlibrary.h"

namespace {

using Change = ui::TrainingController::Change;
using testing_support::expectPublished;

session::Session preset(const char* name) {
    return session::PresetLibrary::builtIn().find(name)->session;
}

// The changes of every publication the model makes.
class Publications {
public:
    explicit Publications(const ui::TrainingController& model) {
        QObject::connect(&model, &ui::TrainingController::changed, &model,
                         [this](ui::TrainingController::Changes what) { list.push_back(what); });
    }
    std::vector<ui::TrainingController::Changes> list;
};

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

    // Runs inside one batch publish once, and record the same curve as a plain engine run.
    Publications published(controller);
    {
        const ui::TrainingController::Batch batch(controller);
        controller.run(40);
        controller.run(59);
    }
    EXPECT_EQ(published.list.size(), 1u);
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
    Publications published(controller);
    controller.setLearningRate(2.0);
    controller.setLearningRate(3.0);  // before any update: replaces the change above
    controller.run(5);
    controller.setLearningRate(0.25);
    EXPECT_EQ(published.list.size(), 4u);
    for (const auto what : {published.list[0], published.list[1], published.list[3]})
        EXPECT_TRUE(what & Change::Rate);
    const std::vector<ui::RateChange> expected = {{0, 3.0}, {5, 0.25}};
    EXPECT_EQ(controller.rateChanges(), expected);
}

TEST(TrainingControllerTest, ResetKeepsTheRateAndRestartsTheRun) {
    ui::TrainingController controller;
    controller.load(preset("mazur"), "mazur");
    controller.setLearningRate(4.0);
    controller.run(10);
    Publications published(controller);
    controller.reset();
    ASSERT_EQ(published.list.size(), 1u);
    EXPECT_TRUE(published.list[0] & Change::Run);
    EXPECT_EQ(controller.iteration(), 0);
    EXPECT_EQ(controller.learningRate(), 4.0);
    EXPECT_EQ(controller.history().size(), 1);
    EXPECT_EQ(controller.snapshot().weightsBefore()[4], 0.40);
}

TEST(TrainingControllerTest, DivergenceHoldsTrainingAtTheLastFiniteState) {
    ui::TrainingController controller;
    controller.load(preset("diverge"), "diverge");
    controller.run(100);
    ASSERT_TRUE(controller.divergence());
    const long long held = controller.iteration();
    EXPECT_LT(held, 100);
    EXPECT_EQ(controller.run(5), 0);
    EXPECT_EQ(controller.iteration(), held);
    for (const auto& point : controller.history().points())
        EXPECT_TRUE(std::isfinite(point.loss));
}

// Bug: the window told a divergence three ways. One state, whatever the way there: training
// into it, Back and Step, the timeline; and the regime says diverging before the blow-up.
TEST(TrainingControllerTest, DivergenceIsTheSameWhereverThePositionCameFrom) {
    ui::TrainingController controller;
    controller.load(preset("diverge"), "diverge");
    controller.setLearningRate(1000);
    controller.run(100);
    ASSERT_TRUE(controller.divergence());
    const core::Divergence first = *controller.divergence();
    const long long held = controller.iteration();
    EXPECT_EQ(first.heldAt(), held);  // the iteration the timeline shows
    EXPECT_EQ(controller.recordedEnd(), held);
    EXPECT_EQ(controller.regime(), core::Regime::Diverged);

    controller.stepBack();
    EXPECT_FALSE(controller.divergence());
    // A few iterations, but the loss grew by many orders of magnitude: diverging, not starting.
    EXPECT_EQ(controller.regime(), core::Regime::Diverging);
    controller.stepForward();
    ASSERT_TRUE(controller.divergence());
    EXPECT_EQ(*controller.divergence(), first);
    EXPECT_EQ(controller.regime(), core::Regime::Diverged);
    controller.seek(0);
    controller.seek(held);
    ASSERT_TRUE(controller.divergence());
    EXPECT_EQ(*controller.divergence(), first);

    // Term by term, the value that blew up shows only once its term is revealed.
    controller.setGranularity(core::Granularity::Term);
    EXPECT_FALSE(controller.reveal().showsDivergence());
    while (!controller.reveal().showsDivergence() &&
           controller.position().revealed < controller.explanation()->size())
        controller.stepForward();
    ASSERT_TRUE(controller.reveal().showsDivergence());
    EXPECT_EQ(controller.reveal().currentTerm()->quantity, first.where);
}

// Bug: Network... read a stale copy of the session and reset the rate, and the saved session
// kept the old network's description.
TEST(TrainingControllerTest, TheSessionIsAlwaysTheCurrentOne) {
    ui::TrainingController controller;
    controller.load(preset("mazur"), "mazur");
    controller.step();
    controller.setLearningRate(0.75);
    EXPECT_EQ(controller.session().config.learningRate, 0.75);
    EXPECT_EQ(controller.session().config.weights, preset("mazur").config.weights);
    const session::Session trained = controller.trainedSession();
    EXPECT_EQ(trained.config.learningRate, 0.75);
    expectPublished(trained.config.weights[1][0][0], "0.35891648");
    // Loading the session back gives the same state.
    ui::TrainingController again;
    again.load(trained, "again");
    EXPECT_EQ(again.snapshot().parametersBefore(), controller.snapshot().parametersBefore());
}

// Bug: Escape during a drag restored the rate but the run's future was already cut.
TEST(TrainingControllerTest, CancellingARateDragRestoresTheRateAndTheFuture) {
    ui::TrainingController controller;
    controller.load(preset("mazur"), "mazur");
    controller.run(41);
    controller.seek(20);
    const std::vector<core::LossHistory::Point> curve = controller.history().points();
    controller.beginRateDrag();
    controller.setLearningRate(5);
    EXPECT_EQ(controller.recordedEnd(), 20);
    // The preview: E at the current iteration and the next 200 at the dragged rate.
    core::Trainer reference(preset("mazur").config);
    reference.run(20);
    // It is computed in the background and published when it comes.
    ASSERT_TRUE(controller.waitForBackgroundWork());
    EXPECT_EQ(controller.previewLosses(), core::previewRun(reference, 5, 200));
    controller.cancelRateDrag();
    EXPECT_EQ(controller.learningRate(), 0.5);
    EXPECT_EQ(controller.iteration(), 20);
    EXPECT_EQ(controller.recordedEnd(), 41);
    EXPECT_EQ(controller.history().points(), curve);
    EXPECT_TRUE(controller.previewLosses().empty());
    EXPECT_EQ(controller.rateChanges().size(), 1u);
    controller.seek(41);
    reference.run(21);
    EXPECT_EQ(controller.snapshot().parametersBefore(), reference.parameters());
}

// Bug: after the timeline in Phase mode, Iteration showed all "?" and Step only revealed.
TEST(TrainingControllerTest, AWholeIterationIsAlwaysWholeWhateverCameBefore) {
    ui::TrainingController controller;
    controller.load(preset("mazur"), "mazur");
    controller.run(10);
    controller.setGranularity(core::Granularity::Phase);
    controller.seek(4);
    EXPECT_EQ(controller.position().revealed, 0);
    controller.setGranularity(core::Granularity::Iteration);
    EXPECT_TRUE(controller.showsWholeIteration());
    EXPECT_TRUE(controller.reveal().isKnown({core::Quantity::Out, 0, 1, 0}));
    controller.stepForward();
    EXPECT_EQ(controller.iteration(), 5);
    EXPECT_TRUE(controller.showsWholeIteration());
}

// One change, one publication; a term press only moves the reveal and keeps the step.
TEST(TrainingControllerTest, EachChangePublishesOnceAndATermPressKeepsTheStep) {
    ui::TrainingController controller;
    controller.load(preset("mazur"), "mazur");
    controller.run(20);
    controller.setGranularity(core::Granularity::Term);
    const core::StepSnapshot before = controller.snapshot();
    const auto terms = controller.explanation();
    Publications published(controller);
    controller.stepForward();
    ASSERT_EQ(published.list.size(), 1u);
    EXPECT_EQ(published.list[0], ui::TrainingController::Changes(Change::Reveal));
    // The same step and the same terms: nothing was computed again.
    EXPECT_EQ(controller.explanation(), terms);
    EXPECT_EQ(&controller.snapshot().weightsBefore()[0], &before.weightsBefore()[0]);

    published.list.clear();
    controller.beginRateDrag();
    controller.setLearningRate(0.6);
    controller.endRateDrag();
    ASSERT_EQ(published.list.size(), 3u);
    EXPECT_TRUE(published.list[1] & Change::Rate);
    EXPECT_TRUE(published.list[1] & Change::Preview);
}

// A large network's step and jumps come from the background: the position moves at once (or, for
// a long replay, once it is done), the step shown follows when computed, and each is exactly the
// engine's.
TEST(TrainingControllerTest, ALargeNetworksStepAndJumpsComeFromTheBackground) {
    const session::Session session = testing_support::backgroundSession();
    ui::TrainingController controller;
    controller.load(session, "large");
    controller.run(30);
    EXPECT_EQ(controller.iteration(), 30);
    EXPECT_TRUE(controller.isStepPending());
    EXPECT_EQ(controller.snapshot().iteration(), 0);  // the step shown before, meanwhile
    ASSERT_TRUE(controller.waitForBackgroundWork());
    EXPECT_FALSE(controller.isStepPending());
    const auto reference = [&](long long iteration) {
        core::Trainer trainer(session.config);
        trainer.run(iteration);
        return trainer;
    };
    EXPECT_EQ(controller.snapshot().iteration(), 30);
    EXPECT_EQ(controller.snapshot().parametersBefore(), reference(30).parameters());
    EXPECT_EQ(controller.history().points()[30].loss, reference(30).evaluate().loss());

    // A jump back replays on a worker: the position stays until it is done, and a newer jump
    // replaces an older one, which is never shown.
    Publications published(controller);
    std::vector<long long> shown;
    QObject::connect(&controller, &ui::TrainingController::changed, &controller,
                     [&] { shown.push_back(controller.iteration()); });
    controller.seek(5);
    controller.seek(13);
    EXPECT_EQ(controller.pendingIteration(), 13);
    EXPECT_EQ(controller.iteration(), 30);
    EXPECT_EQ(controller.run(3), 0);  // nothing trains while a jump is on its way
    ASSERT_TRUE(controller.waitForBackgroundWork());
    EXPECT_FALSE(controller.pendingIteration());
    EXPECT_EQ(controller.iteration(), 13);
    EXPECT_EQ(controller.snapshot().parametersBefore(), reference(13).parameters());
    EXPECT_EQ(std::count(shown.begin(), shown.end(), 5), 0);

    // Presses of Back while a jump replays each count.
    controller.stepBack();
    controller.stepBack();
    ASSERT_TRUE(controller.waitForBackgroundWork());
    EXPECT_EQ(controller.iteration(), 11);
    EXPECT_EQ(controller.snapshot().parametersBefore(), reference(11).parameters());

    // The preview of a dragged rate and the check of a gradient, at the step shown.
    controller.beginRateDrag();
    controller.setLearningRate(0.3);
    controller.setCheckedParameter(7);
    ASSERT_TRUE(controller.waitForBackgroundWork());
    core::Trainer at = reference(11);
    EXPECT_EQ(controller.previewLosses(), core::previewRun(at, 0.3, 200));
    ASSERT_TRUE(controller.checkedGradient());
    EXPECT_EQ(*controller.checkedGradient(), core::centralDifference(at, 7));
    controller.cancelRateDrag();
    ASSERT_TRUE(controller.waitForBackgroundWork());
    EXPECT_EQ(controller.recordedEnd(), 30);
    EXPECT_EQ(controller.learningRate(), 0.1);
}

// Once the curve is thinned, the regime's window is replayed on a worker, and reads as the
// engine's own evidence does.
TEST(TrainingControllerTest, ARegimeReplayedInTheBackgroundIsTheEnginesOwn) {
    ui::TrainingController controller;
    controller.load(preset("oscillate"), "oscillate");
    controller.run((1 << 20) + 777);
    ASSERT_GT(controller.history().stride(), 1);
    ASSERT_TRUE(controller.waitForBackgroundWork());
    core::Trainer trainer(preset("oscillate").config);
    core::TrainingHistory record(trainer);
    record.advance(trainer, controller.iteration());
    const core::StepSnapshot step = trainer.preview();
    EXPECT_EQ(controller.regime(), core::classifyRegime(core::regimeEvidence(
                                       trainer, record, controller.history(), step)));
}

}  // namespace
