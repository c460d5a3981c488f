// backprop-lab: the window. With --screenshot it renders itself into a PNG and exits, unshown.
#include <qcustomplot.h>
#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QSaveFile>
#include <QWindow>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <initializer_list>
#include <optional>

#include "ui/formulapanel.h"
#include "ui/landscapecontrols.h"
#include "ui/learningratecontrol.h"
#include "ui/lossplot.h"
#include "ui/mainwindow.h"
#include "ui/networkview.h"
#include "ui/session/presetlibrary.h"
#include "ui/session/sessionfile.h"
#include "ui/theme.h"
#include "ui/trainingcontroller.h"
#include "ui/viewexport.h"
#include "ui/zoomlevels.h"

namespace {

constexpr int kBadArguments = 2;
constexpr long long kMostSteps = 100'000'000;
constexpr int kMostAdvances = 1'000'000;
constexpr QSize kSmallestWindow(400, 300), kLargestWindow(8192, 8192);

// The options besides --help and --version, in the order they are applied.
struct Options {
    QCommandLineOption screenshot{
        "screenshot", "Render the window (or --part) into FILE (.png, .svg or .pdf) and exit.",
        "FILE"};
    QCommandLineOption part{
        "part", "With --screenshot: window (default), network, plot or equation.", "PART"};
    QCommandLineOption scale{"scale",
                             "With --screenshot to a PNG: 1 (default), 2 or 3 times "
                             "the pixels.",
                             "N"};
    QCommandLineOption preset{"preset", "Start from preset NAME (default mazur).", "NAME"};
    QCommandLineOption rate{"lr", "Learning rate (0.001 to 1000).", "X"};
    QCommandLineOption size{"size", "Window size, e.g. 1280x800.", "WxH"};
    QCommandLineOption steps{"steps", "Run N iterations first.", "N"};
    QCommandLineOption stepSize{"step-size", "What Step does: iteration, phase or term.", "SIZE"};
    QCommandLineOption advance{"advance", "Press Step N times (after --steps).", "N"};
    QCommandLineOption state{"state-file", "Keep FILE updated with the state.", "FILE"};
    QCommandLineOption zoom{"zoom", "Zoom of the views in percent, 50 to 300 (default 100).",
                            "PERCENT"};
    QCommandLineOption theme{"theme", "Theme: light (default), dark or high-contrast.", "THEME"};
    QCommandLineOption landscape{"landscape",
                                 "Show the loss landscape instead of the decision map, on PLANE: "
                                 "steepest (the default), or hessian (its top eigenvectors).",
                                 "PLANE"};
};

// A problem with one option: its message, or empty.
using Problem = QString;

// A whole number in [low, high] given to `option`, or a problem.
std::optional<long long> wholeNumber(const QCommandLineParser& parser,
                                     const QCommandLineOption& option, long long low,
                                     long long high, Problem& problem) {
    bool ok = false;
    const long long value = parser.value(option).toLongLong(&ok);
    if (ok && value >= low && value <= high) return value;
    problem = QStringLiteral("--%1: expected a whole number from %2 to %3, got \"%4\"")
                  .arg(option.names().first())
                  .arg(low)
                  .arg(high)
                  .arg(parser.value(option));
    return std::nullopt;
}

Problem applyPreset(const QCommandLineParser& parser, const Options& o, ui::MainWindow& window) {
    const QString name = parser.isSet(o.preset) ? parser.value(o.preset) : "mazur";
    if (window.loadPreset(name)) return {};
    return QStringLiteral("--preset: unknown preset \"%1\" (available: %2)")
        .arg(name, session::PresetLibrary::builtIn().names().join(", "));
}

// The session file FILE when one is given, else the preset.
Problem applySession(const QCommandLineParser& parser, const Options& o, ui::MainWindow& window) {
    const QStringList files = parser.positionalArguments();
    // Without a file or a preset, what the window showed when last closed (not in a screenshot,
    // which is the same everywhere).
    if (files.isEmpty() && !parser.isSet(o.preset) && !parser.isSet(o.screenshot) &&
        window.reopenLast())
        return {};
    if (files.isEmpty()) return applyPreset(parser, o, window);
    if (files.size() > 1) return "unexpected argument \"" + files[1] + "\"";
    QString error;
    const std::optional<session::Session> session = session::SessionFile::read(files[0], &error);
    if (!session) return error;
    window.showSession(*session, files[0]);
    return {};
}

Problem applyRate(const QCommandLineParser& parser, const Options& o, ui::MainWindow& window) {
    if (!parser.isSet(o.rate)) return {};
    bool ok = false;
    const double value = parser.value(o.rate).toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < ui::LearningRateControl::minimum ||
        value > ui::LearningRateControl::maximum)
        return "--lr: expected a number from 0.001 to 1000, got \"" + parser.value(o.rate) + "\"";
    window.controller()->setLearningRate(value);
    return {};
}

