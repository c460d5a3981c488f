// Editing the model where the window shows it, and undoing it: numbers typed over in the network,
// the edits each a new start, bad entries refused with nothing changed, and undo/redo giving back
// every state bit for bit.
#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QTest>
#include <QUndoStack>
#include <cmath>

#include "../core/workedexample.h"
#include "ui/mainwindow.h"
#include "ui/networkview.h"
#include "ui/trainingcontroller.h"
#include "ui/valueeditor.h"
#include "ui/valueentry.h"
#include "ui/session/presetlibrary.h"
#include "editparts.h"

namespace {

using testing_support::expectPublished;
using testing_support::openEditor;
using testing_support::seen;
using testing_support::Seen;

constexpr int kW5 = 4;  // w5's index among the weights

session::Session preset(const char* name) {
    return session::PresetLibrary::builtIn().find(name)->session;
}

double sigmoid(double x) {
    return 1.0 / (1.0 + std::exp(-x));
}

TEST(ValueEntryTest, ReadsNumbersAndSaysWhatIsWrongWithTheRest) {
    QString error;
    EXPECT_EQ(ui::parseEditedValue("0.9", &error), 0.9);
    EXPECT_EQ(ui::parseEditedValue("  -1e-3 ", &error), -1e-3);
    EXPECT_EQ(ui::parseEditedValue("1e6", &error), 1e6);
    EXPECT_FALSE(ui::parseEditedValue("abc", &error));
    EXPECT_EQ(error, "\"abc\" is not a number");
    EXPECT_FALSE(ui::parseEditedValue("", &error));
    EXPECT_FALSE(ui::parseEditedValue("inf", &error));
    EXPECT_EQ(error, "not a finite number");
    EXPECT_FALSE(ui::parseEditedValue("nan", &error));
    EXPECT_FALSE(ui::parseEditedValue("-1.5e6", &error));
    EXPECT_TRUE(error.startsWith("out of range")) << error.toStdString();
}

// Typing 0.9 over w5 makes the worked example with w5 = 0.9: o1's output is then
// sigmoid(0.9 out_h1 + w6 out_h2 + b2) with the article's out_h1 = 0.593269992 and
// out_h2 = 0.596884378 (the hidden layer does not depend on w5), w6 = 0.45 and b2 = 0.6.
TEST(EditingTest, TypingOverW5SetsItInTheNetwork) {
    auto shown = testing_support::shownWindow();
    ui::TrainingController& model = *shown->controller();
    auto* view = shown->findChild<ui::NetworkView*>("networkView");
    ASSERT_TRUE(view->editItem({ui::NetworkItem::Kind::Weight, 0, kW5}));
    ui::ValueEditor* editor = openEditor(*view);
    ASSERT_NE(editor, nullptr);
    editor->setText("0.9");
    QTest::keyClick(editor, Qt::Key_Return);
    QApplication::processEvents();
    EXPECT_EQ(model.snapshot().weightsBefore()[kW5], 0.9);
    EXPECT_NEAR(model.snapshot().node(0, 2, 0).out,
                sigmoid(0.9 * 0.593269992 + 0.45 * 0.596884378 + 0.60), 1e-9);
    expectPublished(model.snapshot().node(0, 2, 1).out, "0.772928465");  // o2 is as it was
    EXPECT_EQ(model.undoStack()->count(), 1);
    EXPECT_EQ(model.undoStack()->undoText(), "set w5 to 0.9");
    EXPECT_EQ(model.sessionName(), "mazur (edited)");
    EXPECT_EQ(openEditor(*view), nullptr);
}

// An edit at iteration 3 starts a run from iteration 3's state with the one number changed.
TEST(EditingTest, AnEditStartsTheRunOverFromTheEditedState) {
    auto shown = testing_support::shownWindow();
    ui::TrainingController& model = *shown->controller();
    model.run(3);
    const core::Parameters atThree = model.snapshot().parametersBefore();
    auto* view = shown->findChild<ui::NetworkView*>("networkView");
    ASSERT_TRUE(view->editItem({ui::NetworkItem::Kind::Weight, 0, kW5}));
    ui::ValueEditor* editor = openEditor(*view);
    ASSERT_NE(editor, nullptr);
    // It opens with w5 as it is now, at full precision.
    EXPECT_EQ(editor->text().toDouble(), atThree.weights[kW5]);
    editor->setText("0.9");
    QTest::keyClick(editor, Qt::Key_Return);
    EXPECT_EQ(model.iteration(), 0);
    EXPECT_EQ(model.recordedEnd(), 0);
    core::Parameters expected = atThree;
    expected.weights[kW5] = 0.9;
    EXPECT_EQ(model.snapshot().parametersBefore(), expected);
    EXPECT_EQ(model.session().config.samples, preset("mazur").config.samples);
}

TEST(EditingTest, DoubleClickingALabelOpensItsEditor) {
    auto shown = testing_support::shownWindow();
    auto* view = shown->findChild<ui::NetworkView*>("networkView");
    const QPoint label = view->networkLayout().weightLabel(kW5).center().toPoint();
    QTest::mouseDClick(view, Qt::LeftButton, Qt::NoModifier, label);
    ui::ValueEditor* editor = openEditor(*view);
    ASSERT_NE(editor, nullptr);
    EXPECT_EQ(editor->text(), "0.4");
    // Escape closes it with nothing changed.
    QTest::keyClick(editor, Qt::Key_Escape);
    QApplication::processEvents();
    EXPECT_EQ(openEditor(*view), nullptr);
    EXPECT_EQ(shown->controller()->undoStack()->count(), 0);
}

TEST(EditingTest, BadEntriesAreRefusedAtTheFieldAndChangeNothing) {
    auto shown = testing_support::shownWindow();
    ui::TrainingController& model = *shown->controller();
    model.run(2);
    const Seen before = seen(model);
    auto* view = shown->findChild<ui::NetworkView*>("networkView");
    ASSERT_TRUE(view->editItem({ui::NetworkItem::Kind::Bias, 0, 1}));
    ui::ValueEditor* editor = openEditor(*view);
    ASSERT_NE(editor, nullptr);
    for (const char* bad : {"abc", "inf", "nan", "2e6", ""}) {
        editor->setText(bad);
        QTest::keyClick(editor, Qt::Key_Return);
        EXPECT_FALSE(editor->error().isEmpty()) << bad;
        EXPECT_TRUE(editor->error().startsWith("b2: ")) << editor->error().toStdString();
        EXPECT_EQ(seen(model), before) << bad;
        EXPECT_EQ(model.undoStack()->count(), 0);
    }
    // The model refuses the same by itself.
    QString error;
    EXPECT_FALSE(model.editParameter(kW5, std::nan(""), &error));
    EXPECT_FALSE(model.editParameter(99, 0.5, &error));
    EXPECT_FALSE(model.editSampleValue(1, false, 0, 0.5, &error));
    EXPECT_FALSE(model.editSampleValue(0, true, 2, 0.5, &error));
    EXPECT_EQ(seen(model), before);
}

// Undo gives back the state before an edit bit for bit, with the run and the position in it;
// redo the state after it.
TEST(EditingTest, UndoAndRedoRestoreEveryStateBitForBit) {
    ui::TrainingController model;
    model.load(preset("mazur"), "mazur");
    model.run(30);
    model.seek(12);
    const Seen atTwelve = seen(model);
    ASSERT_TRUE(model.editParameter(kW5, 0.9));
    model.run(5);
    const Seen edited = seen(model);
    ASSERT_TRUE(model.editSampleValue(0, true, 1, 0.5));
    const Seen targetEdited = seen(model);
    EXPECT_EQ(targetEdited.session.config.samples[0].target[1], 0.5);
    model.reset();
    model.setLearningRate(2.0);
    model.run(4);
    const Seen rated = seen(model);
    model.load(preset("xor"), "xor");
    const Seen xorLoaded = seen(model);
    ASSERT_EQ(model.undoStack()->count(), 5);

    QUndoStack& edits = *model.undoStack();
    edits.undo();  // the preset
    EXPECT_EQ(seen(model), rated);
    edits.undo();  // the rate
    EXPECT_EQ(model.learningRate(), 0.5);
    EXPECT_EQ(model.iteration(), 0);
    edits.undo();  // Reset
    EXPECT_EQ(seen(model), targetEdited);
    edits.undo();  // the target
    EXPECT_EQ(seen(model), edited);
    edits.undo();  // w5: back to iteration 12 of the first run, its 30 iterations recorded
    EXPECT_EQ(seen(model), atTwelve);
    EXPECT_EQ(model.recordedEnd(), 30);
    expectPublished(model.history().points()[1].loss, "0.291027774");

    for (int i = 0; i < 4; ++i)
        edits.redo();
    EXPECT_EQ(model.iteration(), 0);
    EXPECT_EQ(model.learningRate(), 2.0);
    edits.redo();
    EXPECT_EQ(seen(model), xorLoaded);
}

TEST(EditingTest, ADragOfTheRateIsOneEdit) {
    ui::TrainingController model;
    model.load(preset("mazur"), "mazur");
    model.run(10);
    const Seen before = seen(model);
    model.beginRateDrag();
    for (double rate : {1.0, 2.0, 3.0})
        model.setLearningRate(rate);
    model.endRateDrag();
    ASSERT_EQ(model.undoStack()->count(), 1);
    EXPECT_EQ(model.undoStack()->undoText(), "drag the learning rate to 3");
    model.undoStack()->undo();
    EXPECT_EQ(seen(model), before);
    // A drag let go where it began is no edit.
    model.beginRateDrag();
    model.setLearningRate(0.5);
    model.endRateDrag();
    EXPECT_EQ(model.undoStack()->count(), 1);
    EXPECT_TRUE(model.undoStack()->canRedo());
}

TEST(EditingTest, TheEditMenuNamesWhatUndoAndRedoDo) {
    auto shown = testing_support::shownWindow();
    ui::TrainingController& model = *shown->controller();
    ASSERT_TRUE(model.editParameter(kW5, 0.9));
    QAction* undo = nullptr;
    QAction* redo = nullptr;
    for (QAction* action : shown->findChildren<QAction*>()) {
        if (action->shortcut() == QKeySequence::Undo) undo = action;
        if (action->text().startsWith("&Redo")) redo = action;
    }
    ASSERT_NE(undo, nullptr);
    ASSERT_NE(redo, nullptr);
    EXPECT_EQ(undo->text(), "&Undo set w5 to 0.9");
    EXPECT_FALSE(redo->isEnabled());
    undo->trigger();
    EXPECT_EQ(model.snapshot().weightsBefore()[kW5], 0.4);
    EXPECT_TRUE(redo->isEnabled());
    EXPECT_EQ(redo->text(), "&Redo set w5 to 0.9");
}

TEST(EditingTest, SamplesAreReplacedAsOneEdit) {
    ui::TrainingController model;
    model.load(preset("mazur"), "mazur");
    model.run(4);
    const Seen before = seen(model);
    std::vector<core::Sample> samples = before.session.config.samples;
    samples.push_back({{1.0, 0.0}, {0.2, 0.8}});
    ASSERT_TRUE(model.editSamples(samples, "add a sample"));
    EXPECT_EQ(model.snapshot().sampleCount(), 2);
    EXPECT_EQ(model.iteration(), 0);
    // E_total is the mean of the two samples' losses: the first as at iteration 4.
    const double first = before.losses.back();
    EXPECT_NEAR(model.snapshot().sampleLoss(0), first, 1e-15);
    EXPECT_EQ(model.snapshot().loss(), (model.snapshot().sampleLoss(0) +
                                        model.snapshot().sampleLoss(1)) / 2);
    QString error;
    EXPECT_FALSE(model.editSamples({}, "none", &error));
    EXPECT_FALSE(model.editSamples({{{1.0}, {0.2, 0.8}}}, "short", &error));
    EXPECT_EQ(error, "sample 1: expected 2 inputs and 2 targets");
    EXPECT_FALSE(model.editSamples({{{1.0, 2e6}, {0.2, 0.8}}}, "large", &error));
    EXPECT_EQ(model.undoStack()->count(), 1);
    model.undoStack()->undo();
    EXPECT_EQ(seen(model), before);
}

// An input typed over at the network is the shown sample's: the hidden layer follows it.
TEST(EditingTest, TypingOverAnInputEditsTheSample) {
    auto shown = testing_support::shownWindow();
    ui::TrainingController& model = *shown->controller();
    auto* view = shown->findChild<ui::NetworkView*>("networkView");
    ASSERT_TRUE(view->editItem({ui::NetworkItem::Kind::Node, 0, 0}));
    ui::ValueEditor* editor = openEditor(*view);
    ASSERT_NE(editor, nullptr);
    EXPECT_EQ(editor->text(), "0.05");
    editor->setText("1");
    QTest::keyClick(editor, Qt::Key_Return);
    EXPECT_EQ(model.session().config.samples[0].input[0], 1.0);
    // net_h1 = w1 i1 + w2 i2 + b1 = 0.15 + 0.2 * 0.1 + 0.35.
    EXPECT_NEAR(model.snapshot().node(0, 1, 0).net, 0.52, 1e-15);
    // Outputs and hidden nodes are computed, not typed over.
    EXPECT_FALSE(view->editItem({ui::NetworkItem::Kind::Node, 1, 0}));
    EXPECT_FALSE(view->editItem({ui::NetworkItem::Kind::Loss}));
}

}  // namespace

