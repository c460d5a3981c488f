#include "clioptions.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QFile>
#include <QList>
#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "core/activation.h"
#include "core/markup.h"
#include "core/networkconfig.h"
#include "ui/session/localfile.h"
#include "ui/session/presetlibrary.h"

namespace {

constexpr long long kMaxSteps = 1'000'000'000;

// The names --format accepts, with what each writes.
const std::pair<const char*, CliOptions::Format> kFormats[] = {
    {"table", CliOptions::Format::Table},
    {"json", CliOptions::Format::Json},
    {"csv", CliOptions::Format::Csv},
};

QString activationNames() {
    return QString::fromStdString(core::activationNameList());
}

// Every option of the command line, declared once, in the order --help lists them.
struct OptionTable {
    QCommandLineOption help{{"h", "help"}, "Show this help."};
    QCommandLineOption version{"version", "Show the version."};
    QCommandLineOption preset{"preset", "Start from preset NAME (default mazur).", "NAME"};
    QCommandLineOption config{"config", "Start from the session file FILE.", "FILE"};
    QCommandLineOption learningRate{"lr", "Learning rate, above 0 and at most 1e6.", "X"};
    QCommandLineOption momentum{
        "momentum", "Momentum beta, from 0 (default: plain gradient descent) up to 1, not 1.", "B"};
    QCommandLineOption steps{"steps", "Updates to make (default 1; 0 allowed).", "N"};
    QCommandLineOption hiddenActivation{
        "hidden-activation",
        QStringLiteral("Activation of the hidden layers: %1.").arg(activationNames()), "A"};
    QCommandLineOption outputActivation{"output-activation", "Activation of the output layer.",
                                        "A"};
    QCommandLineOption trainBiases{"train-biases", "Train the biases."};
    QCommandLineOption freezeBiases{"freeze-biases", "Keep the biases fixed."};
    QCommandLineOption format{
        "format",
        "Output: table (default), json or csv; with --explain also markdown, latex or html "
        "(a handout of the step).",
        "F"};
    QCommandLineOption listPresets{"list-presets", "List the presets and exit."};
    QCommandLineOption explain{"explain",
                               "Write out every forward value and chain-rule term of the last "
                               "step with its numbers."};
    QCommandLineOption digits{
        "digits",
        QStringLiteral("Significant digits of table and explanation (%1 to %2, default %3).")
            .arg(core::DigitsRange::min)
            .arg(core::DigitsRange::max)
            .arg(core::DigitsRange::workedExample),
        "N"};
    QCommandLineOption save{"save", "Save the trained state as a session file.", "FILE"};
    QCommandLineOption curvature{
        "curvature",
        "Add the curvature of the loss at the start and at the end: the largest and smallest "
        "eigenvalue of its Hessian and the largest stable learning rate (table and json only)."};

    // All of the above, in order.
    QList<QCommandLineOption> all() const {
        return {help,         version,  preset,           config,           learningRate,
                momentum,     steps,    hiddenActivation, outputActivation, trainBiases,
                freezeBiases, format,   listPresets,      explain,          digits,
                save,         curvature};
    }

    // --landscape and its settings (see clilandscape.h), listed after the others.
    QCommandLineOption landscape{
        "landscape",
        "After the steps, write the loss as CSV over a grid of parameters P1 and P2 (names as "
        "in the JSON output, e.g. w5,b2) around their trained values, all else fixed.",
        "P1,P2"};
    QCommandLineOption span{"span",
                            "With --landscape: each parameter from its value - S to + S "
                            "(default 1; at most 1e6).",
                            "S"};
    QCommandLineOption grid{"grid",
                            "With --landscape: N points along each parameter (2 to 401, "
                            "default 101).",
                            "N"};
    // The three of them, in order.
    QList<QCommandLineOption> landscapeOptions() const { return {landscape, span, grid}; }
};

// Text the parser holds (one Latin-1 character per byte of argv) as the text it spells.
QString decoded(const QString& latin1) {
    return QFile::decodeName(latin1.toLatin1());
}

// Reads the arguments into CliOptions one option (or group of options) at a time; the first
// problem stops the reading and is kept as the error. The parser sees each byte of an argument
// as one Latin-1 character, so that the bytes of a file name come back exactly; every other
// value is decoded as the text it spells.
class OptionReader {
public:
    std::optional<CliOptions> read(const QList<QByteArray>& arguments, QString* error);

private:
    bool fail(const QString& message);
    QString textOf(const QCommandLineOption& option) const;
    QByteArray fileName(const QCommandLineOption& option) const;
    bool parseArguments(const QList<QByteArray>& arguments);
    bool readSource();
    bool readConfig();
    bool readPreset();
    bool readLearningRate();
    bool readMomentum();
    bool readSteps();
    bool readActivation(const QCommandLineOption& option, bool hidden);
    bool readBiasTraining();
    bool readOutput();
    bool readCurvature();
    bool readDigits();
    bool readLandscape();

