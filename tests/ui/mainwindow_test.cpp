#include "ui/mainwindow.h"

#include <gtest/gtest.h>

#include <QDoubleSpinBox>
#include <QSlider>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QTest>
#include <QToolButton>

#include "../core/workedexample.h"
#include "ui/inspector.h"
#include "ui/learningratecontrol.h"
#include "ui/lossplot.h"
#include "ui/networkview.h"
#include "ui/playback.h"
#include "ui/trainingcontroller.h"
#include "windowparts.h"

namespace {

using testing_support::plotTexts;

using testing_support::named;

using testing_support::expectPublished;

// A shown, active window, so that shortcuts and mouse events reach it.
class MainWindowTest : public ::testing::Test {
protected:
    void SetUp() override {
        window.show();
        window.activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    }
    ui::MainWindow window;
};

// Drags the handle of `slider` from its centre to `x` (slider coordinates).
void dragHandle(QSlider* slider, int x) {
    QStyleOptionSlider option;
    option.initFrom(slider);
    option.orientation = slider->orientation();
    option.minimum = slider->minimum();
    option.maximum = slider->maximum();
    option.sliderPosition = slider->sliderPosition();
    option.sliderValue = slider->value();
    const QRect handle = slider->style()->subControlRect(QStyle::CC_Slider, &option,
                                                         QStyle::SC_SliderHandle, slider);
    QTest::mousePress(slider, Qt::LeftButton, {}, handle.center());
    QTest::mouseMove(slider, QPoint(x, handle.center().y()));
    QTest::mouseRelease(slider, Qt::LeftButton, {}, QPoint(x, handle.center().y()));
}

TEST_F(MainWindowTest, StepOnMazurChangesTheW5Label) {
    EXPECT_TRUE(window.networkView()->weightLabelText(4).startsWith("w5 = 0.4 "));
    QTest::mouseClick(window.findChild<QToolButton*>("stepButton"), Qt::LeftButton);
    EXPECT_EQ(window.controller()->iteration(), 1);
    EXPECT_TRUE(window.networkView()->weightLabelText(4).startsWith("w5 = 0.3589 "))
        << window.networkView()->weightLabelText(4).toStdString();
    expectPublished(window.networkView()->snapshot().weightsBefore()[4], "0.35891648");
}

TEST_F(MainWindowTest, SliderAndFieldStayInSyncAndReachBothEnds) {
    QSlider* slider = window.findChild<QSlider*>("learningRateSlider");
    auto* field = window.findChild<QDoubleSpinBox*>("learningRateField");
    ASSERT_TRUE(slider && field);
    EXPECT_EQ(field->value(), 0.5);

    dragHandle(slider, slider->width() + 50);  // past the end of the groove
    EXPECT_EQ(slider->value(), slider->maximum());
    EXPECT_DOUBLE_EQ(field->value(), 1000.0);
    EXPECT_DOUBLE_EQ(window.controller()->learningRate(), 1000.0);

    dragHandle(slider, -50);
    EXPECT_EQ(slider->value(), slider->minimum());
    EXPECT_DOUBLE_EQ(field->value(), 0.001);
    EXPECT_DOUBLE_EQ(window.controller()->learningRate(), 0.001);

    // Typing a rate moves the slider to its place on the log scale: 10^(log10(2.5/0.001)).
    field->selectAll();
    QTest::keyClicks(field, "2.5");
    QTest::keyClick(field, Qt::Key_Enter);
    EXPECT_DOUBLE_EQ(window.controller()->learningRate(), 2.5);
    EXPECT_EQ(slider->value(), int(std::lround(std::log10(2.5 / 0.001) * 100)));
}

TEST_F(MainWindowTest, SpaceStartsAndStopsPlayback) {
    window.setFocus();
    QTest::keyClick(&window, Qt::Key_Space);
    EXPECT_TRUE(window.playback()->isPlaying());
    QTest::qWait(150);
    QTest::keyClick(&window, Qt::Key_Space);
    EXPECT_FALSE(window.playback()->isPlaying());
    EXPECT_GT(window.controller()->iteration(), 0);
}

TEST_F(MainWindowTest, ChangingTheRateAddsAMarker) {
    EXPECT_EQ(int(plotTexts(*window.lossPlot(), "rateMarkerLabel", true).size()), 0);
    window.controller()->run(3);
    named<QDoubleSpinBox>(window, "learningRateField")->setValue(5.0);
    EXPECT_EQ(int(plotTexts(*window.lossPlot(), "rateMarkerLabel", true).size()), 1);
}

TEST_F(MainWindowTest, RightStepsAndResetReturnsToIterationZero) {
    window.setFocus();
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(&window, Qt::Key_Right);
    EXPECT_EQ(window.controller()->iteration(), 3);
    QTest::keyClick(&window, Qt::Key_R);
    EXPECT_EQ(window.controller()->iteration(), 0);
    EXPECT_TRUE(window.networkView()->weightLabelText(4).startsWith("w5 = 0.4 "));
    EXPECT_EQ(int(plotTexts(*window.lossPlot(), "rateMarkerLabel", true).size()), 0);
}

TEST_F(MainWindowTest, PresetChooserLoadsAnotherNetwork) {
    ASSERT_TRUE(window.loadPreset("xor"));
    EXPECT_EQ(window.controller()->sessionName(), "xor");
    EXPECT_EQ(window.networkView()->snapshot().sampleCount(), 4);
    EXPECT_FALSE(window.loadPreset("nonexistent"));
    EXPECT_EQ(window.controller()->sessionName(), "xor");
}

TEST_F(MainWindowTest, ClickingAnEdgePinsItsPartialsWithAFiniteDifference) {
    ui::NetworkView* view = window.networkView();
    EXPECT_EQ(view->itemAt(view->networkLayout().node(1, 0)),
              (ui::NetworkItem{ui::NetworkItem::Kind::Node, 1, 0}));
    QTest::mouseClick(view, Qt::LeftButton, {},
                      view->networkLayout().weightLabel(4).center().toPoint());
    EXPECT_EQ(window.inspector()->pinned(), (ui::NetworkItem{ui::NetworkItem::Kind::Weight, 0, 4}));
    EXPECT_TRUE(window.inspector()->isVisible());
    const QString text = named<QLabel>(window, "inspectorDetails")->text();
    EXPECT_TRUE(text.contains("h1 \u2192 o1")) << text.toStdString();
    EXPECT_TRUE(text.contains("central difference"));
    EXPECT_TRUE(text.contains("0.08217"));  // backpropagation's dE/dw5 at 4 digits
    // The difference quotient agrees with the article's dE/dw5 (about 1e-10 apart here).
    EXPECT_NEAR(window.controller()->finiteDifference(4), 0.0821670406, 1e-8);
    window.findChild<QToolButton*>("closeInspectorButton")->click();
    EXPECT_FALSE(window.inspector()->isVisible());
}

}  // namespace