namespace {

// Enter in the editor ends there: it neither reopens the editor of the label under the mouse nor
// keeps the keyboard from the window, whose Ctrl+Z then undoes the edit.
TEST(EditingTest, EnterClosesTheEditorAndTheWindowKeysActAgain) {
    auto shown = testing_support::shownWindow();
    QApplication::setActiveWindow(shown.get());
    ui::TrainingController& model = *shown->controller();
    auto* view = shown->findChild<ui::NetworkView*>("networkView");
    const QPoint label = view->networkLayout().weightLabel(kW5).center().toPoint();
    QTest::mouseMove(view, label);
    QTest::mouseDClick(view, Qt::LeftButton, Qt::NoModifier, label);
    ASSERT_EQ(view->hoveredItem().kind, ui::NetworkItem::Kind::Weight);
    ui::ValueEditor* editor = openEditor(*view);
    ASSERT_NE(editor, nullptr);
    editor->setText("0.9");
    QTest::keyClick(editor, Qt::Key_Return);
    QApplication::processEvents();
    EXPECT_EQ(openEditor(*view), nullptr);
    EXPECT_EQ(QApplication::focusWidget(), view);
    auto* status = shown->findChild<QLabel*>("statusLabel");
    EXPECT_EQ(status->text(), "set w5 to 0.9: the run starts over from here at iteration 0 "
                              "(Ctrl+Z undoes).");
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(model.snapshot().weightsBefore()[kW5], 0.4);
    EXPECT_EQ(status->text(), "Undone: set w5 to 0.9.");
}

}  // namespace

