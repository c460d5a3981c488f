// The learning-rate lab: divergence without damage, the preview while dragging, pinned runs.
#include <gtest/gtest.h>

#include <qcustomplot.h>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSlider>
#include <QSpinBox>
#include <QStyleOptionSlider>
#include <QTest>
#include <QToolButton>
#include <cmath>

#include "core/probe.h"
#include "ui/learningratecontrol.h"
#include "ui/lossplot.h"
#include "ui/mainwindow.h"
#include "ui/networkdialog.h"
#include "ui/networkview.h"
#include "ui/playback.h"
#include "ui/session/presetlibrary.h"
#include "ui/trainingcontroller.h"
#include "windowparts.h"

namespace {

using testing_support::plotTexts;

using testing_support::named;

class LearningRateLabTest : public ::testing::Test {
protected:
    void SetUp() override {
        window.show();
        window.activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    }
    QSlider* slider() { return window.findChild<QSlider*>("learningRateSlider"); }
    QPoint handle() {
        QStyleOptionSlider option;
        option.initFrom(slider());
        option.orientation = Qt::Horizontal;
        option.minimum = slider()->minimum();
        option.maximum = slider()->maximum();
        option.sliderPosition = slider()->sliderPosition();
        option.sliderValue = slider()->value();
        return slider()
            ->style()
            ->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, slider())
            .center();
    }
    QCPGraph* previewGraph() {
        auto* plot = window.lossPlot()->customPlot();
        for (int i = 0; i < plot->graphCount(); ++i)
            if (plot->graph(i)->name() == "preview") return plot->graph(i);
        return nullptr;
    }
    ui::MainWindow window;
};

TEST_F(LearningRateLabTest, DivergenceAtRate1000NeitherCrashesNorLosesTheRun) {
    ASSERT_TRUE(window.loadPreset("diverge"));
    named<QDoubleSpinBox>(window, "learningRateField")->setValue(1000);
    ui::TrainingController& controller = *window.controller();
    window.playback()->setSpeed(0);
    window.playback()->play();
    for (int tick = 0; tick < 200 && window.playback()->isPlaying(); ++tick)
        QTest::qWait(16);
    EXPECT_FALSE(window.playback()->isPlaying());
    ASSERT_TRUE(controller.divergence());
    EXPECT_EQ(controller.regime(), core::Regime::Diverged);
    EXPECT_EQ(plotTexts(*window.lossPlot(), "regimeLabel").value(0), "diverged");
    EXPECT_TRUE(window.networkView()->snapshot().divergence().has_value());
    EXPECT_TRUE(window.findChild<QLabel*>("statusLabel")->text().contains("blew up"));
    const QCPRange range = window.lossPlot()->customPlot()->yAxis->range();
    EXPECT_TRUE(std::isfinite(range.lower) && std::isfinite(range.upper));
    for (const auto& point : controller.history().points())
        EXPECT_TRUE(std::isfinite(point.loss));

    // A few hundred more ticks of every control, in a fixed order: nothing breaks.
    const int keys[] = {Qt::Key_Space, Qt::Key_Right, Qt::Key_Left, Qt::Key_Right, Qt::Key_Space};
    for (int tick = 0; tick < 300; ++tick) {
        QTest::keyClick(&window, Qt::Key(keys[tick % 5]));
        if (tick % 7 == 0) slider()->setValue(tick % 2 ? slider()->maximum() : slider()->minimum());
        if (tick % 50 == 0) window.controller()->seek(tick % 4);
        QTest::qWait(1);
    }
    window.playback()->pause();
    named<QDoubleSpinBox>(window, "learningRateField")->setValue(1000);
    controller.run(50);

    // Back from the blow-up: the last finite state.
    controller.stepBack();
    EXPECT_TRUE(std::isfinite(controller.snapshot().loss()));
    EXPECT_FALSE(controller.divergence());
    for (double w : controller.snapshot().weightsBefore())
        EXPECT_TRUE(std::isfinite(w));
    QTest::keyClick(&window, Qt::Key_R);
    EXPECT_EQ(controller.iteration(), 0);
}

TEST_F(LearningRateLabTest, ThePreviewIsARealRunFromTheSameState) {
    core::Trainer trainer(session::PresetLibrary::builtIn().find("mazur")->session.config);
    trainer.run(10);
    const std::vector<double> preview = core::previewRun(trainer, 7.5, 200);
    // The same 200 iterations by an independent trainer.
    core::Trainer reference(session::PresetLibrary::builtIn().find("mazur")->session.config);
    reference.run(10);
    reference.setLearningRate(7.5);
    std::vector<double> losses;
    reference.run(200, &losses);
    losses.push_back(reference.evaluate().loss());
    EXPECT_EQ(preview, losses);
    EXPECT_EQ(trainer.iteration(), 10);  // the trainer itself did not move
}

