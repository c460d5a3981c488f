// The window's program where there is no display (over ssh, in a package check, in CI): --help,
// --version and --screenshot still work; anything else says why it cannot open a window.
#include <gtest/gtest.h>

#include <QByteArray>
#include <QFile>
#include <QImage>
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

// Each part as each kind of file, by its extension; bad parts, scales and kinds exit 2 and write
// nothing.
TEST(GuiWithoutDisplayTest, ScreenshotsOfPartsAsSvgAndPdf) {
    QTemporaryDir directory;
    const QString svg = directory.filePath("network.svg"), pdf = directory.filePath("plot.pdf");
    EXPECT_EQ(runWithoutDisplay({"--screenshot", svg, "--part", "network"}).exitCode, 0);
    EXPECT_EQ(runWithoutDisplay({"--screenshot", pdf, "--part", "plot"}).exitCode, 0);
    QFile svgFile(svg), pdfFile(pdf);
    ASSERT_TRUE(svgFile.open(QIODevice::ReadOnly));
    EXPECT_TRUE(svgFile.readAll().contains("<svg"));
    ASSERT_TRUE(pdfFile.open(QIODevice::ReadOnly));
    EXPECT_EQ(pdfFile.read(4), QByteArray("%PDF"));
    const QString bad = directory.filePath("bad.png");
    for (const QStringList& arguments :
         {QStringList{"--screenshot", bad, "--part", "everything"},
          QStringList{"--screenshot", bad, "--scale", "4"},
          QStringList{"--screenshot", directory.filePath("bad.bmp")}}) {
        const Result result = runWithoutDisplay(arguments);
        EXPECT_EQ(result.exitCode, 2) << arguments.join(' ').toStdString();
        EXPECT_FALSE(QFile::exists(bad));
    }
}

// --theme and --zoom as the View menu sets them: a dark screenshot is dark on the whole; a bad
// theme or zoom exits 2 with the option's name and writes nothing.
TEST(GuiWithoutDisplayTest, ScreenshotsInAThemeAndAZoom) {
    QTemporaryDir directory;
    const auto meanLightness = [](const QString& path) {
        const QImage image(path);
        if (image.isNull()) return -1.0;
        double sum = 0;
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4)
                sum += image.pixelColor(x, y).lightness();
        return sum / ((image.height() + 3) / 4) / ((image.width() + 3) / 4);
    };
    const QString dark = directory.filePath("dark.png"), light = directory.filePath("light.png");
    EXPECT_EQ(
        runWithoutDisplay({"--screenshot", dark, "--theme", "dark", "--zoom", "200"}).exitCode, 0);
    EXPECT_EQ(runWithoutDisplay({"--screenshot", light, "--theme", "light"}).exitCode, 0);
    EXPECT_LT(meanLightness(dark), 80);
    EXPECT_GT(meanLightness(light), 180);
    const QString bad = directory.filePath("bad.png");
    for (const QStringList& arguments : {QStringList{"--screenshot", bad, "--theme", "pink"},
                                         QStringList{"--screenshot", bad, "--zoom", "400"},
                                         QStringList{"--screenshot", bad, "--zoom", "abc"}}) {
        const Result result = runWithoutDisplay(arguments);
        EXPECT_EQ(result.exitCode, 2) << arguments.join(' ').toStdString();
        EXPECT_TRUE(result.errors.contains(arguments[2].toUtf8())) << result.errors.toStdString();
        EXPECT_FALSE(QFile::exists(bad));
    }
}

}  // namespace
