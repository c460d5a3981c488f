// The window as views of one model: each bug of issue 8 reproduced through the real widgets, and
// how many publications and paints one change costs.
#include <gtest/gtest.h>

#include <qcustomplot.h>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QStyleOptionSlider>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include "ui/formulapanel.h"
#include "ui/inspector.h"
#include "ui/learningratecontrol.h"
#include "ui/lossplot.h"
#include "ui/mainwindow.h"
#include "ui/networkview.h"
#include "ui/playback.h"
#include "ui/richtextlabel.h"
#include "ui/session/presetlibrary.h"
#include "ui/session/sessionfile.h"
#include "ui/timelinebar.h"
#include "ui/trainingcontroller.h"
#include "windowparts.h"

namespace {

using testing_support::plotTexts;

using testing_support::named;

using Change = ui::TrainingController::Change;

// Counts the paint events a widget receives.
class PaintCounter : public QObject {
public:
    explicit PaintCounter(QWidget* widget) { widget->installEventFilter(this); }
    int paints = 0;

protected:
    bool eventFilter(QObject*, QEvent* event) override {
        if (event->type() == QEvent::Paint) ++paints;
        return false;
    }
};

class WindowStateTest : public ::testing::Test {
protected:
    void SetUp() override {
        window.show();
        window.activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    }
    ui::TrainingController& model() { return *window.controller(); }
    QSlider* rateSlider() { return window.findChild<QSlider*>("learningRateSlider"); }
    QPoint handle(QSlider* slider) {
        QStyleOptionSlider option;
        option.initFrom(slider);
        option.orientation = Qt::Horizontal;
        option.minimum = slider->minimum();
        option.maximum = slider->maximum();
        option.sliderPosition = slider->sliderPosition();
        option.sliderValue = slider->value();
        return slider->style()
            ->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, slider)
            .center();
    }
    // Opens Network... and, once the dialog shows, lets `edit` change it and presses OK.
    void editNetwork(const std::function<void(QDialog&)>& edit) {
        QTimer::singleShot(0, [&] {
            auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
            ASSERT_NE(dialog, nullptr);
            edit(*dialog);
            dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
        });
        window.findChild<QToolButton*>("networkButton")->click();
    }
    ui::MainWindow window;
};

// Bug 1: Network... reset the rate, the saved session described the old network, and an opened
// file left the old preset named.
TEST_F(WindowStateTest, NetworkDialogKeepsTheRateAndTheSessionDescribesTheNewNetwork) {
    named<QDoubleSpinBox>(window, "learningRateField")->setValue(3);
    model().run(7);
    editNetwork([](QDialog&) {});  // OK without changes: nothing changes
    EXPECT_EQ(model().learningRate(), 3.0);
    EXPECT_EQ(model().iteration(), 7);

    editNetwork([](QDialog& dialog) {
        dialog.findChild<QComboBox*>("activation1")->setCurrentText("tanh");
    });
    EXPECT_EQ(model().learningRate(), 3.0);
    EXPECT_EQ(model().iteration(), 0);
    EXPECT_EQ(model().sessionName(), "mazur (changed)");
    const QByteArray saved = session::SessionFile::toJson(model().trainedSession());
    QString error;
    const auto reread = session::SessionFile::parse(saved, &error);
    ASSERT_TRUE(reread) << error.toStdString();
    EXPECT_EQ(reread->config.activations[0], core::Activation::Tanh);
    EXPECT_EQ(reread->config.learningRate, 3.0);
    EXPECT_TRUE(reread->description.contains("tanh")) << reread->description.toStdString();
    EXPECT_NE(reread->description,
              session::PresetLibrary::builtIn().find("mazur")->session.description);
    auto* presets = window.findChild<QComboBox*>("presetChooser");
    EXPECT_EQ(presets->currentIndex(), -1);
    EXPECT_EQ(presets->placeholderText(), "mazur (changed)");

    model().load(*reread, "my-session");  // what File > Open does once the file is read
    EXPECT_EQ(presets->currentIndex(), -1);
    EXPECT_EQ(presets->placeholderText(), "my-session");
    ASSERT_TRUE(window.loadPreset("xor"));
    EXPECT_EQ(presets->currentText(), "xor");
}