Problem applySize(const QCommandLineParser& parser, const Options& o, ui::MainWindow& window) {
    if (!parser.isSet(o.size)) return {};
    const QStringList parts = parser.value(o.size).split('x');
    bool wide = false, high = false;
    const QSize size(parts.size() == 2 ? parts[0].toInt(&wide) : 0,
                     parts.size() == 2 ? parts[1].toInt(&high) : 0);
    if (!wide || !high || size.width() < kSmallestWindow.width() ||
        size.height() < kSmallestWindow.height() || size.width() > kLargestWindow.width() ||
        size.height() > kLargestWindow.height())
        return "--size: expected WIDTHxHEIGHT from 400x300 to 8192x8192, got \"" +
               parser.value(o.size) + "\"";
    window.resize(size);
    return {};
}

Problem applySteps(const QCommandLineParser& parser, const Options& o, ui::MainWindow& window) {
    Problem problem;
    if (!parser.isSet(o.steps)) return {};
    if (const auto count = wholeNumber(parser, o.steps, 0, kMostSteps, problem))
        window.controller()->run(*count);
    return problem;
}

Problem applyStepSize(const QCommandLineParser& parser, const Options& o, ui::MainWindow& window) {
    if (!parser.isSet(o.stepSize)) return {};
    const QStringList names = {"iteration", "phase", "term"};
    const qsizetype index = names.indexOf(parser.value(o.stepSize));
    if (index < 0)
        return "--step-size: expected iteration, phase or term, got \"" + parser.value(o.stepSize) +
               "\"";
    window.controller()->setGranularity(core::Granularity(index));
    return {};
}

Problem applyAdvance(const QCommandLineParser& parser, const Options& o, ui::MainWindow& window) {
    Problem problem;
    if (!parser.isSet(o.advance)) return {};
    if (const auto count = wholeNumber(parser, o.advance, 0, kMostAdvances, problem))
        for (long long i = 0; i < *count; ++i)
            window.controller()->stepForward();
    return problem;
}

Problem applyZoom(const QCommandLineParser& parser, const Options& o, ui::MainWindow& window) {
    Problem problem;
    if (!parser.isSet(o.zoom)) return {};
    if (const auto percent =
            wholeNumber(parser, o.zoom, ui::ZoomLevels::smallest, ui::ZoomLevels::largest, problem))
        window.controller()->setZoom(int(*percent));
    return problem;
}

// As the View menu chooses it (which keeps it when the window remembers).
Problem applyTheme(const QCommandLineParser& parser, const Options& o, ui::MainWindow& window) {
    if (!parser.isSet(o.theme)) return {};
    const QString key = parser.value(o.theme);
    auto* action = window.findChild<QAction*>(key + "ThemeAction");
    if (!ui::themeFromKey(key) || !action)
        return "--theme: expected light, dark or high-contrast, got \"" + key + "\"";
    action->trigger();
    return {};
}

Problem applyLandscape(const QCommandLineParser& parser, const Options& o, ui::MainWindow& window) {
    if (!parser.isSet(o.landscape)) return {};
    const QString plane = parser.value(o.landscape);
    if (plane != "steepest" && plane != "hessian")
        return "--landscape: expected steepest or hessian, got \"" + plane + "\"";
    if (auto* controls = window.findChild<ui::LandscapeControls*>(); controls && plane == "hessian")
        controls->setAxes(ui::LandscapeAxes::Curvature);
    window.showLandscape(true);
    return {};
}

// A number of the state file: 17 significant digits, null when not finite.
QString stateNumber(double value) {
    return std::isfinite(value) ? QString::number(value, 'g', 17) : QStringLiteral("null");
}

QString stateList(const std::vector<double>& values) {
    QStringList texts;
    for (double value : values)
        texts << stateNumber(value);
    return '[' + texts.join(", ") + ']';
}

