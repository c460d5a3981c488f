// Help: the tour rings each area of the window in turn, each preset's lesson shows when it is
// chosen, and every tool bar control says what it is.
#include <gtest/gtest.h>

#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

#include "editparts.h"
#include "ui/formulapanel.h"
#include "ui/inspector.h"
#include "ui/lossplot.h"
#include "ui/mainwindow.h"
#include "ui/networkview.h"
#include "ui/presetlessons.h"
#include "ui/richtextlabel.h"
#include "ui/sampletable.h"
#include "ui/session/presetlibrary.h"
#include "ui/windowtour.h"

namespace {

TEST(HelpTest, TheTourRingsEveryAreaInTurn) {
    auto shown = testing_support::shownWindow();
    ui::WindowTour tour(shown.get());
    tour.show();
    ASSERT_GE(tour.stops().size(), 8);
    for (int k = 0; k < tour.stops().size(); ++k) {
        tour.showStop(k);
        const QWidget* area = shown->findChild<QWidget*>(tour.stops()[k].objectName);
        ASSERT_NE(area, nullptr) << tour.stops()[k].objectName;
        EXPECT_TRUE(area->isVisible()) << tour.stops()[k].objectName;
        const QRect expected(area->mapTo(shown.get(), QPoint()), area->size());
        EXPECT_EQ(tour.ring(), expected.adjusted(-3, -3, 3, 3)) << tour.stops()[k].objectName;
        EXPECT_TRUE(tour.findChild<QLabel*>("tourText")->text().size() > 40);
    }
    // Next on the last stop is Done: the tour closes and its ring goes.
    QPushButton* next = nullptr;
    for (QPushButton* button : tour.findChildren<QPushButton*>())
        if (button->text() == "Done") next = button;
    ASSERT_NE(next, nullptr);
    next->click();
    EXPECT_FALSE(tour.isVisible());
    EXPECT_EQ(tour.ring(), QRect());
}

TEST(HelpTest, EachPresetsLessonShowsWhenItIsChosen) {
    auto shown = testing_support::shownWindow();
    for (const session::Preset& preset : session::PresetLibrary::builtIn().presets()) {
        const QString lesson = ui::presetLesson(preset.name);
        EXPECT_FALSE(lesson.isEmpty()) << preset.name.toStdString();
        ASSERT_TRUE(shown->loadPreset(preset.name));
        shown->settle();
        const auto* meaning = shown->findChild<QLabel*>("formulaMeaning");
        const auto* equation = shown->findChild<ui::RichTextLabel*>("formulaEquation");
        const QString shownText =
            (meaning ? meaning->text() : QString()) + (equation ? equation->html() : QString());
        EXPECT_TRUE(shownText.contains(lesson.left(40))) << preset.name.toStdString();
    }
    // Once the run moves on, the usual note is back.
    shown->controller()->run(1);
    shown->settle();
    const QString after = shown->findChild<ui::RichTextLabel*>("formulaEquation")->html();
    EXPECT_FALSE(after.contains(ui::presetLesson("momentum").left(40))) << after.toStdString();
    EXPECT_TRUE(after.contains("Every value of the next step")) << after.toStdString();
}

TEST(HelpTest, EveryToolBarControlSaysWhatItIs) {
    auto shown = testing_support::shownWindow();
    int checked = 0;
    for (const QToolBar* bar : shown->findChildren<QToolBar*>())
        for (const QWidget* control : bar->findChildren<QWidget*>()) {
            const bool isControl = qobject_cast<const QComboBox*>(control) ||
                                   qobject_cast<const QAbstractSlider*>(control) ||
                                   qobject_cast<const QAbstractSpinBox*>(control) ||
                                   qobject_cast<const QToolButton*>(control) ||
                                   qobject_cast<const QLineEdit*>(control);
            // Qt's own parts of a control (a spin box's line edit, the extension button) and
            // controls not shown are not the user's.
            if (!isControl || !control->isVisibleTo(shown.get()) ||
                control->objectName().startsWith("qt_") ||
                qobject_cast<const QAbstractSpinBox*>(control->parentWidget()) ||
                qobject_cast<const QComboBox*>(control->parentWidget()))
                continue;
            ++checked;
            EXPECT_FALSE(control->toolTip().isEmpty() && control->accessibleName().isEmpty())
                << control->metaObject()->className() << " " << control->objectName().toStdString();
            EXPECT_FALSE(control->toolTip().isEmpty())
                << control->metaObject()->className() << " " << control->objectName().toStdString();
        }
    EXPECT_GT(checked, 10);
}

}  // namespace

namespace {

// F5: only the network, the equation and the plot stay, and the keys still act.
TEST(PresentationTest, TheLayoutLeavesNetworkEquationAndPlotAndTheKeysAct) {
    auto shown = testing_support::shownWindow();
    auto* present = shown->findChild<QAction*>("presentationAction");
    ASSERT_NE(present, nullptr);
    QTest::keyClick(shown->networkView(), Qt::Key_F5);
    EXPECT_TRUE(shown->isPresenting());
    EXPECT_TRUE(present->isChecked());
    EXPECT_FALSE(shown->menuWidget()->isVisible());
    EXPECT_FALSE(shown->sampleTable()->isVisible());
    EXPECT_FALSE(shown->inspector()->isVisible());
    for (const QToolBar* bar : shown->findChildren<QToolBar*>())
        EXPECT_FALSE(bar->isVisible()) << bar->objectName().toStdString();
    EXPECT_TRUE(shown->networkView()->isVisible());
    EXPECT_TRUE(shown->formulaPanel()->isVisible());
    EXPECT_TRUE(shown->lossPlot()->isVisible());
    // Right still steps, Ctrl+Z still undoes what the keys did.
    shown->networkView()->setFocus();
    QTest::keyClick(shown->networkView(), Qt::Key_Right);
    EXPECT_EQ(shown->controller()->iteration(), 1);
    QTest::keyClick(shown->networkView(), Qt::Key_F5);
    EXPECT_FALSE(shown->isPresenting());
    EXPECT_TRUE(shown->menuWidget()->isVisible());
    EXPECT_TRUE(shown->sampleTable()->isVisible());
}

}  // namespace