// Bug 2: a drag while playing recorded every mouse move as a marker.
TEST_F(WindowStateTest, ADragWhilePlayingIsOneMarkerWithItsLastRate) {
    window.playback()->setSpeed(1000);
    window.playback()->play();
    QTest::qWait(50);
    QSlider* slider = rateSlider();
    const QPoint start = handle(slider);
    QTest::mousePress(slider, Qt::LeftButton, {}, start);
    for (int step = 1; step <= 5; ++step) {
        QTest::mouseMove(slider, start + QPoint(12 * step, 0));
        QTest::qWait(30);  // iterations go by between the moves
    }
    QTest::mouseRelease(slider, Qt::LeftButton, {}, start + QPoint(60, 0));
    window.playback()->pause();
    EXPECT_GT(model().rateChanges().size(), 2u);  // the record keeps each, for replay
    ASSERT_EQ(int(plotTexts(*window.lossPlot(), "rateMarkerLabel", true).size()), 1);
    EXPECT_EQ(model().rateMarkers().back().learningRate, model().learningRate());
    EXPECT_EQ(plotTexts(*window.lossPlot(), "rateMarkerLabel"),
              QStringList{QString("lr %1").arg(model().learningRate(), 0, 'g', 4)});
}

// Bug 3: Escape during a drag restored the rate but not the run's future.
TEST_F(WindowStateTest, EscapeDuringADragRestoresTheRateAndTheFuture) {
    model().run(41);
    named<QSlider>(window, "timeline")->setValue(20);
    EXPECT_EQ(named<QLabel>(window, "timelineLabel")->text(), "iteration 20 of 41");
    QSlider* slider = rateSlider();
    const QPoint start = handle(slider);
    QTest::mousePress(slider, Qt::LeftButton, {}, start);
    QTest::mouseMove(slider, start + QPoint(80, 0));
    EXPECT_GT(model().learningRate(), 0.5);
    EXPECT_EQ(named<QLabel>(window, "timelineLabel")->text(), "iteration 20 of 20");
    QTest::keyClick(slider, Qt::Key_Escape);
    QTest::mouseRelease(slider, Qt::LeftButton, {}, start + QPoint(80, 0));
    EXPECT_EQ(model().learningRate(), 0.5);
    EXPECT_EQ(named<QDoubleSpinBox>(window, "learningRateField")->value(), 0.5);
    EXPECT_EQ(slider->value(), int(std::lround(std::log10(0.5 / 0.001) * 100)));
    EXPECT_EQ(named<QLabel>(window, "timelineLabel")->text(), "iteration 20 of 41");
    EXPECT_EQ(int(plotTexts(*window.lossPlot(), "rateMarkerLabel", true).size()), 0);
}

// Bug 5: after the timeline in Phase mode, Iteration showed every value as "?" and the first
// Step only revealed values.
TEST_F(WindowStateTest, SwitchingToIterationAfterTheTimelineShowsTheWholeIteration) {
    model().run(10);
    auto* sizes = window.findChild<QComboBox*>("granularityChooser");
    sizes->setCurrentText("Phase");
    named<QSlider>(window, "timeline")->setValue(4);
    sizes->setCurrentText("Iteration");
    EXPECT_FALSE(window.networkView()->weightLabelText(4).contains("?"));
    QTest::mouseClick(window.findChild<QToolButton*>("stepButton"), Qt::LeftButton);
    EXPECT_EQ(model().iteration(), 5);
    EXPECT_EQ(named<QLabel>(window, "timelineLabel")->text(), "iteration 5 of 10");
}

