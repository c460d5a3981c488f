// backprop-lab-cli: trains a network from a preset or a session file and prints every number.
#include <QCoreApplication>
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "clioptions.h"
#include "clireport.h"
#include "core/markup.h"
#include "core/trainer.h"
#include "ui/session/presetlibrary.h"

namespace {

constexpr int kBadArguments = 2;
constexpr int kCannotWrite = 1;
// Updates per call of the trainer: the most losses held at once.
constexpr long long kStepsPerChunk = 65536;

void print(const std::string& text) {
    std::fwrite(text.data(), 1, text.size(), stdout);
}

std::string csvNumber(double value) {
    return core::formatNumber(value, core::DigitsRange::max);
}

// One row per state: step, learning rate, loss, every weight and bias.
void printCsv(core::Trainer& trainer, const CliOptions& options) {
    const core::Topology& topology = trainer.topology();
    std::string header = "step,learning_rate,loss";
    for (int w = 0; w < topology.weightCount(); ++w)
        header += "," + topology.weightName(w);
    for (int b = 0; b < topology.biasCount(); ++b)
        header += "," + topology.biasName(b);
    print(header + "\n");
    const auto row = [&](long long step, double loss, const core::Parameters& parameters) {
        std::string line =
            std::to_string(step) + "," + csvNumber(trainer.learningRate()) + "," + csvNumber(loss);
        for (double w : parameters.weights)
            line += "," + csvNumber(w);
        for (double b : parameters.biases)
            line += "," + csvNumber(b);
        print(line + "\n");
    };
    std::vector<double> loss;
    for (long long step = 0;; ++step) {
        const core::Parameters parameters = trainer.parameters();
        loss.clear();
        if (step == options.steps || trainer.run(1, &loss) == 0) {
            // The last state: its loss, unless the state itself does not evaluate.
            const double last = trainer.evaluate().loss();
            if (std::isfinite(last)) row(step, last, parameters);
            break;
        }
        row(step, loss.front(), parameters);
    }
}

// The table or the JSON of a run. Trains in chunks and hands each chunk's losses to the report
// as they come, so that memory stays the same for any number of steps.
void printReport(core::Trainer& trainer, const CliOptions& options) {
    const bool json = options.format == CliOptions::Format::Json;
    CliRun run;
    run.initial = trainer.evaluate();
    if (json) print(jsonHead(options));
    std::vector<double> losses;
    const auto report = [&] {
        if (json) print(jsonLosses(losses, run.lossCount == 0));
        for (const double loss : losses)
            run.addLoss(loss);
        losses.clear();
    };
    for (long long left = options.steps; left > 0;) {
        const long long chunk = std::min(left, kStepsPerChunk);
        const long long made = trainer.run(chunk, &losses);
        report();
        if (made < chunk) break;  // diverged
        left -= chunk;
    }
    run.final = trainer.evaluate();
    if (std::isfinite(run.final.loss())) {
        losses.push_back(run.final.loss());
        report();
    }
    run.divergence = trainer.divergence() ? trainer.divergence() : run.final.divergence();
    print(json ? jsonTail(options, run) : tableReport(options, run));
}

int run(const CliOptions& options) {
    core::Trainer trainer(options.session.config);
    if (options.format == CliOptions::Format::Csv) {
        printCsv(trainer, options);
    } else if (options.explain) {
        // The last step worked out, or the start when there is no step.
        if (options.steps > 0) {
            trainer.run(options.steps - 1);
            explainReport(options, trainer.step(), print);
        } else {
            explainReport(options, trainer.evaluate(), print);
        }
    } else {
        printReport(trainer, options);
    }
    if (trainer.divergence() && options.format == CliOptions::Format::Csv)
        std::fprintf(stderr, "%s\n",
                     core::divergenceSentence(trainer.topology(), int(trainer.samples().size()),
                                              *trainer.divergence())
                         .c_str());

    if (!options.savePath.isEmpty()) {
        session::Session trained = options.session;
        core::storeParameters(trainer.parameters(), trained.config);
        QString error;
        if (!session::SessionFile::save(options.savePath, trained, &error)) {
            std::fprintf(stderr, "backprop-lab-cli: %s\n", qPrintable(error));
            return kCannotWrite;
        }
    }
    return 0;
}

}  // namespace

int main(int argc, char* argv[]) {
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName("backprop-lab-cli");
    QCoreApplication::setApplicationVersion(BACKPROP_VERSION);

    // The bytes of argv, not application.arguments(): file names need not be valid UTF-8.
    QList<QByteArray> arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QByteArray(argv[i]));
    QString error;
    const std::optional<CliOptions> options = parseCliOptions(arguments, &error);
    if (!options) {
        std::fprintf(stderr, "backprop-lab-cli: %s (see --help)\n", qPrintable(error));
        return kBadArguments;
    }
    switch (options->action) {
        case CliOptions::Action::Help:
            print(options->helpText.toStdString());
            return 0;
        case CliOptions::Action::Version:
            print(BACKPROP_VERSION "\n");
            return 0;
        case CliOptions::Action::ListPresets:
            for (const session::Preset& preset : session::PresetLibrary::builtIn().presets())
                print(preset.name.leftJustified(11).toStdString() +
                      preset.session.description.toStdString() + "\n");
            return 0;
        case CliOptions::Action::Run:
            break;
    }
    try {
        const int status = run(*options);
        // Output that could not be written (a full disk, a closed pipe) is a failed run.
        if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
            std::fprintf(stderr, "backprop-lab-cli: cannot write the output: %s\n",
                         std::strerror(errno));
            return kCannotWrite;
        }
        return status;
    } catch (const std::invalid_argument& invalid) {
        std::fprintf(stderr, "backprop-lab-cli: %s (see --help)\n", invalid.what());
        return kBadArguments;
    }
}
