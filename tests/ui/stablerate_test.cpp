// The stable rate in the window: the model's curvature of the step shown (measured on a worker,
// throttled, never stale), the mark on the learning-rate slider and its label, the loss plot's
// corner, and the regime the dragged rate's preview names. Checked against cases whose answer is
// known in closed form and against an independent finite-difference Hessian.
#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QLabel>
#include <QTest>
#include <cmath>

#include "../core/referencehessian.h"
#include "core/curvature.h"
#include "core/probe.h"
#include "core/trainer.h"
#include "editparts.h"
#include "largesessions.h"
#include "ui/learningratecontrol.h"
#include "ui/lossplot.h"
#include "ui/mainwindow.h"
#include "ui/playback.h"
#include "ui/rateslider.h"
#include "ui/session/presetlibrary.h"
#include "windowparts.h"

namespace {

using testing_support::plotTexts;

// A 1-1 linear network with a frozen bias and the one sample (x, t): E = (t - w x - b)^2 / 2, so
// the Hessian is x^2 exactly.
session::Session linearSession(double x, double learningRate = 0.1) {
    session::Session session;
    core::NetworkConfig& config = session.config;
    config.layers = {1, 1};
    config.activations = {core::Activation::Linear};
    config.trainBiases = false;
    config.learningRate = learningRate;
    config.weights = {{{0.3}}};
    config.biases = {{0.1}};
    config.samples = {core::Sample{{x}, {1.0}}};
    return session;
}

// The slider's units: hundredths of a decade from 0.001.
double sliderUnits(double rate) {
    return std::log10(rate / ui::LearningRateControl::minimum) * 100;
}

class StableRateTest : public ::testing::Test {
protected:
    void load(const session::Session& session, const QString& name = "test") {
        model().load(session, name);
        ASSERT_TRUE(model().waitForBackgroundWork());
    }
    ui::TrainingController& model() { return *window->controller(); }
    ui::RateSlider* slider() { return window->findChild<ui::RateSlider*>("learningRateSlider"); }
    QString label() { return window->findChild<QLabel*>("stableRateLabel")->text(); }
    QString plotLabel() { return plotTexts(*window->lossPlot(), "stableRateLabel").value(0); }