// Bug 6: the panel and the status bar named iteration 5 while the timeline said 4, and Back then
// Step showed the generic text. One wording, the timeline's iteration, wherever from.
TEST_F(WindowStateTest, ADivergenceIsToldOneWayEverywhere) {
    ASSERT_TRUE(window.loadPreset("diverge"));
    named<QDoubleSpinBox>(window, "learningRateField")->setValue(1000);
    model().run(100);
    const QString held = QString::number(model().iteration());
    const QString sentence = QString("The step from iteration %1 blew up").arg(held);
    const auto status = [&] { return window.findChild<QLabel*>("statusLabel")->text(); };
    const auto formulaText = [&] {
        return named<QLabel>(window, "formulaWhere")->text() + "\n" +
               named<ui::RichTextLabel>(window, "formulaEquation")->html();
    };
    const auto check = [&](const char* how) {
        EXPECT_TRUE(status().contains(sentence)) << how << ": " << status().toStdString();
        EXPECT_TRUE(formulaText().contains(sentence)) << how;
        EXPECT_EQ(named<QLabel>(window, "timelineLabel")->text(),
                  QString("iteration %1 of %1").arg(held))
            << how;
        EXPECT_EQ(plotTexts(*window.lossPlot(), "regimeLabel").value(0), "diverged") << how;
    };
    check("trained into it");
    QTest::keyClick(&window, Qt::Key_Left);
    EXPECT_FALSE(status().contains("blew up"));
    EXPECT_EQ(plotTexts(*window.lossPlot(), "regimeLabel").value(0),
              "diverging");  // not "starting"
    QTest::keyClick(&window, Qt::Key_Right);
    check("Back, then Step");
    named<QSlider>(window, "timeline")->setValue(0);
    named<QSlider>(window, "timeline")->setValue(held.toInt());
    check("the timeline");
}

// Bug 4: once a number field had the keyboard, the window's keys stopped working, even after a
// click on a button; Ctrl+E too.
TEST_F(WindowStateTest, ShortcutsActWhateverHasTheFocus) {
    QDoubleSpinBox* rate = named<QDoubleSpinBox>(window, "learningRateField");
    auto* digits = window.findChild<QSpinBox*>("digitsField");
    const auto focusOn = [](QWidget* widget) {
        widget->setFocus();
        return QTest::qWaitFor([&] { return widget->hasFocus(); });
    };
    // Right in the rate field steps, and the keyboard goes back to the network.
    ASSERT_TRUE(focusOn(rate));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right);
    EXPECT_EQ(model().iteration(), 1);
    EXPECT_TRUE(window.networkView()->hasFocus());
    // A typed rate is committed by Enter, which gives the keyboard back too.
    ASSERT_TRUE(focusOn(rate));
    rate->selectAll();
    QTest::keyClicks(QApplication::focusWidget(), "2");
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    EXPECT_EQ(model().learningRate(), 2.0);
    EXPECT_TRUE(QTest::qWaitFor([&] { return window.networkView()->hasFocus(); }));
    // Typed, then a shortcut: the rate is taken first, then the key acts.
    ASSERT_TRUE(focusOn(rate));
    rate->selectAll();
    QTest::keyClicks(QApplication::focusWidget(), "3");
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right);
    EXPECT_EQ(model().learningRate(), 3.0);
    EXPECT_EQ(model().iteration(), 2);
    // R in the digits field resets; a click on a button leaves the keys working.
    ASSERT_TRUE(focusOn(digits));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_R);
    EXPECT_EQ(model().iteration(), 0);
    ASSERT_TRUE(focusOn(digits));
    QTest::mouseClick(window.findChild<QToolButton*>("stepButton"), Qt::LeftButton);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right);
    EXPECT_EQ(model().iteration(), 2);
    // Ctrl+E from a field opens the export dialog.
    ASSERT_TRUE(focusOn(rate));
    bool exported = false;
    QTimer::singleShot(100, [&] {
        if (QWidget* dialog = QApplication::activeModalWidget()) {
            exported = true;
            dialog->close();
        }
    });
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_E, Qt::ControlModifier);
    EXPECT_TRUE(exported);
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    // A slider or a check box that has the keyboard leaves the window's keys alone too.
    QSlider* slider = rateSlider();
    ASSERT_TRUE(focusOn(slider));
    const int position = slider->value();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right);
    EXPECT_EQ(model().iteration(), 3);
    EXPECT_EQ(slider->value(), position);
    auto* logScale = window.findChild<QCheckBox*>("logScaleBox");
    QTest::mouseClick(logScale, Qt::LeftButton);
    ASSERT_TRUE(logScale->isChecked());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    EXPECT_TRUE(window.playback()->isPlaying());
    EXPECT_TRUE(logScale->isChecked());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    EXPECT_FALSE(window.playback()->isPlaying());
    // A click on the network takes the keyboard from a field.
    ASSERT_TRUE(focusOn(rate));
    QTest::mouseClick(window.networkView(), Qt::LeftButton, {}, QPoint(5, 5));
    EXPECT_TRUE(window.networkView()->hasFocus());
}

