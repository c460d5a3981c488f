// Editing the samples in the table beside the network: a value typed over in the grid's own
// editor (checked against the worked example computed here by hand), bad entries refused at the
// field with nothing changed, samples added and removed, CSV imported and exported, and undo and
// redo of each giving back every state bit for bit.
#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <cmath>
#include <functional>

#include "../core/workedexample.h"
#include "editparts.h"
#include "ui/samplegrid.h"
#include "ui/sampletable.h"
#include "ui/session/presetlibrary.h"
#include "ui/valueeditor.h"
#include "windowparts.h"

namespace {

using testing_support::expectPublished;
using testing_support::named;
using testing_support::openEditor;
using testing_support::seen;
using testing_support::Seen;
using testing_support::shownWindow;

// The rows of a 2-2-2 network's grid.
enum Row { kI1, kI2, kTargetO1, kTargetO2, kOutO1, kOutO2, kLoss };

double sigmoid(double x) {
    return 1.0 / (1.0 + std::exp(-x));
}

// E of the worked example (Mazur: w1..w8 = .15 .20 .25 .30 .40 .45 .50 .55, b1 = .35,
// b2 = .60, sigmoid) for inputs (i1, i2) and targets (t1, t2), by hand:
// E = 1/2 (t1 - out_o1)^2 + 1/2 (t2 - out_o2)^2.
double workedExampleLoss(double i1, double i2, double t1, double t2) {
    const double h1 = sigmoid(0.15 * i1 + 0.20 * i2 + 0.35);
    const double h2 = sigmoid(0.25 * i1 + 0.30 * i2 + 0.35);
    const double o1 = sigmoid(0.40 * h1 + 0.45 * h2 + 0.60);
    const double o2 = sigmoid(0.50 * h1 + 0.55 * h2 + 0.60);
    return 0.5 * (t1 - o1) * (t1 - o1) + 0.5 * (t2 - o2) * (t2 - o2);
}

QPoint cellCenter(const ui::SampleGrid& grid, int sample, int row) {
    return grid.visualRect(grid.model()->index(row, sample)).center();
}

// Runs `action`, which opens a message box, and closes the box; returns the box's text.
QString messageOf(const std::function<void()>& action) {
    QString text = "(no message box)";
    QTimer closer;
    QObject::connect(&closer, &QTimer::timeout, [&] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            text = box->text();
            box->close();
        }
    });
    closer.start(10);
    action();
    return text;
}

// Runs `action`, which opens a menu, and closes the menu; returns the texts of its actions.
QStringList menuTexts(const std::function<void()>& action) {
    QStringList texts = {"(no menu)"};
    QTimer closer;
    QObject::connect(&closer, &QTimer::timeout, [&] {
        if (auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget())) {
            texts.clear();
            for (const QAction* item : menu->actions())
                texts.append(item->text());
            menu->close();
        }
    });
    closer.start(10);
    action();
    return texts;
}

QString writeFile(const QTemporaryDir& directory, const char* name, const QByteArray& bytes) {
    QFile file(directory.filePath(name));
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    return file.fileName();
}

TEST(SampleEditingTest, ATargetTypedInTheGridSetsTheLossComputedByHand) {
    // The hand computation gives the article's E_total for its own sample.
    expectPublished(workedExampleLoss(0.05, 0.10, 0.01, 0.99), "0.298371109");
    auto window = shownWindow();
    ui::TrainingController& model = *window->controller();
    ui::SampleGrid* grid = window->sampleTable()->grid();
    expectPublished(model.snapshot().loss(), "0.298371109");
    // A double-click as a user makes it: a click, then the second press.
    QTest::mouseClick(grid->viewport(), Qt::LeftButton, {}, cellCenter(*grid, 0, kTargetO1));
    QTest::mouseDClick(grid->viewport(), Qt::LeftButton, {}, cellCenter(*grid, 0, kTargetO1));
    ui::ValueEditor* editor = openEditor(*window);
    ASSERT_NE(editor, nullptr);
    EXPECT_EQ(editor->text(), "0.01");
    EXPECT_EQ(editor->accessibleName(), "Value of target o1 of sample 1");
    editor->setText("0.5");
    QTest::keyClick(editor, Qt::Key_Return);
    QApplication::processEvents();
    EXPECT_EQ(openEditor(*window), nullptr);
    EXPECT_EQ(model.session().config.samples[0].target[0], 0.5);
    EXPECT_NEAR(model.snapshot().loss(), workedExampleLoss(0.05, 0.10, 0.5, 0.99), 1e-15);
    EXPECT_EQ(model.undoStack()->undoText(), "set the target of o1 in sample 1 to 0.5");
    EXPECT_EQ(grid->text(0, kTargetO1), "0.5");
}

