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

#include "clilandscape.h"
#include "clioptions.h"
#include "clireport.h"
#include "core/curvature.h"
#include "core/trainer.h"
#include "ui/session/presetlibrary.h"

namespace {

constexpr int kBadArguments = 2;
constexpr int kCannotWrite = 1;
// Updates per call of the trainer: the most losses held at once.
constexpr long long kStepsPerChunk = 65536;

// What the program prints, gathered in one buffer and written to stdout in large pieces. A failed
// write is remembered with its errno, so that the run can end as failed however much followed.
class StdoutWriter {
public:
    // The buffer itself, for appending in place; call writeIfFull after.
    std::string& buffer() { return buffer_; }
    // Writes the buffer out once it holds a piece's worth.
    void writeIfFull() {
        if (buffer_.size() >= kPieceBytes) write();
    }
    // Appends `text`.
    void print(const std::string& text) {
        buffer_ += text;
        writeIfFull();
    }
    // Writes out everything held, here and in stdio; the errno of the first failed write, or 0.
    int flush() {
        write();
        if (std::fflush(stdout) != 0 || std::ferror(stdout)) keepError();
        return error_;
    }

private:
    static constexpr std::size_t kPieceBytes = 64 * 1024;

    void write() {
        if (std::fwrite(buffer_.data(), 1, buffer_.size(), stdout) != buffer_.size()) keepError();
        buffer_.clear();
    }
    void keepError() {
        if (error_ == 0) error_ = errno != 0 ? errno : EIO;
    }

    std::string buffer_;
    int error_ = 0;
};

// One row per state: step, learning rate, loss, every weight and bias.
void printCsv(core::Trainer& trainer, const CliOptions& options, StdoutWriter& out) {
    out.print(core::csvHeader(trainer.topology()));
    const auto row = [&](long long step, double loss, const core::Parameters& parameters) {
        core::appendCsvRow(out.buffer(), step, trainer.learningRate(), loss, parameters);
        out.writeIfFull();
    };
    std::vector<double> loss;
    core::Parameters parameters;  // the state before the step, its storage reused
    for (long long step = 0;; ++step) {
        parameters = trainer.parameters();
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

// The curvature at the trainer's state, when --curvature asks for it.
std::optional<core::Curvature> curvatureIfAsked(const core::Trainer& trainer,
                                                const CliOptions& options) {
    if (!options.curvature) return std::nullopt;
    return core::curvatureAt(trainer.topology(), trainer.parameters(), trainer.samples(),
                             trainer.trainsBiases());
}

// The table or the JSON of a run. Trains in chunks and hands each chunk's losses to the report
// as they come, so that memory stays the same for any number of steps.
void printReport(core::Trainer& trainer, const CliOptions& options, StdoutWriter& out) {
    const bool json = options.format == CliOptions::Format::Json;
    CliRun run;
    run.initial = trainer.evaluate();
    run.initialCurvature = curvatureIfAsked(trainer, options);
    if (json) out.print(jsonHead(options));
    std::vector<double> losses;
    const auto report = [&] {
        if (json) {
            appendJsonLosses(out.buffer(), losses, run.lossCount == 0);
            out.writeIfFull();
        }
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
    // No update made (no steps, or the first diverged): the state of the start, its curvature too.
    run.finalCurvature =
        trainer.iteration() == 0 ? run.initialCurvature : curvatureIfAsked(trainer, options);
    if (std::isfinite(run.final.loss())) {
        losses.push_back(run.final.loss());
        report();
    }
    run.divergence = trainer.divergence() ? trainer.divergence() : run.final.divergence();
    if (json)
        jsonTail(options, run, [&](const std::string& text) { out.print(text); });
    else
        out.print(tableReport(options, run));
}

int run(const CliOptions& options, StdoutWriter& out) {
    core::Trainer trainer(options.session.config);
    const auto print = [&](const std::string& text) { out.print(text); };
    if (options.landscape) {
        trainer.run(options.steps);
        writeLandscapeCsv(trainer, *options.landscape, print);
    } else if (options.format == CliOptions::Format::Csv) {
        printCsv(trainer, options, out);
    } else if (options.explain) {
        // The last step worked out, or the start when there is no step.
        if (options.steps > 0) {
            trainer.run(options.steps - 1);
            explainReport(options, trainer.step(), print);
        } else {
            explainReport(options, trainer.evaluate(), print);
        }
    } else {
        printReport(trainer, options, out);
    }
    if (trainer.divergence() && (options.format == CliOptions::Format::Csv || options.landscape)) {
        out.flush();  // the rows before the sentence, where both go to one terminal
        std::fprintf(stderr, "%s\n",
                     core::divergenceSentence(trainer.topology(), int(trainer.samples().size()),
                                              *trainer.divergence())
                         .c_str());
    }

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
    StdoutWriter out;
    switch (options->action) {
        case CliOptions::Action::Help:
            out.print(options->helpText.toStdString());
            out.flush();
            return 0;
        case CliOptions::Action::Version:
            out.print(BACKPROP_VERSION "\n");
            out.flush();
            return 0;
        case CliOptions::Action::ListPresets:
            for (const session::Preset& preset : session::PresetLibrary::builtIn().presets())
                out.print(preset.name.leftJustified(11).toStdString() +
                          preset.session.description.toStdString() + "\n");
            out.flush();
            return 0;
        case CliOptions::Action::Run:
            break;
    }
    try {
        const int status = run(*options, out);
        // Output that could not be written (a full disk, a closed pipe) is a failed run.
        if (const int error = out.flush(); error != 0) {
            std::fprintf(stderr, "backprop-lab-cli: cannot write the output: %s\n",
                         std::strerror(error));
            return kCannotWrite;
        }
        return status;
    } catch (const std::invalid_argument& invalid) {
        std::fprintf(stderr, "backprop-lab-cli: %s (see --help)\n", invalid.what());
        return kBadArguments;
    }
}
