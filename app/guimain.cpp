// backprop-lab: the window. With --screenshot it renders itself into a PNG and exits, unshown.
#include <QApplication>
#include <QCommandLineParser>
#include <QSaveFile>
#include <QScreen>
#include <QWindow>
#include <cmath>
#include <cstdio>

#include "ui/mainwindow.h"
#include "ui/presetlibrary.h"
#include "ui/trainingcontroller.h"

namespace {

constexpr int kBadArguments = 2;

int fail(const QString& message) {
    std::fprintf(stderr, "backprop-lab: %s (see --help)\n", qPrintable(message));
    return kBadArguments;
}

// Writes the iteration, loss, learning rate and whether the window is active (takes keys) to
// `path` whenever they change, for tests that drive the real program from outside.
void writeStateFile(const QString& path, const ui::MainWindow& window) {
    const ui::TrainingController& controller = *window.controller();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return;
    file.write(QStringLiteral("{\"iteration\": %1, \"loss\": %2, \"learning_rate\": %3, "
                              "\"active\": %4}\n")
                   .arg(controller.iteration())
                   .arg(controller.snapshot().loss(), 0, 'g', 17)
                   .arg(controller.learningRate(), 0, 'g', 17)
                   .arg(window.isActiveWindow() ? "true" : "false")
                   .toUtf8());
    file.commit();
}

}  // namespace

int main(int argc, char* argv[]) {
    // A screenshot needs no screen: render offscreen unless a platform was chosen.
    bool screenshot = false;
    for (int i = 1; i < argc; ++i)
        screenshot |= QByteArray(argv[i]) == "--screenshot";
    if (screenshot && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication application(argc, argv);
    QApplication::setApplicationName("Backprop Lab");
    QApplication::setApplicationVersion(BACKPROP_VERSION);

    QCommandLineParser parser;
    parser.setApplicationDescription("Learn backpropagation by stepping through it.");
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption shot("screenshot", "Render the window into FILE.png and exit.",
                                  "FILE");
    const QCommandLineOption preset("preset", "Start from preset NAME (default mazur).", "NAME");
    const QCommandLineOption rate("lr", "Learning rate (0.001 to 1000).", "X");
    const QCommandLineOption steps("steps", "Run N iterations first.", "N");
    const QCommandLineOption size("size", "Window size, e.g. 1280x800.", "WxH");
    const QCommandLineOption state("state-file", "Keep FILE updated with the state.", "FILE");
    const QCommandLineOption stepSize("step-size", "What Step does: iteration, phase or term.",
                                      "SIZE");
    const QCommandLineOption advance("advance", "Press Step N times (after --steps).", "N");
    parser.addOptions({shot, preset, rate, steps, size, state, stepSize, advance});
    if (!parser.parse(application.arguments())) return fail(parser.errorText());
    if (parser.isSet("help")) parser.showHelp(0);
    if (parser.isSet("version")) parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        return fail("unexpected argument \"" + parser.positionalArguments().first() + "\"");

    ui::MainWindow window;
    const QString presetName = parser.isSet(preset) ? parser.value(preset) : "mazur";
    if (!window.loadPreset(presetName))
        return fail(QStringLiteral("--preset: unknown preset \"%1\" (available: %2)")
                        .arg(presetName, session::PresetLibrary::builtIn().names().join(", ")));
    if (parser.isSet(rate)) {
        bool ok = false;
        const double value = parser.value(rate).toDouble(&ok);
        if (!ok || !std::isfinite(value) || value < 0.001 || value > 1000)
            return fail("--lr: expected a number from 0.001 to 1000, got \"" + parser.value(rate) +
                        "\"");
        window.controller()->setLearningRate(value);
    }
    if (parser.isSet(size)) {
        const QStringList parts = parser.value(size).split('x');
        bool wide = false, high = false;
        const int width = parts.size() == 2 ? parts[0].toInt(&wide) : 0;
        const int height = parts.size() == 2 ? parts[1].toInt(&high) : 0;
        if (!wide || !high || width < 400 || height < 300 || width > 8192 || height > 8192)
            return fail("--size: expected WIDTHxHEIGHT from 400x300 to 8192x8192, got \"" +
                        parser.value(size) + "\"");
        window.resize(width, height);
    }
    if (parser.isSet(steps)) {
        bool ok = false;
        const long long count = parser.value(steps).toLongLong(&ok);
        if (!ok || count < 0 || count > 100'000'000)
            return fail("--steps: expected a whole number from 0 to 100000000, got \"" +
                        parser.value(steps) + "\"");
        window.controller()->run(count);
    }

    if (parser.isSet(stepSize)) {
        const QStringList names = {"iteration", "phase", "term"};
        const qsizetype index = names.indexOf(parser.value(stepSize));
        if (index < 0)
            return fail("--step-size: expected iteration, phase or term, got \"" +
                        parser.value(stepSize) + "\"");
        window.setGranularity(core::Granularity(index));
    }
    if (parser.isSet(advance)) {
        bool ok = false;
        const int count = parser.value(advance).toInt(&ok);
        if (!ok || count < 0 || count > 1'000'000)
            return fail("--advance: expected a whole number from 0 to 1000000, got \"" +
                        parser.value(advance) + "\"");
        for (int i = 0; i < count; ++i)
            window.controller()->stepForward();
    }

    if (parser.isSet(shot)) {
        window.setAttribute(Qt::WA_DontShowOnScreen);
        window.show();
        window.settle();
        const QString path = parser.value(shot);
        if (!window.grab().save(path, "PNG")) {
            std::fprintf(stderr, "backprop-lab: cannot write %s\n", qPrintable(path));
            return 1;
        }
        return 0;
    }

    if (parser.isSet(state)) {
        const QString path = parser.value(state);
        const auto write = [path, &window] { writeStateFile(path, window); };
        QObject::connect(window.controller(), &ui::TrainingController::stateChanged, &window,
                         write);
        QObject::connect(&application, &QGuiApplication::focusWindowChanged, &window, write);
        write();
    }
    window.show();
    return application.exec();
}