// Writes the iteration, loss, learning rate and whether the window is active (takes keys), the
// layer sizes, every parameter at the current iteration by name ("w1", .., "b1" or "b_h1", ..),
// the samples and where each weight's label is, to `path`: for tests that drive the real program
// from outside.
void writeStateFile(const QString& path, const ui::MainWindow& window) {
    const ui::TrainingController& model = *window.controller();
    const core::StepSnapshot& step = model.snapshot();
    const core::Topology& topology = step.topology();
    const core::Parameters parameters = step.parametersBefore();
    QStringList layers, named, samples, labels;
    for (int size : topology.layerSizes())
        layers << QString::number(size);
    for (int w = 0; w < int(parameters.weights.size()); ++w)
        named << QStringLiteral("\"%1\": %2")
                     .arg(QString::fromStdString(topology.weightName(w)))
                     .arg(stateNumber(parameters.weights[w]));
    for (int b = 0; b < int(parameters.biases.size()); ++b)
        named << QStringLiteral("\"%1\": %2")
                     .arg(QString::fromStdString(topology.biasName(b)))
                     .arg(stateNumber(parameters.biases[b]));
    for (const core::Sample& sample : model.session().config.samples)
        samples << QStringLiteral("{\"input\": %1, \"target\": %2}")
                       .arg(stateList(sample.input), stateList(sample.target));
    // The centre of each weight's label in the window, for a driver to click.
    if (const auto* view = window.findChild<const ui::NetworkView*>("networkView"))
        for (int w = 0; w < int(parameters.weights.size()); ++w)
            if (const QRectF box = view->fromDiagram(view->networkLayout().weightLabel(w));
                !box.isEmpty()) {
                const QPoint centre = view->mapTo(&window, box.center().toPoint());
                labels << QStringLiteral("\"%1\": [%2, %3]")
                              .arg(QString::fromStdString(topology.weightName(w)))
                              .arg(centre.x())
                              .arg(centre.y());
            }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return;
    file.write(QStringLiteral("{\"iteration\": %1, \"loss\": %2, \"learning_rate\": %3, "
                              "\"active\": %4,\n \"layers\": [%5],\n \"parameters\": {%6},\n "
                              "\"samples\": [%7],\n \"labels\": {%8}}\n")
                   .arg(model.iteration())
                   .arg(stateNumber(step.loss()))
                   .arg(stateNumber(model.learningRate()))
                   .arg(window.isActiveWindow() ? "true" : "false")
                   .arg(layers.join(", "), named.join(", "), samples.join(", "), labels.join(", "))
                   .toUtf8());
    file.commit();
}

// Keeps the state file of --state-file up to date with every change and focus move.
void keepStateFile(const QString& path, ui::MainWindow& window) {
    const auto write = [path, &window] { writeStateFile(path, window); };
    QObject::connect(window.controller(), &ui::TrainingController::changed, &window, write);
    QObject::connect(qApp, &QGuiApplication::focusWindowChanged, &window, write);
    write();
}

int fail(const QString& message) {
    std::fprintf(stderr, "backprop-lab: %s (see --help)\n", qPrintable(message));
    return kBadArguments;
}

// The part of `window` that --part names, or null.
QWidget* partNamed(ui::MainWindow& window, const QString& name) {
    if (name == "window") return &window;
    if (name == "network") return window.networkView();
    if (name == "plot") return window.lossPlot()->customPlot();
    if (name == "equation") return window.formulaPanel();
    return nullptr;
}

int saveScreenshot(const QCommandLineParser& parser, const Options& o, ui::MainWindow& window) {
    const QString path = parser.value(o.screenshot);
    QWidget* part = partNamed(window, parser.isSet(o.part) ? parser.value(o.part) : "window");
    if (!part)
        return fail(QStringLiteral("--part: expected window, network, plot or equation, got "
                                   "\"%1\"")
                        .arg(parser.value(o.part)));
    Problem problem;
    const std::optional<long long> scale =
        parser.isSet(o.scale) ? wholeNumber(parser, o.scale, 1, 3, problem) : 1;
    if (!scale) return fail(problem);
    if (!ui::ViewExport::formatOf(path))
        return fail(QStringLiteral("--screenshot: expected a .png, .svg or .pdf file, got \"%1\"")
                        .arg(path));
    window.setAttribute(Qt::WA_DontShowOnScreen);
    window.show();
    window.settle();
    QString error;
    if (ui::ViewExport::save(*part, path, int(*scale), &error)) return 0;
    std::fprintf(stderr, "backprop-lab: %s\n", qPrintable(error));
    return 1;
}