TEST(SampleEditingTest, F2AndADigitTypedOnACellOpenItsEditor) {
    auto window = shownWindow();
    ui::TrainingController& model = *window->controller();
    model.run(3);
    const core::Parameters atThree = model.snapshot().parametersBefore();
    ui::SampleGrid* grid = window->sampleTable()->grid();
    QApplication::setActiveWindow(window.get());
    QTest::mouseClick(grid->viewport(), Qt::LeftButton, {}, cellCenter(*grid, 0, kI2));
    EXPECT_EQ(QApplication::focusWidget(), grid);
    QTest::keyClick(grid, Qt::Key_F2);
    ui::ValueEditor* editor = openEditor(*window);
    ASSERT_NE(editor, nullptr);
    EXPECT_EQ(editor->text(), "0.1");
    QTest::keyClick(editor, Qt::Key_Escape);
    QApplication::processEvents();
    EXPECT_EQ(openEditor(*window), nullptr);
    EXPECT_EQ(model.undoStack()->count(), 0);
    // A digit starts an edit with it; a letter does not.
    QTest::keyClick(grid, Qt::Key_X);
    EXPECT_EQ(openEditor(*window), nullptr);
    QTest::keyClick(grid, Qt::Key_1);
    editor = openEditor(*window);
    ASSERT_NE(editor, nullptr);
    EXPECT_EQ(editor->text(), "1");
    QTest::keyClicks(editor, "e-3");
    QTest::keyClick(editor, Qt::Key_Return);
    QApplication::processEvents();
    EXPECT_EQ(model.session().config.samples[0].input[1], 1e-3);
    // The edit starts the run over from iteration 3's parameters, at iteration 0.
    EXPECT_EQ(model.iteration(), 0);
    EXPECT_EQ(model.recordedEnd(), 0);
    EXPECT_EQ(model.snapshot().parametersBefore(), atThree);
    // The keyboard is the grid's again, and the window's keys still step.
    EXPECT_EQ(QApplication::focusWidget(), grid);
    QTest::keyClick(grid, Qt::Key_Right);
    EXPECT_EQ(model.iteration(), 1);
}

TEST(SampleEditingTest, BadEntriesAreRefusedAtTheFieldAndChangeNothing) {
    auto window = shownWindow();
    ui::TrainingController& model = *window->controller();
    model.run(2);
    const Seen before = seen(model);
    ui::SampleGrid* grid = window->sampleTable()->grid();
    ui::ValueEditor* editor = grid->editValue(0, kI2);
    ASSERT_NE(editor, nullptr);
    const std::pair<const char*, const char*> refusals[] = {
        {"abc", "i2 of sample 1: \"abc\" is not a number"},
        {"", "i2 of sample 1: \"\" is not a number"},
        {"inf", "i2 of sample 1: not a finite number"},
        {"nan", "i2 of sample 1: not a finite number"},
        {"-2e6", "i2 of sample 1: out of range: the size must be at most 1e+06"},
    };
    for (const auto& [typed, message] : refusals) {
        editor->setText(typed);
        QTest::keyClick(editor, Qt::Key_Return);
        EXPECT_EQ(editor->error(), message);
        EXPECT_EQ(openEditor(*window), editor) << typed << ": the field stays open";
        EXPECT_EQ(seen(model), before) << typed;
        EXPECT_EQ(model.undoStack()->count(), 0);
    }
    // The message stands under the field, whole, inside the window.
    const auto* label = window->findChild<QLabel*>("valueEditorError");
    ASSERT_NE(label, nullptr);
    EXPECT_TRUE(label->isVisible());
    EXPECT_TRUE(window->rect().contains(label->geometry())) << label->x() << "+" << label->width();
    EXPECT_GE(label->y(), editor->geometry().bottom());
    // Computed rows open no editor, however asked.
    for (const int row : {kOutO1, kOutO2, kLoss}) {
        EXPECT_EQ(grid->editValue(0, row), nullptr);
        EXPECT_FALSE(grid->model()->flags(grid->model()->index(row, 0)) & Qt::ItemIsEditable);
    }
}

