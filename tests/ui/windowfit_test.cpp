// The window as a projector and a small screen show it: screenshots in each theme at 100% and
// 200%, every control whole and apart at 200% on 1920x1080 and at 100% on 800x600.

#include <gtest/gtest.h>

#include <qcustomplot.h>
#include <QAction>
#include <QDir>
#include <QScrollArea>
#include <QScrollBar>
#include <QTemporaryDir>

#include "layoutchecks.h"
#include "ui/formulapanel.h"
#include "ui/inspector.h"
#include "ui/lossplot.h"
#include "ui/mainwindow.h"
#include "ui/networkview.h"
#include "ui/theme.h"
#include "ui/trainingcontroller.h"
#include "windowfit.h"
#include "windowparts.h"

namespace {

using testing_support::named;
using ui::Theme;

// Where the screenshots go: $BACKPROP_SCREENSHOT_DIR when set (to look at them), else a
// directory removed after the test.
QString screenshotDirectory(const QTemporaryDir& fallback) {
    const QString chosen = qEnvironmentVariable("BACKPROP_SCREENSHOT_DIR");
    if (chosen.isEmpty()) return fallback.path();
    QDir().mkpath(chosen);
    return chosen;
}

// A window of `size` at `zoom` in `theme`, in term mode at dE_total/dout_o1 (a two-line
// equation with its meaning), shown and settled.
std::unique_ptr<ui::MainWindow> windowAt(QSize size, int zoom, Theme theme) {
    ui::applyTheme(theme);
    auto window = std::make_unique<ui::MainWindow>(ui::MainWindow::Arrangement::Default);
    window->resize(size);
    window->controller()->setGranularity(core::Granularity::Term);
    for (int i = 0; i < 12; ++i)
        window->controller()->stepForward();
    window->controller()->setZoom(zoom);
    window->show();
    window->settle();
    return window;
}

// What a user sees of `window` is whole: the controls (windowfit.h), the network's labels and
// nodes (inside the view, none over another), the loss axis' tick labels (apart), and the
// equation (no scrolling needed, unless `equationMayScroll`).
void expectWhole(ui::MainWindow& window, const std::string& what, bool equationMayScroll) {
    for (const std::string& problem : testing_support::fitProblems(window))
        ADD_FAILURE() << what << ": " << problem;
    const ui::NetworkView& view = *window.networkView();
    testing_support::expectClear(view.networkLayout(), view.diagramSize(), what);
    QCustomPlot* plot = window.lossPlot()->customPlot();
    plot->replot();
    const QVector<double> ticks = plot->yAxis->tickVector();
    const qreal line = QFontMetricsF(plot->yAxis->tickLabelFont()).height();
    for (int i = 1; i < ticks.size(); ++i)
        EXPECT_GE(
            std::abs(plot->yAxis->coordToPixel(ticks[i]) - plot->yAxis->coordToPixel(ticks[i - 1])),
            line)
            << what << ": loss ticks " << ticks[i - 1] << " and " << ticks[i] << " overlap";
    if (!equationMayScroll)
        EXPECT_FALSE(named<QScrollArea>(*window.formulaPanel(), "formulaScroll")
                         ->verticalScrollBar()
                         ->isVisible())
            << what << ": the equation needs scrolling";
}

class WindowFitTest : public ::testing::Test {
protected:
    void TearDown() override { ui::applyTheme(Theme::Light); }
};

// Each theme at 100% and 200% on 1920x1080, saved as PNG: the network's background is the
// theme's, and everything is whole.
TEST_F(WindowFitTest, ScreenshotsOfEachThemeAt100And200) {
    const QTemporaryDir fallback;
    const QString directory = screenshotDirectory(fallback);
    for (const Theme theme : {Theme::Light, Theme::Dark, Theme::HighContrast})
        for (const int zoom : {100, 200}) {
            auto window = windowAt({1920, 1080}, zoom, theme);
            const std::string what =
                ui::themeKey(theme).toStdString() + " at " + std::to_string(zoom) + "%";
            const QImage image = window->grab().toImage();
            EXPECT_EQ(image.size(), QSize(1920, 1080)) << what;
            const QString path =
                directory + QStringLiteral("/window-%1-%2.png").arg(ui::themeKey(theme)).arg(zoom);
            EXPECT_TRUE(image.save(path)) << path.toStdString();
            const QPoint corner = window->networkView()->mapTo(window.get(), QPoint(2, 2));
            EXPECT_EQ(image.pixelColor(corner), ui::themePalette(theme).color(QPalette::Base))
                << what;
            expectWhole(*window, what, false);
        }
}

// At 800x600 the window fits the screen, at 100% and in each theme: what the tool bars cannot
// show is in their overflow menus, and nothing is cut or overlapped.
TEST_F(WindowFitTest, EverythingIsWholeAt800x600) {
    for (const Theme theme : {Theme::Light, Theme::HighContrast}) {
        auto window = windowAt({800, 600}, 100, theme);
        const std::string what = ui::themeKey(theme).toStdString() + " at 800x600";
        std::string heights;  // what asks for the height, when it does not fit
        for (const QWidget* part : window->findChildren<QWidget*>())
            if (part->isVisible() && part->minimumSizeHint().height() > 60 &&
                !part->objectName().isEmpty())
                heights += " " + part->objectName().toStdString() + " " +
                           std::to_string(part->minimumSizeHint().height()) + "/" +
                           std::to_string(part->minimumHeight());
        EXPECT_EQ(window->size(), QSize(800, 600)) << what << ", minimum heights:" << heights;
        expectWhole(*window, what, true);
        // With an item pinned, the inspector beside the plot and the map.
        window->inspector()->pin({ui::NetworkItem::Kind::Weight, 0, 4});
        window->settle();
        expectWhole(*window, what + " with w5 in the inspector", true);
    }
}

}  // namespace
