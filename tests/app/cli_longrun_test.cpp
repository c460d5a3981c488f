// backprop-lab-cli on long runs, which it trains in chunks and streams: its losses are the
// trainer's across chunks, its table samples the whole run, and its memory stays bounded.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>
#include <string>
#include <vector>

#include "clirun.h"
#include "core/markup.h"
#include "core/trainer.h"
#include "ui/session/presetlibrary.h"

namespace {

using Result = testing_support::CliResult;
using testing_support::runCli;
using testing_support::runJson;

// The losses E_0 .. E_N of `steps` updates of a preset, from the trainer in one call: the oracle
// for a CLI that trains in chunks.
std::vector<double> trainerLosses(const QString& preset, long long steps) {
    core::Trainer trainer(session::PresetLibrary::builtIn().find(preset)->session.config);
    std::vector<double> losses;
    trainer.run(steps, &losses);
    const double last = trainer.evaluate().loss();
    if (std::isfinite(last)) losses.push_back(last);
    return losses;
}

// The CLI writes its losses 65536 at a time: runs that end on a chunk's end and past it.
TEST(CliLongRunTest, JsonLossesAreTheTrainersAcrossChunks) {
    const QList<std::pair<QString, long long>> runs = {
        {"mazur", 65536}, {"mazur", 131075}, {"diverge", 100}, {"xor", 3}};
    for (const auto& [preset, steps] : runs) {
        const QString shown = preset + " " + QString::number(steps);
        const QJsonObject json = runJson({"--preset", preset, "--steps", QString::number(steps)});
        const QJsonArray loss = json["loss"].toArray();
        const std::vector<double> expected = trainerLosses(preset, steps);
        ASSERT_EQ(loss.size(), qsizetype(expected.size())) << shown.toStdString();
        for (std::size_t k = 0; k < expected.size(); ++k)
            ASSERT_EQ(loss[qsizetype(k)].toDouble(), expected[k])
                << shown.toStdString() << " E_" << k;
        EXPECT_EQ(json["steps"].toInteger(), steps);
        EXPECT_TRUE(json.contains("final"));
    }
}

// The rows below "step  loss" of a table: step number and the loss as printed.
QList<std::pair<long long, QString>> lossRows(const QString& table) {
    QList<std::pair<long long, QString>> rows;
    const QStringList lines = table.split('\n', Qt::SkipEmptyParts);
    for (qsizetype i = lines.indexOf(QRegularExpression(" +step +loss")) + 1;
         i > 0 && i < lines.size(); ++i) {
        const QStringList fields = lines[i].split(' ', Qt::SkipEmptyParts);
        rows.append({fields.value(0).toLongLong(), fields.value(1)});
    }
    return rows;
}

// The table shows E_k for k = 0, 1, 2, 5, 10, 20, 50, .. and the last loss, also when training
// stops early (diverge holds at iteration 7: its losses are E_0 .. E_6).
TEST(CliLongRunTest, TableShowsTheSampledStepsOfTheWholeRun) {
    struct Case {
        QString preset;
        long long steps;
        QList<long long> shown;
    };
    const QList<Case> cases = {
        {"mazur", 0, {0}},
        {"mazur", 1, {0, 1}},
        {"mazur", 30, {0, 1, 2, 5, 10, 20, 30}},
        {"mazur", 1000, {0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000}},
        {"mazur",
         131075,
         {0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000,
          131075}},
        {"diverge", 100, {0, 1, 2, 5, 6}},
        {"diverge", 6, {0, 1, 2, 5, 6}},
    };
    for (const Case& c : cases) {
        const std::string shown = (c.preset + " " + QString::number(c.steps)).toStdString();
        const Result result = runCli({"--preset", c.preset, "--steps", QString::number(c.steps)});
        ASSERT_EQ(result.exitCode, 0) << shown;
        const std::vector<double> losses = trainerLosses(c.preset, c.steps);
        const QList<std::pair<long long, QString>> rows = lossRows(result.out);
        ASSERT_EQ(rows.size(), c.shown.size()) << shown << "\n" << result.out.toStdString();
        for (qsizetype r = 0; r < rows.size(); ++r) {
            EXPECT_EQ(rows[r].first, c.shown[r]) << shown;
            EXPECT_EQ(rows[r].second.toStdString(),
                      core::formatNumber(losses[std::size_t(c.shown[r])], 9))
                << shown << " E_" << c.shown[r];
        }
        const std::string summary = " -> " + core::formatNumber(losses.back(), 9) + "\n";
        EXPECT_TRUE(result.out.toStdString().find(summary) != std::string::npos) << shown;
    }
}

// A formatting regression guard: the whole table of a run that stops early, as the CLI printed it
// before it trained in chunks (captured from that binary, not derived independently).
TEST(CliLongRunTest, TableOfADivergingRunIsUnchanged) {
    const char* expected =
        R"(Backprop Lab: preset diverge, layers 2-2-2 (linear, linear), shared biases (frozen), learning rate 1.2
100 steps: loss 0.916325 -> 1.28323335e+230
The step from iteration 7 blew up: net_o1 became inf. Training holds at iteration 7, the last finite state.

parameter           before     dE/dp before            after
w1                    0.15           0.7375 -4.65119169e+172
w2                     0.2           0.7375 -4.65119169e+172
w3                    0.25            0.824 -4.17043034e+172
w4                     0.3            0.824 -4.17043034e+172
w5                     0.4           0.8925 -5.16992118e+172
w6                    0.45           1.1475 -7.74367912e+172
w7                     0.5           0.3185  1.66963766e+172
w8                    0.55           0.4095  2.50083857e+172
b1                    0.35           1.5615             0.35  (frozen)
b2                     0.6             1.73              0.6  (frozen)

      step             loss
         0         0.916325
         1       2.82863828
         2        133.10352
         5   1.56971289e+76
         6  1.28323335e+230
)";
    const Result result = runCli({"--preset", "diverge", "--steps", "100"});
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_EQ(result.out.toStdString(), expected);
}