TEST(SampleEditingTest, ComputedRowsLookReadOnly) {
    auto window = shownWindow();
    const QAbstractItemModel& rows = *window->sampleTable()->grid()->model();
    for (int row = kI1; row <= kLoss; ++row) {
        const QModelIndex cell = rows.index(row, 0);
        const bool computed = row >= kOutO1;
        EXPECT_EQ(bool(rows.flags(cell) & Qt::ItemIsEditable), !computed) << row;
        EXPECT_EQ(rows.data(cell, Qt::FontRole).value<QFont>().italic(), computed) << row;
        EXPECT_EQ(rows.data(cell, Qt::BackgroundRole).isValid(), computed) << row;
        EXPECT_EQ(rows.headerData(row, Qt::Vertical, Qt::FontRole).value<QFont>().italic(),
                  computed)
            << row;
        const QString tip = rows.data(cell, Qt::ToolTipRole).toString();
        EXPECT_EQ(tip.contains("cannot be typed over"), computed) << tip.toStdString();
        EXPECT_EQ(tip.contains("F2"), !computed) << tip.toStdString();
    }
}

TEST(SampleEditingTest, TheButtonsAddACopyOfTheChosenSampleAndRemoveIt) {
    auto window = shownWindow();
    ui::TrainingController& model = *window->controller();
    ASSERT_TRUE(window->loadPreset("xor"));
    auto* add = named<QToolButton>(*window, "addSampleButton");
    auto* remove = named<QToolButton>(*window, "removeSampleButton");
    for (QToolButton* button : {add, remove}) {
        EXPECT_FALSE(button->toolTip().isEmpty());
        EXPECT_FALSE(button->accessibleName().isEmpty());
    }
    const std::vector<core::Sample> xor4 = model.session().config.samples;
    model.run(5);
    const Seen before = seen(model);
    model.setChosenSample(2);
    QTest::mouseClick(add, Qt::LeftButton);
    std::vector<core::Sample> expected = xor4;
    expected.insert(expected.begin() + 3, xor4[2]);
    EXPECT_EQ(model.session().config.samples, expected);
    EXPECT_EQ(model.chosenSample(), 3);
    EXPECT_EQ(model.iteration(), 0);
    EXPECT_EQ(model.undoStack()->undoText(), "add sample 4 (a copy of sample 3)");
    const Seen added = seen(model);
    // Remove the first: the chosen one.
    model.setChosenSample(0);
    EXPECT_EQ(remove->defaultAction()->text(), "Remove Sample 1");
    QTest::mouseClick(remove, Qt::LeftButton);
    expected.erase(expected.begin());
    EXPECT_EQ(model.session().config.samples, expected);
    EXPECT_EQ(model.undoStack()->undoText(), "remove sample 1");
    model.undoStack()->undo();
    EXPECT_EQ(seen(model), added);
    model.undoStack()->undo();
    EXPECT_EQ(seen(model), before);
    // Down to one sample, which cannot be removed.
    ASSERT_TRUE(window->loadPreset("mazur"));
    EXPECT_FALSE(remove->isEnabled());
    EXPECT_FALSE(window->sampleTable()->removeSample());
    EXPECT_EQ(model.snapshot().sampleCount(), 1);
}

TEST(SampleEditingTest, TheContextMenuActsOnTheColumnClicked) {
    auto window = shownWindow();
    ui::TrainingController& model = *window->controller();
    ASSERT_TRUE(window->loadPreset("xor"));
    ui::SampleGrid* grid = window->sampleTable()->grid();
    const QPoint place = cellCenter(*grid, 2, kOutO1);
    const QStringList texts = menuTexts([&] {
        QTest::mousePress(grid->viewport(), Qt::RightButton, {}, place);
        QTest::mouseRelease(grid->viewport(), Qt::RightButton, {}, place);
        QContextMenuEvent menu(QContextMenuEvent::Mouse, place,
                               grid->viewport()->mapToGlobal(place));
        QApplication::sendEvent(grid->viewport(), &menu);
    });
    EXPECT_EQ(model.chosenSample(), 2);
    EXPECT_EQ(texts, QStringList({"Add a Copy of Sample 3", "Remove Sample 3", "", "Import CSV...",
                                  "Export CSV..."}));
    grid->actions()[1]->trigger();
    EXPECT_EQ(model.snapshot().sampleCount(), 3);
    EXPECT_EQ(model.undoStack()->undoText(), "remove sample 3");
}

