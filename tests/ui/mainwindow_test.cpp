#include "ui/mainwindow.h"

#include <gtest/gtest.h>

#include <QDoubleSpinBox>
#include <QScrollBar>
#include <QSettings>
#include <QSlider>
#include <QSplitter>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <map>
#include <memory>

#include "../core/workedexample.h"
#include "core/probe.h"
#include "ui/inspector.h"
#include "ui/learningratecontrol.h"
#include "ui/lossplot.h"
#include "ui/networkview.h"
#include "ui/playback.h"
#include "ui/samplegrid.h"
#include "ui/sampletable.h"
#include "ui/session/presetlibrary.h"
#include "ui/trainingcontroller.h"
#include "windowparts.h"

namespace {

using testing_support::plotTexts;

using testing_support::named;

using testing_support::expectPublished;

// The widget tests never touch the user's settings. Before the first test of the program
// (whichever file it is in) every QSettings reads and writes in a temporary directory, removed
// after the last: QSettings::setPath redirects the user and the system scope of both formats (on
// Linux the native format is the INI one), so that nothing of the machine's is read either. The
// organization and application names are the tests' own besides, so that the file could never
// be the program's. Only a window built with Arrangement::Remembered uses QSettings at all.
class TemporarySettings : public ::testing::Environment {
public:
    void SetUp() override {
        directory_ = std::make_unique<QTemporaryDir>();
        ASSERT_TRUE(directory_->isValid());
        for (const QSettings::Format format : {QSettings::NativeFormat, QSettings::IniFormat})
            for (const QSettings::Scope scope : {QSettings::UserScope, QSettings::SystemScope})
                QSettings::setPath(format, scope, directory_->path());
        QCoreApplication::setOrganizationName("Backprop Lab tests");
        QCoreApplication::setApplicationName("widget_tests");
    }
    void TearDown() override { directory_.reset(); }

private:
    std::unique_ptr<QTemporaryDir> directory_;
};

[[maybe_unused]] ::testing::Environment* const kTemporarySettings =
    ::testing::AddGlobalTestEnvironment(new TemporarySettings);

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

// The value written on w5's edge, in whatever form the label takes ("w5 = 0.4 ▼", "w5 0.4 ▼").
QString w5Value(const ui::NetworkView& view) {
    const QString label = view.weightLabelText(4);
    EXPECT_TRUE(label.startsWith("w5")) << label.toStdString();
    for (const QString& word : label.section('\n', 0, 0).split(' ', Qt::SkipEmptyParts)) {
        bool isNumber = false;
        word.toDouble(&isNumber);
        if (isNumber) return word;
    }
    return {};
}

TEST_F(MainWindowTest, StepOnMazurChangesTheW5Label) {
    EXPECT_EQ(w5Value(*window.networkView()), "0.4");
    QTest::mouseClick(window.findChild<QToolButton*>("stepButton"), Qt::LeftButton);
    EXPECT_EQ(window.controller()->iteration(), 1);
    EXPECT_EQ(w5Value(*window.networkView()), "0.3589");
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
    EXPECT_EQ(w5Value(*window.networkView()), "0.4");
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
    // The check is computed in the background; the row shows once it comes.
    EXPECT_EQ(window.controller()->checkedParameter(), 4);
    ASSERT_TRUE(window.controller()->waitForBackgroundWork());
    const QString text = named<QLabel>(window, "inspectorDetails")->text();
    EXPECT_TRUE(text.contains("h1 \u2192 o1")) << text.toStdString();
    EXPECT_TRUE(text.contains("central difference"));
    EXPECT_TRUE(text.contains("0.08217"));  // backpropagation's dE/dw5 at 4 digits
    // The difference quotient agrees with the article's dE/dw5 (about 1e-10 apart here), and is
    // core's own central difference, bit for bit.
    ASSERT_TRUE(window.controller()->checkedGradient());
    EXPECT_NEAR(*window.controller()->checkedGradient(), 0.0821670406, 1e-8);
    core::Trainer reference(session::PresetLibrary::builtIn().find("mazur")->session.config);
    EXPECT_EQ(*window.controller()->checkedGradient(), core::centralDifference(reference, 4));
    window.findChild<QToolButton*>("closeInspectorButton")->click();
    EXPECT_FALSE(window.inspector()->isVisible());
}

// The sizes the window is checked at: a small laptop, the default, a full HD screen.
const QSize kWindowSizes[] = {{1024, 700}, {1280, 800}, {1920, 1080}};

std::string describe(QSize size, const char* how) {
    return std::to_string(size.width()) + "x" + std::to_string(size.height()) + " " + how;
}

// Every part of `window` at its size: the loss plot at least a quarter of the window's height
// (and not much more: the network keeps the rest), no pane of a splitter below its minimum size
// hint, and the sample table whole, unscrolled.
void expectArranged(const ui::MainWindow& window, const std::string& what) {
    const int plot = window.lossPlot()->customPlot()->height();
    EXPECT_GE(4 * plot, window.height()) << what << ": the plot is " << plot << " px";
    EXPECT_LE(plot, 0.3 * window.height()) << what << ": the plot is " << plot << " px";
    for (const QSplitter* splitter : window.findChildren<QSplitter*>())
        for (int i = 0; i < splitter->count(); ++i) {
            const QWidget* part = splitter->widget(i);
            if (!part->isVisible()) continue;
            const std::string name = what + ", " + part->objectName().toStdString() + " in " +
                                     splitter->objectName().toStdString();
            EXPECT_GE(part->width(), part->minimumSizeHint().width()) << name;
            EXPECT_GE(part->height(), part->minimumSizeHint().height()) << name;
        }
    const ui::SampleGrid* table = window.sampleTable()->grid();
    EXPECT_FALSE(table->horizontalScrollBar()->isVisible()) << what;
    EXPECT_FALSE(table->verticalScrollBar()->isVisible()) << what;
}

TEST(MainWindowLayoutTest, ThePlotHasAQuarterOfTheHeightAndEveryPartItsMinimum) {
    for (const QSize size : kWindowSizes)
        for (const bool resized : {false, true}) {
            // Shown at the size (as --size does), or shown first and then resized.
            ui::MainWindow window;
            if (resized) {
                window.show();
                ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
            }
            window.resize(size);
            window.show();
            ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
            ASSERT_TRUE(window.loadPreset("xor"));
            window.controller()->run(300);
            QApplication::processEvents();
            EXPECT_EQ(window.size(), size);
            expectArranged(window, describe(size, resized ? "resized" : "shown"));
            // With the inspector open beside the plot, and in term mode.
            window.inspector()->pin({ui::NetworkItem::Kind::Weight, 0, 4});
            window.controller()->setGranularity(core::Granularity::Term);
            window.controller()->stepForward();
            QApplication::processEvents();
            expectArranged(window, describe(size, "with the inspector, in term mode"));
        }
}

// Drags the handle before part `index` of `splitter` by `distance` pixels, as a user does.
void dragDivider(QSplitter* splitter, int index, int distance) {
    QSplitterHandle* handle = splitter->handle(index);
    const QPoint from = handle->rect().center();
    const QPoint to = from + (splitter->orientation() == Qt::Horizontal ? QPoint(distance, 0)
                                                                        : QPoint(0, distance));
    QTest::mousePress(handle, Qt::LeftButton, {}, from);
    QTest::mouseMove(handle, to);
    QTest::mouseRelease(handle, Qt::LeftButton, {}, to);
}

// The sizes of the parts of every splitter of `window`, by the splitter's name.
std::map<QString, QList<int>> dividers(const ui::MainWindow& window) {
    std::map<QString, QList<int>> sizes;
    for (const QSplitter* splitter : window.findChildren<QSplitter*>())
        sizes[splitter->objectName()] = splitter->sizes();
    return sizes;
}

// A window shown with its inspector open (so that the bottom splitter has two parts).
void showWithInspector(ui::MainWindow& window) {
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.inspector()->pin({ui::NetworkItem::Kind::Weight, 0, 4});
    QApplication::processEvents();
}

TEST(MainWindowLayoutTest, DraggedDividersSurviveClosingAndReopening) {
    using Arrangement = ui::MainWindow::Arrangement;
    std::map<QString, QList<int>> dragged;
    const QSize size(1100, 760);
    {
        ui::MainWindow first(Arrangement::Remembered);
        first.resize(size);
        showWithInspector(first);
        const auto defaults = dividers(first);
        ASSERT_EQ(defaults.size(), 3u);
        for (QSplitter* splitter : first.findChildren<QSplitter*>())
            dragDivider(splitter, 1, -40);
        dragged = dividers(first);
        for (const auto& [name, sizes] : dragged)
            EXPECT_NE(sizes, defaults.at(name)) << name.toStdString() << " did not move";
        // Dragged, the dividers stay where the user put them when the window grows.
        first.resize(size + QSize(0, 1));
        first.resize(size);
        EXPECT_EQ(dividers(first), dragged);
        first.close();
    }
    ui::MainWindow second(Arrangement::Remembered);
    EXPECT_EQ(second.size(), size);
    showWithInspector(second);
    EXPECT_EQ(dividers(second), dragged);

    // The defaults (--screenshot) ignore what was remembered.
    ui::MainWindow shot;
    shot.resize(size);
    showWithInspector(shot);
    EXPECT_NE(dividers(shot), dragged);
}

TEST(MainWindowLayoutTest, UndraggedDividersKeepFollowingTheWindowsSize) {
    using Arrangement = ui::MainWindow::Arrangement;
    QSettings().clear();
    {
        ui::MainWindow first(Arrangement::Remembered);
        first.resize(1920, 1080);
        first.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&first));
        first.close();
    }
    ui::MainWindow second(Arrangement::Remembered);
    EXPECT_EQ(second.size(), QSize(1920, 1080));
    second.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&second));
    second.resize(1024, 700);
    expectArranged(second, "remembered at 1920x1080, resized to 1024x700");
}

TEST(MainWindowLayoutTest, QuittingKeepsTheArrangement) {
    QSettings().clear();
    ui::MainWindow window(ui::MainWindow::Arrangement::Remembered);
    window.resize(1000, 720);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QTimer::singleShot(0, qApp, &QCoreApplication::quit);  // as File > Quit (Ctrl+Q) does
    QApplication::exec();
    EXPECT_EQ(QSettings().value("window/size").toSize(), QSize(1000, 720));
}

}  // namespace