// Peak resident memory of one run of the CLI in kB, its output thrown away; -1 unless it exits
// with code 0. wait4 reports the peak of that child alone.
long peakKilobytes(const QStringList& arguments) {
    std::vector<std::string> strings{CLI_PATH};
    for (const QString& argument : arguments)
        strings.push_back(argument.toStdString());
    std::vector<char*> argv;
    for (std::string& text : strings)
        argv.push_back(text.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, CLI_PATH, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) return -1;
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return -1;
    return usage.ru_maxrss;
}

// Whether a run of the CLI stays within a fixed memory budget, some 20 MB above what the program
// itself takes (12 MB). Each run below is long enough that keeping every loss, or the text of
// every loss or row, would pass it: before the CLI streamed, the table's run peaked at 80 MB and
// the JSON's at 96 MB; the CSV's rows are 28 MB of text.
void expectBoundedMemory(const QStringList& arguments) {
#if defined(__SANITIZE_ADDRESS__)
    GTEST_SKIP() << "AddressSanitizer's quarantine keeps freed memory resident";
#endif
    const long budgetKilobytes = 32 * 1024;
    const long peak = peakKilobytes(arguments);
    EXPECT_GT(peak, 0) << arguments.join(' ').toStdString();
    EXPECT_LT(peak, budgetKilobytes) << arguments.join(' ').toStdString();
}

TEST(CliLongRunTest, TableOfALongRunStaysInBoundedMemory) {
    expectBoundedMemory({"--steps", "5000000"});
}

TEST(CliLongRunTest, JsonOfALongRunStaysInBoundedMemory) {
    expectBoundedMemory({"--steps", "1000000", "--format", "json"});
}

TEST(CliLongRunTest, CsvOfALongRunStaysInBoundedMemory) {
    expectBoundedMemory({"--steps", "120000", "--format", "csv"});
}

}  // namespace
