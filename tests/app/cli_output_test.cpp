// backprop-lab-cli's output, written from its buffer in large pieces: the CSV is the trainer's
// numbers as printf "%.17g" writes them, byte for byte, and a failed write still fails the run.
#include <gtest/gtest.h>

#include <QFile>
#include <QProcess>

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "core/trainer.h"
#include "ui/session/presetlibrary.h"

namespace {

struct Result {
    int exitCode = -1;
    std::string out;
    std::string err;
};

// Runs the CLI with `arguments`, its output to `outputFile` when one is given.
Result runCli(const QStringList& arguments, const QString& outputFile = {}) {
    QProcess process;
    if (!outputFile.isEmpty()) process.setStandardOutputFile(outputFile);
    process.start(CLI_PATH, arguments);
    EXPECT_TRUE(process.waitForFinished(60000));
    return {process.exitCode(), process.readAllStandardOutput().toStdString(),
            process.readAllStandardError().toStdString()};
}

// The oracle's numbers: printf's "%.17g".
std::string printfNumber(double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
    return buffer;
}

// The CSV of `steps` updates of a preset, from the trainer one step at a time: the header, then
// for each state its step, learning rate, loss, weights and biases, as the README documents.
std::string expectedCsv(const QString& preset, long long steps) {
    core::Trainer trainer(session::PresetLibrary::builtIn().find(preset)->session.config);
    const core::Topology& topology = trainer.topology();
    std::string csv = "step,learning_rate,loss";
    for (int w = 0; w < topology.weightCount(); ++w)
        csv += "," + topology.weightName(w);
    for (int b = 0; b < topology.biasCount(); ++b)
        csv += "," + topology.biasName(b);
    csv += "\n";
    const auto row = [&](long long step, double loss, const core::Parameters& parameters) {
        csv += std::to_string(step) + "," + printfNumber(trainer.learningRate()) + "," +
               printfNumber(loss);
        for (const double w : parameters.weights)
            csv += "," + printfNumber(w);
        for (const double b : parameters.biases)
            csv += "," + printfNumber(b);
        csv += "\n";
    };
    for (long long step = 0;; ++step) {
        const core::Parameters parameters = trainer.parameters();
        std::vector<double> loss;
        if (step == steps || trainer.run(1, &loss) == 0) {
            const double last = trainer.evaluate().loss();
            if (std::isfinite(last)) row(step, last, parameters);
            return csv;
        }
        row(step, loss.front(), parameters);
    }
}

// 400 rows of 2-2-2 are some 90 KB, more than one of the CLI's 64 KiB pieces; diverge stops
// early (and says so on stderr); xor has other names and sizes.
TEST(CliOutputTest, CsvIsTheTrainersNumbersAtSeventeenDigits) {
    const QList<std::pair<QString, long long>> runs = {
        {"mazur", 400}, {"mazur", 0}, {"diverge", 100}, {"xor", 50}};
    for (const auto& [preset, steps] : runs) {
        SCOPED_TRACE(preset.toStdString() + " " + std::to_string(steps));
        const Result result =
            runCli({"--preset", preset, "--steps", QString::number(steps), "--format", "csv"});
        EXPECT_EQ(result.exitCode, 0) << result.err;
        EXPECT_EQ(result.out, expectedCsv(preset, steps));
    }
}

// A write that fails in the middle of a long run (several pieces, each written as it fills),
// not only at the end, still makes the run fail with one line and the write's own error.
TEST(CliOutputTest, LongOutputThatCannotBeWrittenFails) {
    if (!QFile::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
    for (const char* format : {"csv", "json"}) {
        SCOPED_TRACE(format);
        const Result result = runCli({"--steps", "20000", "--format", format}, "/dev/full");
        EXPECT_EQ(result.exitCode, 1);
        EXPECT_EQ(result.err,
                  "backprop-lab-cli: cannot write the output: No space left on device\n");
    }
}

}  // namespace
