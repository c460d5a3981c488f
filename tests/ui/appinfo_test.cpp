#include "ui/appinfo.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QTimer>

#include "../core/workedexample.h"
#include "ui/mainwindow.h"
#include "ui/session/presetlibrary.h"
#include "ui/session/sessionfile.h"
#include "ui/trainingcontroller.h"

namespace {

using testing_support::expectPublished;

// The session file in a problem report: the text of its one ```json block.
QByteArray reportedSession(const QString& report) {
    const qsizetype start = report.indexOf("```json\n");
    const qsizetype end = report.indexOf("```", start + 8);
    if (start < 0 || end < 0) return {};
    return report.mid(start + 8, end - start - 8).toUtf8();
}

TEST(AppInfoTest, AboutNamesTheVersionLicenceWorkedExampleAndLibraries) {
    const QString about = ui::aboutText();
    EXPECT_TRUE(about.contains(QStringLiteral("Backprop Lab " EXPECTED_VERSION)))
        << about.toStdString();
    EXPECT_TRUE(about.contains("MIT")) << about.toStdString();
    EXPECT_TRUE(about.contains("Mazur")) << about.toStdString();
    EXPECT_TRUE(about.contains(QStringLiteral("Qt " QT_VERSION_STR))) << about.toStdString();
    EXPECT_TRUE(about.contains(QString("QCustomPlot 2."))) << about.toStdString();
}

TEST(AppInfoTest, AReportCarriesTheVersionTheSystemAndTheSessionAtThisIteration) {
    ui::TrainingController model;
    model.load(session::Session{testing_support::workedExample(), {}}, "mazur");
    model.step();
    const QString report = ui::problemReport(model);
    EXPECT_TRUE(report.contains(QStringLiteral("Backprop Lab " EXPECTED_VERSION)));
    EXPECT_TRUE(report.contains("iteration 1")) << report.toStdString();
    EXPECT_TRUE(report.contains("learning rate 0.5")) << report.toStdString();
    EXPECT_TRUE(report.contains(QSysInfo::currentCpuArchitecture()));
    // The session in it opens, and is the trained state: the worked example's published w5
    // after its one step, every other number bit for bit the model's.
    QString error;
    const auto session = session::SessionFile::parse(reportedSession(report), &error);
    ASSERT_TRUE(session) << error.toStdString();
    expectPublished(session->config.weights[1][0][0], "0.35891648");
    expectPublished(session->config.weights[0][0][0], "0.149780716");
    EXPECT_EQ(*session, model.trainedSession());
}

TEST(AppInfoTest, HelpReportAProblemPutsTheReportOnTheClipboard) {
    ui::MainWindow window;
    window.loadPreset("mazur");
    window.controller()->run(3);
    QAction* report = nullptr;
    for (QAction* action : window.findChildren<QAction*>())
        if (action->text() == QObject::tr("&Report a problem...")) report = action;
    ASSERT_NE(report, nullptr);
    QApplication::clipboard()->clear();
    bool told = false;
    QTimer::singleShot(100, [&] {
        if (QWidget* box = QApplication::activeModalWidget()) {
            told = true;
            box->close();
        }
    });
    report->trigger();
    EXPECT_TRUE(told);
    const QString copied = QApplication::clipboard()->text();
    EXPECT_TRUE(copied.contains("iteration 3")) << copied.toStdString();
    QString error;
    const auto session = session::SessionFile::parse(reportedSession(copied), &error);
    ASSERT_TRUE(session) << error.toStdString();
    EXPECT_EQ(*session, window.controller()->trainedSession());
}

}  // namespace