// The window's options on `parser`, with --help, --help-all and --version.
void describeOptions(QCommandLineParser& parser, const Options& options) {
    parser.setApplicationDescription("Learn backpropagation by stepping through it.");
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("FILE", "A session file to open instead of a preset.", "[FILE]");
    parser.addOptions({options.screenshot, options.part, options.scale, options.preset,
                       options.rate, options.size, options.steps, options.stepSize, options.advance,
                       options.state, options.zoom, options.theme, options.landscape});
}

void nameApplication() {
    // Where QSettings keeps what the window remembers: ~/.config/Backprop Lab/Backprop Lab.conf.
    QCoreApplication::setOrganizationName("Backprop Lab");
    QCoreApplication::setApplicationName("Backprop Lab");
    QCoreApplication::setApplicationVersion(BACKPROP_VERSION);
}

// Whether argv has `flag` among its arguments.
bool hasArgument(int argc, char* argv[], std::initializer_list<const char*> flags) {
    for (int i = 1; i < argc; ++i)
        for (const char* flag : flags)
            if (std::strcmp(argv[i], flag) == 0) return true;
    return false;
}

// --help, --help-all and --version print and exit without a display (over ssh, in a package
// check): a Qt Core application answers them, before any window system is asked for. Returns
// the exit code of a bad command line, or nothing when the flag turned out to be an option's
// value (--state-file --help) and the window should open after all.
std::optional<int> printHelpOrVersion(int argc, char* argv[]) {
    QCoreApplication application(argc, argv);
    nameApplication();
    QCommandLineParser parser;
    const Options options;
    describeOptions(parser, options);
    if (!parser.parse(application.arguments())) return fail(parser.errorText());
    if (parser.isSet("help") || parser.isSet("help-all") || parser.isSet("version"))
        parser.process(application);  // prints and exits; --help-all adds Qt's own options
    return std::nullopt;
}

// Whether a window system can be reached: a platform named, or an X or Wayland display.
bool hasDisplay() {
    return !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") ||
           !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

}  // namespace

int main(int argc, char* argv[]) {
    // With a display, --help-all lists the window system's options too, from QApplication.
    if (hasArgument(argc, argv, {"-h", "-?", "--help", "-v", "--version"}) ||
        (hasArgument(argc, argv, {"--help-all"}) && !hasDisplay()))
        if (const std::optional<int> status = printHelpOrVersion(argc, argv)) return *status;
    // A screenshot needs no screen: render offscreen unless a platform was chosen.
    if (hasArgument(argc, argv, {"--screenshot"}) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (!hasDisplay()) {
        std::fprintf(stderr,
                     "backprop-lab: no display to open the window on (DISPLAY and "
                     "WAYLAND_DISPLAY are not set).\n"
                     "--screenshot FILE renders the window without one, and backprop-lab-cli "
                     "trains and explains in a terminal.\n");
        return 1;
    }

    QApplication application(argc, argv);
    nameApplication();
    // The installed desktop file and icon share this id: the desktop matches the window to its
    // menu entry (Wayland needs it for the taskbar icon).
    const QString id = QStringLiteral("io.github.backprop_lab.BackpropLab");
    QGuiApplication::setDesktopFileName(id);
    QApplication::setWindowIcon(QIcon::fromTheme(id));

    QCommandLineParser parser;
    const Options options;
    describeOptions(parser, options);
    if (!parser.parse(application.arguments())) return fail(parser.errorText());
    if (parser.isSet("help-all")) parser.process(application);

    // A screenshot is the same on every machine: the window's defaults, not what it remembers.
    ui::MainWindow window(parser.isSet(options.screenshot)
                              ? ui::MainWindow::Arrangement::Default
                              : ui::MainWindow::Arrangement::Remembered);
    for (const auto apply : {applySession, applyRate, applySize, applySteps, applyStepSize,
                             applyAdvance, applyZoom, applyTheme})
        if (const Problem problem = apply(parser, options, window); !problem.isEmpty())
            return fail(problem);
    if (const Problem problem = applyLandscape(parser, options, window); !problem.isEmpty())
        return fail(problem);
    // What the command line asked for is where the window starts: nothing to undo yet.
    window.controller()->forgetEdits();
    if (parser.isSet(options.screenshot)) return saveScreenshot(parser, options, window);
    if (parser.isSet(options.state)) keepStateFile(parser.value(options.state), window);
    window.show();
    return application.exec();
}