namespace {

// Over the undo budget the oldest edits go; those kept still undo bit for bit.
TEST(EditingBudgetTest, TheOldestEditsGoWhenTheStatesOutgrowTheBudget) {
    ui::TrainingController model;
    model.load(preset("mazur"), "mazur");
    std::vector<Seen> before;
    for (int i = 1; i <= 6; ++i) {
        model.run(2000 * i);  // a longer run, a larger record, each time
        before.push_back(seen(model));
        ASSERT_TRUE(model.editParameter(kW5, 0.1 * i));
    }
    ASSERT_EQ(model.undoStack()->count(), 6);
    std::size_t largest = 0;
    for (int i = 0; i < 6; ++i)
        largest = std::max(largest, static_cast<const ui::ModelEdit*>(
                                        model.undoStack()->command(i))->bytes());
    // Room for about two of them: the next edit keeps only the newest that fit.
    model.setUndoBudgetBytes(2 * largest + largest / 2);
    model.run(10);
    before.push_back(seen(model));
    ASSERT_TRUE(model.editParameter(kW5, 0.7));
    const int kept = model.undoStack()->count();
    EXPECT_GE(kept, 1);
    EXPECT_LT(kept, 7);
    EXPECT_EQ(model.undoStack()->undoText(), "set w5 to 0.7");
    for (int i = 0; i < kept; ++i) {
        model.undoStack()->undo();
        EXPECT_EQ(seen(model), before[before.size() - 1 - i]) << "undo " << i;
    }
    EXPECT_FALSE(model.undoStack()->canUndo());
    while (model.undoStack()->canRedo())
        model.undoStack()->redo();
    EXPECT_EQ(model.snapshot().weightsBefore()[kW5], 0.7);
}

}  // namespace