    OptionTable table_;
    QCommandLineParser parser_;
    CliOptions options_;
    QString error_;
};

std::optional<CliOptions> OptionReader::read(const QList<QByteArray>& arguments, QString* error) {
    if (!parseArguments(arguments)) {
        *error = error_;
        return std::nullopt;
    }
    if (parser_.isSet(table_.help)) {
        options_.action = CliOptions::Action::Help;
        options_.helpText = parser_.helpText();
    } else if (parser_.isSet(table_.version)) {
        options_.action = CliOptions::Action::Version;
    } else if (parser_.isSet(table_.listPresets)) {
        options_.action = CliOptions::Action::ListPresets;
    } else if (!readSource() || !readLearningRate() || !readMomentum() || !readSteps() ||
               !readActivation(table_.hiddenActivation, true) ||
               !readActivation(table_.outputActivation, false) || !readBiasTraining() ||
               !readOutput() || !readCurvature() || !readDigits() || !readLandscape()) {
        *error = error_;
        return std::nullopt;
    }
    return options_;
}

bool OptionReader::fail(const QString& message) {
    error_ = message;
    return false;
}

// The value of `option` as text.
QString OptionReader::textOf(const QCommandLineOption& option) const {
    return decoded(parser_.value(option));
}

// The value of `option` as the bytes of argv.
QByteArray OptionReader::fileName(const QCommandLineOption& option) const {
    return parser_.value(option).toLatin1();
}

// Known options, no stray arguments, and no option that takes a value given twice.
bool OptionReader::parseArguments(const QList<QByteArray>& arguments) {
    parser_.setApplicationDescription(
        "Trains a small neural network by backpropagation and prints every number.");
    const QList<QCommandLineOption> options = table_.all() + table_.landscapeOptions();
    parser_.addOptions(options);
    QStringList latin1;
    for (const QByteArray& argument : arguments)
        latin1.append(QString::fromLatin1(argument));
    if (!parser_.parse(latin1)) return fail(decoded(parser_.errorText()));
    if (!parser_.positionalArguments().isEmpty())
        return fail(QStringLiteral("unexpected argument \"%1\"")
                        .arg(decoded(parser_.positionalArguments().first())));
    for (const QCommandLineOption& option : options)
        if (!option.valueName().isEmpty() && parser_.values(option).size() > 1)
            return fail(QStringLiteral("--%1 given more than once").arg(option.names().last()));
    return true;
}

// The session to start from: a session file (--config) or a preset (--preset, default mazur).
bool OptionReader::readSource() {
    if (parser_.isSet(table_.preset) && parser_.isSet(table_.config))
        return fail("use either --preset or --config, not both");
    return parser_.isSet(table_.config) ? readConfig() : readPreset();
}

bool OptionReader::readConfig() {
    options_.presetName.clear();
    const QByteArray path = fileName(table_.config);
    if (path.isEmpty()) return fail("--config: expected a file name, got \"\"");
    options_.configPath = session::LocalFile::displayName(path);
    QString problem;
    if (!session::SessionFile::load(path, options_.session, &problem))
        return fail("--config: " + problem);
    return true;
}

bool OptionReader::readPreset() {
    if (parser_.isSet(table_.preset)) options_.presetName = textOf(table_.preset);
    const session::PresetLibrary& library = session::PresetLibrary::builtIn();
    const session::Preset* found = library.find(options_.presetName);
    if (!found)
        return fail(QStringLiteral("--preset: unknown preset \"%1\" (available: %2)")
                        .arg(options_.presetName, library.names().join(", ")));
    options_.session = found->session;
    return true;
}

bool OptionReader::readLearningRate() {
    if (!parser_.isSet(table_.learningRate)) return true;
    const QString text = textOf(table_.learningRate);
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value) || value <= 0 || value > core::ConfigLimits::maxLearningRate)
        return fail(QStringLiteral("--lr: expected a number above 0 and at most 1e6, got \"%1\"")
                        .arg(text));
    options_.session.config.learningRate = value;
    return true;
}

bool OptionReader::readMomentum() {
    if (!parser_.isSet(table_.momentum)) return true;
    const QString text = textOf(table_.momentum);
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !(value >= 0.0 && value < 1.0))
        return fail(QStringLiteral(
                        "--momentum: expected a number from 0 up to, not including, 1, got \"%1\"")
                        .arg(text));
    options_.session.config.momentum = value;
    return true;
}

bool OptionReader::readSteps() {
    if (!parser_.isSet(table_.steps)) return true;
    const QString text = textOf(table_.steps);
    bool ok = false;
    options_.steps = text.toLongLong(&ok);
    if (!ok || options_.steps < 0 || options_.steps > kMaxSteps)
        return fail(QStringLiteral("--steps: expected a whole number from 0 to %1, got \"%2\"")
                        .arg(kMaxSteps)
                        .arg(text));
    return true;
}