// One change is one publication, and each view paints at most once for it; a term press only
// moves the reveal: the plot does not redraw and the step is not computed again.
TEST_F(WindowStateTest, OneChangeOnePublicationOnePaintPerView) {
    model().run(20);
    // The curvature of iteration 20 may wait out its interval: its publication is run(20)'s.
    ASSERT_TRUE(model().waitForBackgroundWork());
    QTest::qWait(50);
    std::vector<ui::TrainingController::Changes> published;
    QObject::connect(&model(), &ui::TrainingController::changed, &window,
                     [&](ui::TrainingController::Changes what) { published.push_back(what); });
    QSignalSpy replots(window.lossPlot()->customPlot(), &QCustomPlot::afterReplot);
    PaintCounter network(window.networkView()), plot(window.lossPlot()->customPlot()),
        formula(window.formulaPanel());

    // One tick of the rate slider while it is dragged.
    QSlider* slider = rateSlider();
    const QPoint start = handle(slider);
    QTest::mousePress(slider, Qt::LeftButton, {}, start);
    QTest::qWait(50);
    published.clear();
    replots.clear();
    network.paints = plot.paints = formula.paints = 0;
    QTest::mouseMove(slider, start + QPoint(5, 0));
    ASSERT_TRUE(model().waitForBackgroundWork());
    QTest::qWait(50);
    // The change publishes once; its preview, computed in the background, once more when it
    // comes, and only the plot redraws for that.
    ASSERT_EQ(published.size(), 2u);
    EXPECT_TRUE(published.front() & Change::Rate);
    EXPECT_TRUE(published.front() & Change::Preview);
    EXPECT_EQ(published.back(), ui::TrainingController::Changes(Change::Preview | Change::Work));
    EXPECT_LE(network.paints, 1);
    EXPECT_LE(formula.paints, 1);
    EXPECT_LE(plot.paints, 2);
    EXPECT_LE(replots.count(), 2);
    QTest::mouseRelease(slider, Qt::LeftButton, {}, start + QPoint(5, 0));

    // One press of Step in term mode.
    window.findChild<QComboBox*>("granularityChooser")->setCurrentText("Term");
    QTest::keyClick(&window, Qt::Key_Right);
    QTest::qWait(50);
    const auto terms = model().explanation();
    published.clear();
    replots.clear();
    network.paints = plot.paints = formula.paints = 0;
    QTest::keyClick(&window, Qt::Key_Right);
    QTest::qWait(50);
    ASSERT_EQ(published.size(), 1u);
    EXPECT_EQ(published.front(), ui::TrainingController::Changes(Change::Reveal));
    EXPECT_EQ(model().explanation(), terms);  // not built again
    EXPECT_EQ(network.paints, 1);
    EXPECT_LE(formula.paints, 1);
    EXPECT_EQ(replots.count(), 0);
    EXPECT_EQ(plot.paints, 0);
}

// Bug 8 (in part): the inspector cut its values and could not be widened.
TEST_F(WindowStateTest, TheInspectorShowsWholeValuesAndCanBeWidened) {
    window.resize(1024, 700);
    window.networkView()->itemClicked({ui::NetworkItem::Kind::Weight, 0, 0});
    QTest::qWait(20);
    ui::Inspector* inspector = window.inspector();
    ASSERT_TRUE(inspector->isVisible());
    auto* details = inspector->findChild<QLabel*>("inspectorDetails");
    EXPECT_GE(details->width(), details->sizeHint().width());
    auto* splitter = window.findChild<QSplitter*>("bottomSplitter");
    ASSERT_NE(splitter, nullptr);
    const int before = inspector->width();
    // The plot gives the inspector 200 px; the decision map between them keeps its width.
    QList<int> sizes = splitter->sizes();
    ASSERT_EQ(sizes.size(), 3);
    sizes[0] -= 200;
    sizes[2] += 200;
    splitter->setSizes(sizes);
    EXPECT_GT(inspector->width(), before + 100);
}

}  // namespace
