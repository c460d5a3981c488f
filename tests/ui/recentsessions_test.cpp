// Open Recent and the last session: files opened or saved go to the front of the list, the menu
// opens them, and a window closed on a file or a preset shows it again at the next start.
#include "ui/recentsessions.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QMenu>
#include <QTemporaryDir>

#include "ui/mainwindow.h"
#include "ui/session/presetlibrary.h"
#include "ui/session/sessionfile.h"
#include "ui/trainingcontroller.h"

namespace {

// A session file of preset `name` with learning rate `rate`, in `directory`.
QString sessionFile(const QTemporaryDir& directory, const char* name, double rate) {
    session::Session session = session::PresetLibrary::builtIn().find(name)->session;
    session.config.learningRate = rate;
    const QString path = directory.filePath(QString(name) + session::SessionFile::extension);
    QString error;
    EXPECT_TRUE(session::SessionFile::save(QFile::encodeName(path), session, &error))
        << error.toStdString();
    return path;
}

class RecentSessionsTest : public testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(directory.isValid());
        ui::RecentSessions::clear();
        ui::RecentSessions::setLast({});
    }
    QTemporaryDir directory;
};

TEST_F(RecentSessionsTest, OpenedFilesComeFirstAndTheMenuOpensThem) {
    const QString xor4 = sessionFile(directory, "xor", 4.0);
    const QString mazur = sessionFile(directory, "mazur", 0.25);
    ui::MainWindow window;
    ASSERT_TRUE(window.openSessionFile(xor4));
    ASSERT_TRUE(window.openSessionFile(mazur));
    EXPECT_EQ(ui::RecentSessions::files(), (QStringList{mazur, xor4}));
    ASSERT_TRUE(window.openSessionFile(xor4));  // again: to the front, once
    EXPECT_EQ(ui::RecentSessions::files(), (QStringList{xor4, mazur}));

    auto* menu = window.findChild<QMenu*>("recentMenu");
    ASSERT_NE(menu, nullptr);
    emit menu->aboutToShow();
    const QList<QAction*> entries = menu->actions();
    ASSERT_GE(entries.size(), 2);
    EXPECT_EQ(entries[0]->text(), "xor");
    EXPECT_EQ(entries[1]->text(), "mazur");
    entries[1]->trigger();
    EXPECT_EQ(window.controller()->sessionName(), "mazur");
    EXPECT_EQ(window.controller()->learningRate(), 0.25);
    EXPECT_EQ(ui::RecentSessions::files().front(), mazur);
}

TEST_F(RecentSessionsTest, TheListKeepsTheNewestEight) {
    QStringList paths;
    for (int i = 0; i < 10; ++i) {
        paths.prepend(QStringLiteral("/nowhere/%1.bplab.json").arg(i));
        ui::RecentSessions::add(paths.front());
    }
    EXPECT_EQ(ui::RecentSessions::files(), paths.mid(0, ui::RecentSessions::maximum));
    ui::RecentSessions::remove(paths[1]);
    EXPECT_EQ(ui::RecentSessions::files().size(), ui::RecentSessions::maximum - 1);
    EXPECT_FALSE(ui::RecentSessions::files().contains(paths[1]));
}

TEST_F(RecentSessionsTest, AWindowClosedOnAFileOrAPresetShowsItAgain) {
    const QString xor4 = sessionFile(directory, "xor", 4.0);
    {
        ui::MainWindow first(ui::MainWindow::Arrangement::Remembered);
        ASSERT_TRUE(first.openSessionFile(xor4));
        first.close();
    }
    ui::MainWindow second(ui::MainWindow::Arrangement::Remembered);
    EXPECT_EQ(second.controller()->sessionName(), "mazur");  // until asked
    ASSERT_TRUE(second.reopenLast());
    EXPECT_EQ(second.controller()->sessionName(), "xor");
    EXPECT_EQ(second.controller()->learningRate(), 4.0);
    second.loadPreset("oscillate");
    second.close();
    ui::MainWindow third(ui::MainWindow::Arrangement::Remembered);
    ASSERT_TRUE(third.reopenLast());
    EXPECT_EQ(third.controller()->sessionName(), "oscillate");

    // A last file that is gone: nothing to reopen, nothing changed.
    ui::RecentSessions::setLast(directory.filePath("gone.bplab.json"));
    EXPECT_FALSE(third.reopenLast());
    EXPECT_EQ(third.controller()->sessionName(), "oscillate");
}

}  // namespace
