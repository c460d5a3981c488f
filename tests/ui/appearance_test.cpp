// Zoom and themes: View > Zoom In/Out/Actual Size scale the network, the equation, the samples
// and the plot together; light, dark and high contrast recolour every view; both are kept.

#include <gtest/gtest.h>

#include <qcustomplot.h>
#include <QAction>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <cmath>

#include "editparts.h"
#include "ui/formulapanel.h"
#include "ui/lossplot.h"
#include "ui/mainwindow.h"
#include "ui/networkview.h"
#include "ui/painting.h"
#include "ui/palette.h"
#include "ui/sampletable.h"
#include "ui/session/presetlibrary.h"
#include "ui/theme.h"
#include "ui/trainingcontroller.h"
#include "ui/valueeditor.h"
#include "ui/zoomlevels.h"
#include "windowparts.h"

namespace {

using testing_support::named;
using ui::Theme;
using ui::ZoomLevels;

// Each test leaves the application in the light theme, as every other test expects it.
class AppearanceTest : public ::testing::Test {
protected:
    void TearDown() override { ui::applyTheme(Theme::Light); }
};

// WCAG 2 contrast of two opaque colours, from their relative luminances.
double contrast(const QColor& one, const QColor& other) {
    const auto luminance = [](const QColor& color) {
        const auto linear = [](double c) {
            return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * linear(color.redF()) + 0.7152 * linear(color.greenF()) +
               0.0722 * linear(color.blueF());
    };
    const double a = luminance(one), b = luminance(other);
    return (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
}

// How far left of `centre` (view pixels) the first pixel near `ink` is, coming along its row
// from `reach` pixels further left: where the circle of a node is drawn, at the left margin.
int inkDistance(const QImage& image, QPoint centre, int reach, const QColor& ink) {
    for (int x = std::max(0, centre.x() - reach); x < centre.x(); ++x) {
        const QColor pixel = image.pixelColor(x, centre.y());
        if (std::abs(pixel.lightness() - ink.lightness()) < 60) return centre.x() - x;
    }
    return -1;
}

TEST(ZoomLevelsTest, StepLikeABrowserAndStopAtTheEnds) {
    EXPECT_EQ(ZoomLevels::larger(100), 110);
    EXPECT_EQ(ZoomLevels::larger(105), 110);
    EXPECT_EQ(ZoomLevels::larger(250), 300);
    EXPECT_EQ(ZoomLevels::larger(300), 300);
    EXPECT_EQ(ZoomLevels::smaller(100), 90);
    EXPECT_EQ(ZoomLevels::smaller(67), 50);
    EXPECT_EQ(ZoomLevels::smaller(50), 50);
}

TEST(ZoomLevelsTest, TheModelClampsAZoomAndPublishesItOnce) {
    ui::TrainingController model;
    model.load(session::PresetLibrary::builtIn().find("mazur")->session, "mazur");
    QSignalSpy published(&model, &ui::TrainingController::changed);
    model.setZoom(1000);
    EXPECT_EQ(model.zoom(), 300);
    model.setZoom(300);
    model.setZoom(10);
    EXPECT_EQ(model.zoom(), 50);
    EXPECT_DOUBLE_EQ(model.zoomFactor(), 0.5);
    ASSERT_EQ(published.count(), 2);  // the repeated 300 changed nothing
    for (const QList<QVariant>& call : published)
        EXPECT_EQ(call[0].value<ui::TrainingController::Changes>(),
                  ui::TrainingController::Changes(ui::TrainingController::Change::Zoom));
}

// Ctrl+= five times is 200%: every text of the equation, the samples and the plot is twice its
// size, the plot's pens twice as wide, and the network drawn twice as large: its circles, in
// the pixels of the view, twice as far from their centres.
TEST_F(AppearanceTest, ZoomKeysScaleEveryViewTogether) {
    auto window = testing_support::shownWindow();
    window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));
    ui::TrainingController& model = *window->controller();
    auto* view = window->networkView();
    const auto* equation = named<QWidget>(*window->formulaPanel(), "formulaEquation");
    QCustomPlot* plot = window->lossPlot()->customPlot();
    const qreal equationPoints = equation->font().pointSizeF();
    const qreal samplePoints = window->sampleTable()->font().pointSizeF();
    const qreal axisPoints = plot->xAxis->tickLabelFont().pointSizeF();
    const qreal axisPen = plot->xAxis->basePen().widthF();
    const QPointF i1 = view->networkLayout().node(0, 0);
    const qreal radius = view->networkLayout().nodeRadius();
    const QColor ink = view->palette().color(QPalette::Text);
    const int natural = inkDistance(view->grab().toImage(), i1.toPoint(), int(1.5 * radius), ink);
    EXPECT_NEAR(natural, radius, 2.0);

    for (int press = 0; press < 5; ++press)
        QTest::keyClick(window.get(), Qt::Key_Equal, Qt::ControlModifier);
    window->settle();
    ASSERT_EQ(model.zoom(), 200);
    EXPECT_DOUBLE_EQ(equation->font().pointSizeF(), 2 * equationPoints);
    EXPECT_DOUBLE_EQ(window->sampleTable()->font().pointSizeF(), 2 * samplePoints);
    EXPECT_DOUBLE_EQ(plot->xAxis->tickLabelFont().pointSizeF(), 2 * axisPoints);
    EXPECT_DOUBLE_EQ(plot->xAxis->basePen().widthF(), 2 * axisPen);
    // The diagram is laid out at half the view's size and drawn at twice its scale.
    EXPECT_EQ(view->diagramSize(), QSizeF(view->size()) / 2);
    const QPointF zoomedI1 = view->networkLayout().node(0, 0) * 2;
    const qreal zoomedRadius = view->networkLayout().nodeRadius() * 2;
    EXPECT_NEAR(
        inkDistance(view->grab().toImage(), zoomedI1.toPoint(), int(1.5 * zoomedRadius), ink),
        zoomedRadius, 3.0);

    QTest::keyClick(window.get(), Qt::Key_Minus, Qt::ControlModifier);
    EXPECT_EQ(model.zoom(), 175);
    QTest::keyClick(window.get(), Qt::Key_0, Qt::ControlModifier);
    EXPECT_EQ(model.zoom(), 100);
    EXPECT_DOUBLE_EQ(equation->font().pointSizeF(), equationPoints);
    for (int press = 0; press < 20; ++press)
        QTest::keyClick(window.get(), Qt::Key_Minus, Qt::ControlModifier);
    EXPECT_EQ(model.zoom(), ZoomLevels::smallest);
    EXPECT_FALSE(named<QAction>(*window, "zoomOutAction")->isEnabled());
}

// At 200% the mouse finds what is drawn under it, and the editor opens over the label it edits.
TEST_F(AppearanceTest, ZoomedItemsAreFoundAndEditedWhereTheyAreDrawn) {
    auto window = testing_support::shownWindow();
    window->controller()->setZoom(200);
    window->settle();
    auto* view = window->networkView();
    const int w5 = 4;
    const QRectF label = view->fromDiagram(view->networkLayout().weightLabel(w5));
    EXPECT_EQ(label, QRectF(view->networkLayout().weightLabel(w5).topLeft() * 2,
                            view->networkLayout().weightLabel(w5).size() * 2));
    const ui::NetworkItem item = view->itemAt(label.center());
    EXPECT_EQ(item.kind, ui::NetworkItem::Kind::Weight);
    EXPECT_EQ(item.index, w5);
    ASSERT_TRUE(view->editItem(item));
    ui::ValueEditor* editor = testing_support::openEditor(*view);
    ASSERT_NE(editor, nullptr);
    EXPECT_TRUE(label.contains(QRectF(editor->geometry()).center()));
    QTest::keyClick(editor, Qt::Key_Escape);
}

// The zoom and the theme a remembering window was left with are where the next one starts; a
// window of defaults (screenshots, tests) reads neither.
TEST_F(AppearanceTest, ZoomAndThemeAreRemembered) {
    {
        ui::MainWindow first(ui::MainWindow::Arrangement::Remembered);
        named<QAction>(first, "zoomInAction")->trigger();
        named<QAction>(first, "zoomInAction")->trigger();
        named<QAction>(first, "darkThemeAction")->trigger();
        EXPECT_EQ(first.controller()->zoom(), 125);
    }
    ui::applyTheme(Theme::Light);
    {
        ui::MainWindow again(ui::MainWindow::Arrangement::Remembered);
        EXPECT_EQ(again.controller()->zoom(), 125);
        EXPECT_EQ(ui::currentTheme(), Theme::Dark);
        EXPECT_TRUE(named<QAction>(again, "darkThemeAction")->isChecked());
    }
    ui::applyTheme(Theme::Light);
    ui::MainWindow fresh(ui::MainWindow::Arrangement::Default);
    EXPECT_EQ(fresh.controller()->zoom(), 100);
    EXPECT_EQ(ui::currentTheme(), Theme::Light);
    // A hand-edited file: a zoom that is no number or out of range, a theme of no name.
    QSettings().setValue("view/zoom", "large");
    QSettings().setValue("view/theme", "pink");
    EXPECT_EQ(ui::MainWindow(ui::MainWindow::Arrangement::Remembered).controller()->zoom(), 100);
    EXPECT_EQ(ui::currentTheme(), Theme::Light);
    QSettings().setValue("view/zoom", 1000);
    EXPECT_EQ(ui::MainWindow(ui::MainWindow::Arrangement::Remembered).controller()->zoom(), 300);
    QSettings().clear();
}

// Dark recolours every view from its palette: the network's and the plot's backgrounds, the
// plot's axes, the tool bar's icons, the equation's factors, the editor's error.
TEST_F(AppearanceTest, DarkRecoloursEveryView) {
    auto window = testing_support::shownWindow();
    window->controller()->setGranularity(core::Granularity::Term);
    for (int i = 0; i < 12; ++i)
        window->controller()->stepForward();  // dE/dout_o1 = -(target - out), two factors
    named<QAction>(*window, "darkThemeAction")->trigger();
    window->settle();
    const QPalette dark = ui::themePalette(Theme::Dark);
    ASSERT_EQ(dark.color(QPalette::Base), QColor(0x1E, 0x1E, 0x1E));
    EXPECT_EQ(window->networkView()->grab().toImage().pixelColor(2, 2), dark.color(QPalette::Base));
    QCustomPlot* plot = window->lossPlot()->customPlot();
    EXPECT_EQ(plot->grab().toImage().pixelColor(2, 2), dark.color(QPalette::Base));
    EXPECT_EQ(plot->xAxis->tickLabelColor(), dark.color(QPalette::Text));
    EXPECT_EQ(plot->yAxis->basePen().color(), dark.color(QPalette::Text));
    // The step button's icon is light on the dark bar.
    QAction* step = nullptr;
    for (QAction* action : window->findChildren<QAction*>())
        if (action->text() == "Step") step = action;
    ASSERT_NE(step, nullptr);
    const QImage stepIcon = step->icon().pixmap(24).toImage();
    int opaque = 0, light = 0;
    for (int y = 0; y < stepIcon.height(); ++y)
        for (int x = 0; x < stepIcon.width(); ++x)
            if (const QColor pixel = stepIcon.pixelColor(x, y); pixel.alpha() > 128)
                ++opaque, light += pixel.lightness() > 160;
    ASSERT_GT(opaque, 0);
    EXPECT_EQ(light, opaque);
    // The equation's factors in the dark theme's colours: target_o1 in its blue.
    const QImage equation =
        named<QWidget>(*window->formulaPanel(), "formulaEquation")->grab().toImage();
    bool blue = false;
    for (int y = 0; y < equation.height() && !blue; ++y)
        for (int x = 0; x < equation.width() && !blue; ++x)
            blue = equation.pixelColor(x, y) == QColor(0x56, 0xB4, 0xE9);
    EXPECT_TRUE(blue);
    // An editor's error reads on the dark theme: not on white.
    auto* view = window->networkView();
    ASSERT_TRUE(view->editItem({ui::NetworkItem::Kind::Weight, 0, 4}));
    ui::ValueEditor* editor = testing_support::openEditor(*view);
    ASSERT_NE(editor, nullptr);
    editor->setText("not a number");
    QTest::keyClick(editor, Qt::Key_Return);
    auto* error = named<QLabel>(*view, "valueEditorError");
    ASSERT_TRUE(error->isVisible());
    const QImage errorImage = error->grab().toImage();
    EXPECT_LT(errorImage.pixelColor(1, 1).lightness(), 100);
    EXPECT_GT(contrast(error->palette().color(QPalette::WindowText),
                       error->palette().color(QPalette::Window)),
              4.5);
    QTest::keyClick(editor, Qt::Key_Escape);
    // The stable rate's text in the dark theme's green.
    EXPECT_EQ(named<QLabel>(*window, "stableRateLabel")->palette().color(QPalette::WindowText),
              ui::Palette::stableRate());
    EXPECT_EQ(ui::Palette::stableRate(), QColor(0x2E, 0xC4, 0x9C));
    // Back to light, back to the light palette.
    named<QAction>(*window, "lightThemeAction")->trigger();
    window->settle();
    EXPECT_EQ(window->networkView()->grab().toImage().pixelColor(2, 2),
              ui::themePalette(Theme::Light).color(QPalette::Base));
}

// High contrast: black on white, every colour at least 7:1 on white, thicker edges, and
// pinned runs told apart by their line patterns as well as their colours.
TEST_F(AppearanceTest, HighContrastIsBlackOnWhiteWithThickLinesAndPatterns) {
    const qreal lightEdge = ui::weightPen(0).widthF();
    const qreal lightLargeEdge = ui::weightPen(1e6).widthF();
    ui::applyTheme(Theme::HighContrast);
    const QPalette colors = QApplication::palette();
    EXPECT_EQ(colors.color(QPalette::Base), QColor(Qt::white));
    EXPECT_EQ(colors.color(QPalette::Text), QColor(Qt::black));
    // The thinnest edge twice as thick, the thickest as thick plus that.
    EXPECT_DOUBLE_EQ(ui::weightPen(0).widthF(), 2 * lightEdge);
    EXPECT_NEAR(ui::weightPen(1e6).widthF(), lightLargeEdge + lightEdge, 1e-4);
    EXPECT_EQ(ui::weightPen(-0.5).style(), Qt::DashLine);
    using ui::Palette;
    for (const QColor& color :
         {Palette::positive(), Palette::negative(), Palette::highlight(), Palette::marker(),
          Palette::target(), Palette::neutral(), Palette::factor(0), Palette::factor(1),
          Palette::factor(2), Palette::factor(3), Palette::factor(4)})
        EXPECT_GE(contrast(color, Qt::white), 7.0) << color.name().toStdString();
    // The value a term computes, lit on a lit edge: black text over the glow and the mark.
    const QColor lit =
        Palette::over(Palette::highlightFill(100), Palette::over(Palette::glow(), Qt::white));
    EXPECT_GE(contrast(Qt::black, lit), 7.0) << lit.name().toStdString();
    auto window = testing_support::shownWindow();
    ui::TrainingController& model = *window->controller();
    model.run(20);
    ASSERT_TRUE(model.pinRun());
    model.reset();
    model.setLearningRate(5);
    model.run(20);
    ASSERT_TRUE(model.pinRun());
    window->settle();
    QCustomPlot* plot = window->lossPlot()->customPlot();
    std::vector<Qt::PenStyle> styles;
    for (int i = 0; i < plot->graphCount(); ++i)
        if (plot->graph(i)->name() != "preview") styles.push_back(plot->graph(i)->pen().style());
    ASSERT_EQ(styles.size(), 2u);
    EXPECT_NE(styles[0], styles[1]);
    EXPECT_NE(styles[0], Qt::SolidLine);
    EXPECT_NE(styles[1], Qt::SolidLine);
}

// On the dark theme's base every colour that writes text or draws a line reads at 4.5:1 at least.
TEST_F(AppearanceTest, DarkColoursReadOnTheDarkBase) {
    ui::applyTheme(Theme::Dark);
    const QColor base = QApplication::palette().color(QPalette::Base);
    using ui::Palette;
    for (const QColor& color :
         {Palette::positive(), Palette::negative(), Palette::highlight(), Palette::marker(),
          Palette::target(), Palette::factor(0), Palette::factor(1), Palette::factor(2),
          Palette::factor(3), Palette::factor(4)})
        EXPECT_GE(contrast(color, base), 4.5) << color.name().toStdString();
    EXPECT_GE(contrast(QApplication::palette().color(QPalette::Text), base), 7.0);
}

}  // namespace