// Overrides the activation of the hidden layers (`hidden`) or of the output layer.
bool OptionReader::readActivation(const QCommandLineOption& option, bool hidden) {
    if (!parser_.isSet(option)) return true;
    const QString name = textOf(option);
    const QString flag = "--" + option.names().last();
    const std::optional<core::Activation> activation = core::activationFromName(name.toStdString());
    if (!activation)
        return fail(QStringLiteral("%1: unknown activation \"%2\" (expected %3)")
                        .arg(flag, name, activationNames()));
    std::vector<core::Activation>& activations = options_.session.config.activations;
    if (hidden && activations.size() < 2)
        return fail(QStringLiteral("%1: this network has no hidden layer").arg(flag));
    if (hidden)
        std::fill(activations.begin(), activations.end() - 1, *activation);
    else
        activations.back() = *activation;
    return true;
}

bool OptionReader::readBiasTraining() {
    const bool train = parser_.isSet(table_.trainBiases);
    const bool freeze = parser_.isSet(table_.freezeBiases);
    if (train && freeze) return fail("use either --train-biases or --freeze-biases, not both");
    if (train || freeze) options_.session.config.trainBiases = train;
    return true;
}

// What is written: --format, --explain and --save.
bool OptionReader::readOutput() {
    if (parser_.isSet(table_.format)) {
        const QString name = textOf(table_.format);
        const auto known = std::find_if(std::begin(kFormats), std::end(kFormats),
                                        [&](const auto& format) { return name == format.first; });
        options_.handout = core::handoutFormatFromName(name.toStdString());
        if (known == std::end(kFormats) && !options_.handout)
            return fail(QStringLiteral("--format: expected table, json, csv, markdown, latex or "
                                       "html, got \"%1\"")
                            .arg(name));
        if (known != std::end(kFormats)) options_.format = known->second;
    }
    options_.explain = parser_.isSet(table_.explain);
    if (options_.handout && !options_.explain)
        return fail(QStringLiteral("--format %1 writes the handout of --explain; add --explain")
                        .arg(textOf(table_.format)));
    if (options_.explain && options_.format != CliOptions::Format::Table)
        return fail("--explain writes text; it goes only with --format table");
    if (parser_.isSet(table_.save)) {
        options_.savePath = fileName(table_.save);
        if (options_.savePath.isEmpty()) return fail("--save: expected a file name, got \"\"");
    }
    return true;
}

// --curvature reports states, so it goes with the formats that write them.
bool OptionReader::readCurvature() {
    options_.curvature = parser_.isSet(table_.curvature);
    if (!options_.curvature) return true;
    if (options_.format == CliOptions::Format::Csv)
        return fail("--curvature reports states; it goes only with --format table or json");
    if (options_.explain) return fail("--curvature reports states; it does not go with --explain");
    return true;
}

bool OptionReader::readDigits() {
    if (!parser_.isSet(table_.digits)) return true;
    const QString text = textOf(table_.digits);
    bool ok = false;
    options_.digits = text.toInt(&ok);
    if (!ok || options_.digits < core::DigitsRange::min || options_.digits > core::DigitsRange::max)
        return fail(QStringLiteral("--digits: expected a whole number from %1 to %2, got \"%3\"")
                        .arg(core::DigitsRange::min)
                        .arg(core::DigitsRange::max)
                        .arg(text));
    return true;
}

// --landscape, --span and --grid (see clilandscape.h), which replace the report.
bool OptionReader::readLandscape() {
    const auto given = [&](const QCommandLineOption& option) -> std::optional<QString> {
        if (!parser_.isSet(option)) return std::nullopt;
        return textOf(option);
    };
    QString error;
    options_.landscape =
        readLandscapeOptions(given(table_.landscape), given(table_.span), given(table_.grid),
                             core::topologyOf(options_.session.config), &error);
    if (!error.isEmpty()) return fail(error);
    if (options_.landscape && options_.format != CliOptions::Format::Table)
        return fail(
            QStringLiteral("--landscape writes its own CSV; it does not go with --format %1")
                .arg(textOf(table_.format)));
    if (options_.landscape && options_.explain)
        return fail("--landscape writes its own CSV; it does not go with --explain");
    if (options_.landscape && options_.curvature)
        return fail("--landscape writes its own CSV; it does not go with --curvature");
    return true;
}

}  // namespace

std::optional<CliOptions> parseCliOptions(const QList<QByteArray>& arguments, QString* error) {
    return OptionReader().read(arguments, error);
}

std::optional<CliOptions> parseCliOptions(const QStringList& arguments, QString* error) {
    QList<QByteArray> bytes;
    for (const QString& argument : arguments)
        bytes.append(QFile::encodeName(argument));
    return parseCliOptions(bytes, error);
}