// Every kind of edit of the samples, with training between them, undone and redone in turn:
// an undo gives back the state before its edit, a redo the state after it, each whole.
TEST(SampleEditingTest, UndoAndRedoOfEachEditRestoreItBitForBit) {
    QTemporaryDir directory;
    const QString csv = writeFile(directory, "two.csv", "0.3,0.7,0.2,0.8\n1,0,0.9,0.1\n");
    auto window = shownWindow();
    ui::TrainingController& model = *window->controller();
    ui::SampleTable& table = *window->sampleTable();
    model.run(7);
    model.seek(5);
    std::vector<Seen> before, after;
    const auto record = [&](const std::function<bool()>& edit) {
        before.push_back(seen(model));
        EXPECT_TRUE(edit());
        after.push_back(seen(model));
        model.run(4);
    };
    record([&] {
        ui::ValueEditor* editor = table.grid()->editValue(0, kTargetO2);
        editor->setText("0.75");
        QTest::keyClick(editor, Qt::Key_Return);
        return model.session().config.samples[0].target[1] == 0.75;
    });
    record([&] { return table.importCsv(csv); });
    model.setChosenSample(1);
    record([&] { return table.addSample(); });
    model.setChosenSample(0);
    record([&] { return table.removeSample(); });
    EXPECT_EQ(model.session().config.samples,
              (std::vector<core::Sample>{{{1, 0}, {0.9, 0.1}}, {{1, 0}, {0.9, 0.1}}}));
    QUndoStack& edits = *model.undoStack();
    ASSERT_EQ(edits.count(), 4);
    EXPECT_EQ(edits.text(1), "import two.csv");
    for (int i = 3; i >= 0; --i) {
        edits.undo();
        EXPECT_EQ(seen(model), before[i]) << "undone edit " << i;
    }
    for (int i = 0; i < 4; ++i) {
        edits.redo();
        EXPECT_EQ(seen(model), after[i]) << "redone edit " << i;
    }
}

TEST(SampleEditingTest, ImportThenExportGivesTheSameNumbers) {
    QTemporaryDir directory;
    // Semicolons, a header, CRLF: as a spreadsheet writes it.
    const QString imported = writeFile(directory, "in.csv",
                                       "x1;x2;y1;y2\r\n0.1;-0.3333333333333333;1e-07;0.99\r\n"
                                       "5;0.25;0;1\r\n");
    auto window = shownWindow();
    ui::TrainingController& model = *window->controller();
    ui::SampleTable& table = *window->sampleTable();
    ASSERT_TRUE(table.importCsv(imported));
    const std::vector<core::Sample> expected = {{{0.1, -0.3333333333333333}, {1e-07, 0.99}},
                                                {{5, 0.25}, {0, 1}}};
    EXPECT_EQ(model.session().config.samples, expected);
    EXPECT_EQ(model.snapshot().sampleCount(), 2);
    EXPECT_EQ(table.grid()->model()->columnCount(), 2);
    const QString exported = directory.filePath("out.csv");
    ASSERT_TRUE(table.exportCsv(exported));
    QFile file(exported);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(),
              "i1,i2,target o1,target o2\n0.1,-0.3333333333333333,1e-07,0.99\n5,0.25,0,1\n");
    // Imported again, it is the same samples: no edit.
    ASSERT_TRUE(table.importCsv(exported));
    EXPECT_EQ(model.undoStack()->count(), 1);
}

TEST(SampleEditingTest, AFileThatCannotBeImportedSaysWhyAndChangesNothing) {
    QTemporaryDir directory;
    auto window = shownWindow();
    ui::TrainingController& model = *window->controller();
    ui::SampleTable& table = *window->sampleTable();
    model.run(3);
    const Seen before = seen(model);
    const std::pair<QByteArray, QString> files[] = {
        {"0.1,0.2,0.3,0.4\n0.1,0.2,x,0.4\n", "bad.csv: line 2, column 3: \"x\" is not a number"},
        {"0.1,0.2,0.3\n", "bad.csv: line 1: expected 4 columns, got 3"},
        {"0.1,0.2,0.3,2e6\n",
         "bad.csv: line 1, column 4: out of range: the size must be at most 1e+06"},
        {"i1,i2,target o1,target o2\n", "bad.csv: no samples: no line holds 4 numbers"},
    };
    for (const auto& [bytes, message] : files) {
        const QString path = writeFile(directory, "bad.csv", bytes);
        bool imported = true;
        EXPECT_EQ(messageOf([&] { imported = table.importCsv(path); }), message);
        EXPECT_FALSE(imported);
        EXPECT_EQ(seen(model), before);
        EXPECT_EQ(model.undoStack()->count(), 0);
    }
    const QString missing = directory.filePath("missing.csv");
    EXPECT_TRUE(messageOf([&] { table.importCsv(missing); }).startsWith("cannot open"));
    // An export that cannot be written says so too, and leaves nothing.
    bool exported = true;
    const QString message =
        messageOf([&] { exported = table.exportCsv(directory.filePath("no/such.csv")); });
    EXPECT_FALSE(exported);
    EXPECT_TRUE(message.startsWith("cannot save")) << message.toStdString();
    EXPECT_EQ(seen(model), before);
}

}  // namespace