    std::unique_ptr<ui::MainWindow> window = testing_support::shownWindow();
};

TEST_F(StableRateTest, ALinearNeuronsMarkIsTwoOverXSquared) {
    load(linearSession(2.0));
    ASSERT_TRUE(model().curvature());
    EXPECT_NEAR(model().curvature()->lambdaMax, 4.0, 1e-9);
    ASSERT_TRUE(model().stableRate());
    EXPECT_NEAR(*model().stableRate(), 0.5, 1e-10);
    EXPECT_NEAR(*slider()->mark(), sliderUnits(0.5), 1e-6);
    EXPECT_FALSE(slider()->markIsClipped());
    EXPECT_EQ(label(), QString::fromUtf8("\u25b2 stable below 0.5"));
    EXPECT_EQ(plotLabel(), "stable below 0.5");
    EXPECT_TRUE(window->findChild<QLabel*>("stableRateLabel")->toolTip().contains("local"));
}

TEST_F(StableRateTest, MomentumRaisesTheMarkToTwoOnePlusBetaOverXSquared) {
    load(linearSession(2.0));
    ASSERT_TRUE(model().editMomentum(0.5));
    ASSERT_TRUE(model().waitForBackgroundWork());
    ASSERT_TRUE(model().stableRate());
    EXPECT_NEAR(*model().stableRate(), 2.0 * 1.5 / 4.0, 1e-10);
    EXPECT_NEAR(*slider()->mark(), sliderUnits(0.75), 1e-6);
    EXPECT_EQ(label(), QString::fromUtf8("\u25b2 stable below 0.75"));
}

TEST_F(StableRateTest, AFlatLossHasNoLocalLimitAndAFarMarkIsAnArrow) {
    load(linearSession(0.0));  // E does not depend on w: lambda_max = 0
    ASSERT_TRUE(model().curvature());
    EXPECT_FALSE(model().stableRate());
    EXPECT_FALSE(slider()->mark());
    EXPECT_EQ(label(), "no local limit");
    EXPECT_EQ(plotLabel(), "no local limit");
    load(linearSession(0.01));  // lambda_max = 1e-4: stable below 2e4, beyond the slider
    ASSERT_TRUE(model().stableRate());
    EXPECT_NEAR(*model().stableRate(), 2e4, 1e-4);
    EXPECT_TRUE(slider()->markIsClipped());
    EXPECT_GT(*slider()->markX(), slider()->width() / 2);  // the arrow at the right end
    EXPECT_EQ(label(), QString::fromUtf8("\u25b6 stable below 2e+04"));
}

TEST_F(StableRateTest, TheWorkedExamplesMarkMatchesAFiniteDifferenceHessian) {
    const session::Session mazur = session::PresetLibrary::builtIn().find("mazur")->session;
    load(mazur, "mazur");
    // The 8 weights are trained, the shared biases frozen.
    const std::vector<double> reference =
        testing_support::jacobiEigenvalues(testing_support::referenceHessian(mazur.config, 8), 8);
    const double lambdaMax = reference.back();
    ASSERT_TRUE(model().curvature());
    EXPECT_NEAR(model().curvature()->lambdaMax, lambdaMax, 1e-7 * lambdaMax);
    ASSERT_TRUE(model().stableRate());
    EXPECT_NEAR(*model().stableRate(), 2.0 / lambdaMax, 1e-6 * (2.0 / lambdaMax));
    const QString expected = QString("stable below %1").arg(2.0 / lambdaMax, 0, 'g', 3);
    EXPECT_EQ(label(), QString::fromUtf8("\u25b2 ") + expected);
    EXPECT_EQ(plotLabel(), expected);
}

TEST_F(StableRateTest, TheMarkFollowsTheStateAfterSteps) {
    const session::Session mazur = session::PresetLibrary::builtIn().find("mazur")->session;
    load(mazur, "mazur");
    const double atStart = *model().stableRate();
    model().run(2000);
    ASSERT_TRUE(model().waitForBackgroundWork());
    EXPECT_EQ(model().curvatureIteration(), 2000);
    // The reference at the trained parameters, built independently.
    const session::Session trained = model().trainedSession();
    const double lambdaMax =
        testing_support::jacobiEigenvalues(testing_support::referenceHessian(trained.config, 8), 8)
            .back();
    EXPECT_NEAR(*model().stableRate(), 2.0 / lambdaMax, 1e-6 * (2.0 / lambdaMax));
    EXPECT_GT(std::abs(*model().stableRate() - atStart), 1e-3 * atStart);
    EXPECT_NEAR(*slider()->mark(), sliderUnits(2.0 / lambdaMax), 1e-3);
    // Steps in quick succession: the last one shown is the one measured, once all came.
    for (int i = 0; i < 5; ++i)
        model().stepForward();
    ASSERT_TRUE(model().waitForBackgroundWork());
    EXPECT_EQ(model().curvatureIteration(), 2005);
    const core::StepSnapshot& step = model().snapshot();
    const core::Curvature direct = core::curvatureAt(step.topology(), step.parametersBefore(),
                                                     step.samples(), step.trainsBiases());
    EXPECT_EQ(model().curvature()->lambdaMax, direct.lambdaMax);
}

TEST_F(StableRateTest, PlayingMeasuresAtMostEveryInterval) {
    load(session::PresetLibrary::builtIn().find("mazur")->session, "mazur");
    int measures = 0;
    const auto connection = QObject::connect(
        &model(), &ui::TrainingController::changed, [&](ui::TrainingController::Changes what) {
            if (what & ui::TrainingController::Change::Curvature) ++measures;
        });
    QElapsedTimer clock;
    clock.start();
    window->playback()->setSpeed(300);  // iterations a second: the state moves every frame
    window->playback()->play();
    QTest::qWait(1000);
    window->playback()->pause();
    const qint64 elapsed = clock.elapsed();
    QObject::disconnect(connection);
    // Frames come every 16 ms, measures at most every 250 ms, yet some do while it plays.
    EXPECT_LE(measures, elapsed / ui::CurvatureWatch::interval + 1);
    EXPECT_GE(measures, 2);
    // Once paused, the state shown is measured.
    ASSERT_TRUE(model().waitForBackgroundWork());
    EXPECT_EQ(model().curvatureIteration(), model().iteration());
}

TEST_F(StableRateTest, AnotherProblemsMeasureIsNeverShown) {
    // The largest network's measure (about 0.7 s on a worker) is on its way when the worked
    // example comes: it must never show for it.
    model().load(testing_support::largestSession(), "largest");
    // Once its step is shown, its measure is asked.
    for (int wait = 0; wait < 2000 && model().isStepPending(); ++wait)
        QTest::qWait(5);
    ASSERT_FALSE(model().isStepPending());
    ASSERT_TRUE(model().isCurvaturePending());
    ASSERT_FALSE(model().curvature());
    const session::Session linear = linearSession(2.0);
    model().load(linear, "linear");
    EXPECT_FALSE(model().curvature());
    EXPECT_EQ(label(), QString::fromUtf8("stable rate: computing\u2026"));
    // Every publication until all is done shows the linear network's measure or none.
    bool wrong = false;
    const auto connection = QObject::connect(&model(), &ui::TrainingController::changed, [&] {
        if (const auto& curvature = model().curvature())
            wrong |= curvature->parameterCount != 1 || std::abs(curvature->lambdaMax - 4) > 1e-9;
    });
    ASSERT_TRUE(model().waitForBackgroundWork());
    QTest::qWait(ui::CurvatureWatch::interval);
    QObject::disconnect(connection);
    EXPECT_FALSE(wrong);
    ASSERT_TRUE(model().curvature());
    EXPECT_NEAR(model().curvature()->lambdaMax, 4.0, 1e-9);
}

TEST_F(StableRateTest, ThePreviewNamesItsRegimeAgainstTheMark) {
    load(linearSession(1.0));  // stable below 2
    model().beginRateDrag();
    model().setLearningRate(0.5);
    ASSERT_TRUE(model().waitForBackgroundWork());
    // The regime of the engine's own preview, read by the rule over its last window.
    const auto regimeAt = [&](double rate) {
        core::Trainer start(linearSession(1.0).config);
        const std::vector<double> losses =
            core::previewRun(start, rate, ui::TrainingController::previewIterations);
        core::RegimeEvidence evidence;
        evidence.losses.assign(losses.end() - (core::RegimeRule::window + 1), losses.end());
        evidence.gradientNorm = 1;
        return core::classifyRegime(evidence);
    };
    EXPECT_EQ(regimeAt(0.5), core::Regime::Converging);
    EXPECT_EQ(model().previewRegime(), core::Regime::Converging);
    EXPECT_EQ(plotTexts(*window->lossPlot(), "previewRegimeLabel").value(0),
              "converges (lr 0.5 < stable 2)");
    model().setLearningRate(2.5);
    ASSERT_TRUE(model().waitForBackgroundWork());
    EXPECT_EQ(regimeAt(2.5), core::Regime::Diverging);
    EXPECT_EQ(model().previewRegime(), core::Regime::Diverging);
    EXPECT_EQ(plotTexts(*window->lossPlot(), "previewRegimeLabel").value(0),
              QString::fromUtf8("diverges (lr 2.5 \u2265 stable 2)"));
    model().endRateDrag();
    EXPECT_TRUE(plotTexts(*window->lossPlot(), "previewRegimeLabel").isEmpty());
}

}  // namespace
