// The window's program where there is no display (over ssh, in a package check, in CI): --help,
// --version and --screenshot still work; anything else says why it cannot open a window.
#include <gtest/gtest.h>

#include <QByteArray>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>

namespace {

struct Result {
    int exitCode = -1;
    QByteArray output;
    QByteArray errors;
};

// Runs backprop-lab with `arguments` in an environment without any display or Qt platform.
Result runWithoutDisplay(const QStringList& arguments) {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        environment.remove(name);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(GUI_PATH, arguments);
    if (!process.waitForFinished(60'000)) return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

TEST(GuiWithoutDisplayTest, HelpPrintsTheOptions) {
    const Result result = runWithoutDisplay({"--help"});
    EXPECT_EQ(result.exitCode, 0) << result.errors.toStdString();
    for (const char* option : {"--screenshot", "--preset", "--lr", "--state-file", "--help-all"})
        EXPECT_TRUE(result.output.contains(option)) << option;
    EXPECT_FALSE(result.errors.contains("platform plugin"));
}

TEST(GuiWithoutDisplayTest, HelpAllAddsQtsOwnOptions) {
    const Result result = runWithoutDisplay({"--help-all"});
    EXPECT_EQ(result.exitCode, 0) << result.errors.toStdString();
    EXPECT_TRUE(result.output.contains("--screenshot"));
    EXPECT_TRUE(result.output.contains("-qmljsdebugger"));
}

TEST(GuiWithoutDisplayTest, VersionPrintsTheVersion) {
    const Result result = runWithoutDisplay({"--version"});
    EXPECT_EQ(result.exitCode, 0) << result.errors.toStdString();
    EXPECT_EQ(result.output.trimmed(), QByteArray("Backprop Lab " BACKPROP_VERSION));
}

TEST(GuiWithoutDisplayTest, ABadOptionIsRefusedBeforeHelp) {
    const Result result = runWithoutDisplay({"--bogus", "--help"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.errors.contains("bogus")) << result.errors.toStdString();
}

TEST(GuiWithoutDisplayTest, TheWindowSaysWhyItCannotOpen) {
    const Result result = runWithoutDisplay({});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.errors.contains("no display")) << result.errors.toStdString();
    EXPECT_TRUE(result.errors.contains("--screenshot"));
}

TEST(GuiWithoutDisplayTest, ScreenshotNeedsNoDisplay) {
    QTemporaryDir directory;
    ASSERT_TRUE(directory.isValid());
    const QString path = directory.filePath("window.png");
    const Result result = runWithoutDisplay({"--screenshot", path});
    EXPECT_EQ(result.exitCode, 0) << result.errors.toStdString();
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.read(8), QByteArray("\x89PNG\r\n\x1a\n", 8));
}

}  // namespace