TEST_F(LearningRateLabTest, DraggingShowsThePreviewAndEscapeRestoresTheRate) {
    ui::TrainingController& controller = *window.controller();
    controller.run(10);
    QTest::mousePress(slider(), Qt::LeftButton, {}, handle());
    QTest::mouseMove(slider(), handle() + QPoint(60, 0));
    const double dragged = controller.learningRate();
    EXPECT_GT(dragged, 0.5);
    ASSERT_TRUE(controller.waitForBackgroundWork());
    // The dashed curve: the next 200 iterations at the rate under the cursor.
    core::Trainer reference(session::PresetLibrary::builtIn().find("mazur")->session.config);
    reference.run(10);
    const std::vector<double> expected = core::previewRun(reference, dragged, 200);
    ASSERT_EQ(previewGraph()->dataCount(), int(expected.size()));
    EXPECT_EQ(previewGraph()->data()->at(0)->key, 10.0);
    EXPECT_EQ(previewGraph()->data()->at(200)->value, expected[200]);
    QTest::keyClick(slider(), Qt::Key_Escape);
    QTest::mouseRelease(slider(), Qt::LeftButton, {}, handle());
    EXPECT_EQ(controller.learningRate(), 0.5);
    EXPECT_EQ(named<QDoubleSpinBox>(window, "learningRateField")->value(), 0.5);
    EXPECT_EQ(previewGraph()->dataCount(), 0);
    EXPECT_EQ(controller.rateChanges().size(), 1u);  // no change was left behind

    // Released without Escape, the new rate stays and the preview goes.
    QTest::mousePress(slider(), Qt::LeftButton, {}, handle());
    QTest::mouseMove(slider(), handle() + QPoint(60, 0));
    QTest::mouseRelease(slider(), Qt::LeftButton, {}, handle() + QPoint(60, 0));
    EXPECT_GT(controller.learningRate(), 0.5);
    EXPECT_EQ(previewGraph()->dataCount(), 0);
}

TEST_F(LearningRateLabTest, PinnedRunsCompareRatesFromTheSameStart) {
    ui::TrainingController& controller = *window.controller();
    auto* pin = window.findChild<QToolButton*>("pinRunButton");
    controller.run(50);
    pin->click();
    named<QDoubleSpinBox>(window, "learningRateField")->setValue(5);
    QTest::keyClick(&window, Qt::Key_R);
    EXPECT_EQ(controller.iteration(), 0);
    EXPECT_EQ(controller.learningRate(), 5.0);
    EXPECT_EQ(controller.snapshot().weightsBefore()[4], 0.40);  // the same initial weights
    controller.run(50);
    pin->click();
    EXPECT_EQ(plotTexts(*window.lossPlot(), "pinnedRunLabel"), (QStringList{"lr 0.5", "lr 5"}));
    for (int i = 0; i < 10; ++i)
        pin->click();
    EXPECT_EQ(plotTexts(*window.lossPlot(), "pinnedRunLabel").size(), ui::PinnedRun::maximum);
    EXPECT_FALSE(pin->isEnabled());
    window.controller()->removePin(0);
    EXPECT_EQ(plotTexts(*window.lossPlot(), "pinnedRunLabel").size(), ui::PinnedRun::maximum - 1);
    EXPECT_EQ(plotTexts(*window.lossPlot(), "pinnedRunLabel").front(), "lr 5");
}

TEST_F(LearningRateLabTest, TheRegimeIsNamedInTheStatusBarAndThePlot) {
    ASSERT_TRUE(window.loadPreset("oscillate"));
    window.controller()->run(200);
    EXPECT_TRUE(window.findChild<QLabel*>("statusLabel")->text().contains("oscillating"));
    EXPECT_EQ(plotTexts(*window.lossPlot(), "regimeLabel").value(0), "oscillating");
    ASSERT_TRUE(window.loadPreset("mazur"));
    window.controller()->run(200);
    EXPECT_EQ(plotTexts(*window.lossPlot(), "regimeLabel").value(0), "converging");
}

TEST(NetworkDialogTest, ChangingTheBiasModeKeepsWhatTheNetworkComputes) {
    const session::Session mazur = session::PresetLibrary::builtIn().find("mazur")->session;
    ui::NetworkDialog dialog(mazur);
    dialog.findChild<QComboBox*>("biasModeChooser")->setCurrentIndex(1);
    dialog.findChild<QComboBox*>("activation1")->setCurrentIndex(1);  // tanh
    const session::Session changed = dialog.result();
    EXPECT_EQ(changed.config.biasMode, core::BiasMode::PerNode);
    EXPECT_EQ(changed.config.biases, (std::vector<std::vector<double>>{{0.35, 0.35}, {0.6, 0.6}}));
    EXPECT_EQ(changed.config.activations[0], core::Activation::Tanh);
    EXPECT_EQ(core::validateConfig(changed.config), "");
    // With sigmoid kept, per-node copies of the shared bias give the same loss.
    ui::NetworkDialog same(mazur);
    same.findChild<QComboBox*>("biasModeChooser")->setCurrentIndex(1);
    EXPECT_EQ(core::Trainer(same.result().config).evaluate().loss(),
              core::Trainer(mazur.config).evaluate().loss());
    ui::NetworkDialog random(mazur);
    random.findChild<QCheckBox*>("randomWeightsBox")->setChecked(true);
    random.findChild<QSpinBox*>("seedField")->setValue(9);
    EXPECT_TRUE(random.result().config.weights.empty());
    EXPECT_EQ(random.result().config.seed, 9u);
}

}  // namespace
