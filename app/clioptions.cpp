#include "clioptions.h"

#include <QCommandLineParser>
#include <cmath>

#include "ui/presetlibrary.h"

namespace {

// Overrides the activation of the hidden layers or of the output layer.
bool setActivation(const QString& name, bool hidden, core::NetworkConfig& config, QString* error) {
    const auto activation = core::activationFromName(name.toStdString());
    const QString option = hidden ? "--hidden-activation" : "--output-activation";
    if (!activation) {
        *error = QStringLiteral(
                     "%1: unknown activation \"%2\" (expected sigmoid, tanh, relu or "
                     "linear)")
                     .arg(option, name);
        return false;
    }
    if (hidden && config.activations.size() < 2) {
        *error = QStringLiteral("%1: this network has no hidden layer").arg(option);
        return false;
    }
    if (hidden)
        std::fill(config.activations.begin(), config.activations.end() - 1, *activation);
    else
        config.activations.back() = *activation;
    return true;
}

}  // namespace

std::optional<CliOptions> parseCliOptions(const QStringList& arguments, QString* error) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Trains a small neural network by backpropagation and prints every number.");
    const QCommandLineOption help({"h", "help"}, "Show this help.");
    const QCommandLineOption version("version", "Show the version.");
    const QCommandLineOption preset("preset", "Start from preset NAME (default mazur).", "NAME");
    const QCommandLineOption config("config", "Start from the session file FILE.", "FILE");
    const QCommandLineOption rate("lr", "Learning rate, above 0 and at most 1e6.", "X");
    const QCommandLineOption steps("steps", "Updates to make (default 1; 0 allowed).", "N");
    const QCommandLineOption hidden(
        "hidden-activation", "Activation of the hidden layers: sigmoid, tanh, relu, linear.", "A");
    const QCommandLineOption output("output-activation", "Activation of the output layer.", "A");
    const QCommandLineOption train("train-biases", "Train the biases.");
    const QCommandLineOption freeze("freeze-biases", "Keep the biases fixed.");
    const QCommandLineOption format("format", "Output: table (default), json or csv.", "F");
    const QCommandLineOption list("list-presets", "List the presets and exit.");
    const QCommandLineOption explain("explain",
                                     "Write out every forward value and chain-rule term of the "
                                     "last step with its numbers.");
    const QCommandLineOption digits("digits",
                                    "Significant digits of table and explanation "
                                    "(1 to 17, default 9).",
                                    "N");
    const QCommandLineOption save("save", "Save the trained state as a session file.", "FILE");
    parser.addOptions({help, version, preset, config, rate, steps, hidden, output, train, freeze,
                       format, list, explain, digits, save});

    const auto fail = [&](const QString& message) -> std::optional<CliOptions> {
        *error = message;
        return std::nullopt;
    };
    if (!parser.parse(arguments)) return fail(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return fail(
            QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().first()));
    for (const QCommandLineOption* single :
         {&preset, &config, &rate, &steps, &hidden, &output, &format, &digits, &save})
        if (parser.values(*single).size() > 1)
            return fail(QStringLiteral("--%1 given more than once").arg(single->names().last()));

    CliOptions options;
    if (parser.isSet(help)) {
        options.action = CliOptions::Action::Help;
        options.helpText = parser.helpText();
        return options;
    }
    if (parser.isSet(version)) {
        options.action = CliOptions::Action::Version;
        return options;
    }
    if (parser.isSet(list)) {
        options.action = CliOptions::Action::ListPresets;
        return options;
    }

    // Where the session comes from.
    if (parser.isSet(preset) && parser.isSet(config))
        return fail("use either --preset or --config, not both");
    if (parser.isSet(config)) {
        options.presetName.clear();
        options.configPath = parser.value(config);
        QString problem;
        if (!session::SessionFile::load(options.configPath, options.session, &problem))
            return fail("--config: " + problem);
    } else {
        options.presetName = parser.isSet(preset) ? parser.value(preset) : "mazur";
        const session::Preset* found = session::PresetLibrary::builtIn().find(options.presetName);
        if (!found)
            return fail(
                QStringLiteral("--preset: unknown preset \"%1\" (available: %2)")
                    .arg(options.presetName, session::PresetLibrary::builtIn().names().join(", ")));
        options.session = found->session;
    }

    // Overrides.
    core::NetworkConfig& network = options.session.config;
    if (parser.isSet(rate)) {
        bool ok = false;
        const double value = parser.value(rate).toDouble(&ok);
        if (!ok || !std::isfinite(value) || value <= 0 ||
            value > core::ConfigLimits::maxLearningRate)
            return fail(
                QStringLiteral("--lr: expected a number above 0 and at most 1e6, got \"%1\"")
                    .arg(parser.value(rate)));
        network.learningRate = value;
    }
    if (parser.isSet(steps)) {
        bool ok = false;
        options.steps = parser.value(steps).toLongLong(&ok);
        if (!ok || options.steps < 0 || options.steps > 1'000'000'000)
            return fail(QStringLiteral("--steps: expected a whole number from 0 to 1000000000, "
                                       "got \"%1\"")
                            .arg(parser.value(steps)));
    }
    if (parser.isSet(hidden) && !setActivation(parser.value(hidden), true, network, error))
        return std::nullopt;
    if (parser.isSet(output) && !setActivation(parser.value(output), false, network, error))
        return std::nullopt;
    if (parser.isSet(train) && parser.isSet(freeze))
        return fail("use either --train-biases or --freeze-biases, not both");
    if (parser.isSet(train)) network.trainBiases = true;
    if (parser.isSet(freeze)) network.trainBiases = false;

    if (parser.isSet(format)) {
        const QString name = parser.value(format);
        if (name == "table")
            options.format = CliOptions::Format::Table;
        else if (name == "json")
            options.format = CliOptions::Format::Json;
        else if (name == "csv")
            options.format = CliOptions::Format::Csv;
        else
            return fail(
                QStringLiteral("--format: expected table, json or csv, got \"%1\"").arg(name));
    }
    options.explain = parser.isSet(explain);
    if (options.explain && options.format != CliOptions::Format::Table)
        return fail("--explain writes text; it goes only with --format table");
    if (parser.isSet(digits)) {
        bool ok = false;
        options.digits = parser.value(digits).toInt(&ok);
        if (!ok || options.digits < 1 || options.digits > 17)
            return fail(QStringLiteral("--digits: expected a whole number from 1 to 17, got \"%1\"")
                            .arg(parser.value(digits)));
    }
    options.savePath = parser.value(save);
    return options;
}
