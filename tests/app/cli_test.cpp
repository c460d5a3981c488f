// backprop-lab-cli end to end: the real binary, its output and its exit codes.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <cmath>
#include <string>
#include <vector>

#include "../core/workedexample.h"
#include "core/activation.h"
#include "core/markup.h"
#include "core/trainer.h"
#include "ui/session/presetlibrary.h"

namespace {

using testing_support::expectPublished;

struct Result {
    int exitCode = -1;
    QString out;
    QString err;
};

Result runCli(const QStringList& arguments) {
    QProcess process;
    process.start(CLI_PATH, arguments);
    EXPECT_TRUE(process.waitForFinished(60000));
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QJsonObject runJson(const QStringList& arguments) {
    const Result result = runCli(QStringList{"--format", "json"} + arguments);
    EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(result.out.toUtf8(), &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << result.out.toStdString();
    return document.object();
}

TEST(CliTest, JsonOfTheWorkedExample) {
    const QJsonObject json = runJson({});
    EXPECT_EQ(json["preset"].toString(), "mazur");
    EXPECT_EQ(json["layers"].toArray(), (QJsonArray{2, 2, 2}));
    EXPECT_EQ(json["activations"].toArray(), (QJsonArray{"sigmoid", "sigmoid"}));
    EXPECT_EQ(json["bias_mode"].toString(), "shared");
    EXPECT_FALSE(json["train_biases"].toBool());
    EXPECT_EQ(json["learning_rate"].toDouble(), 0.5);
    EXPECT_EQ(json["steps"].toInt(), 1);
    EXPECT_FALSE(json["diverged"].toBool());
    const QJsonArray loss = json["loss"].toArray();
    ASSERT_EQ(loss.size(), 2);
    expectPublished(loss[0].toDouble(), "0.298371109");
    expectPublished(loss[1].toDouble(), "0.291027774");

    const QJsonObject initial = json["initial"].toObject();
    expectPublished(initial["loss"].toDouble(), "0.298371109");
    EXPECT_EQ(initial["weights"].toObject()["w1"].toDouble(), 0.15);
    EXPECT_EQ(initial["biases"].toObject()["b2"].toDouble(), 0.60);
    expectPublished(initial["gradients"].toObject()["w5"].toDouble(), "0.082167041");
    expectPublished(initial["gradients"].toObject()["w1"].toDouble(), "0.000438568");
    const QJsonObject sample = initial["samples"].toArray()[0].toObject();
    EXPECT_EQ(sample["input"].toArray(), (QJsonArray{0.05, 0.10}));
    const QJsonObject nodes = sample["nodes"].toObject();
    expectPublished(nodes["h1"].toObject()["net"].toDouble(), "0.3775");
    expectPublished(nodes["h1"].toObject()["out"].toDouble(), "0.593269992");
    expectPublished(nodes["h1"].toObject()["dE_dout"].toDouble(), "0.036350306");
    expectPublished(nodes["h1"].toObject()["dout_dnet"].toDouble(), "0.241300709");
    expectPublished(nodes["o1"].toObject()["dE_dout"].toDouble(), "0.74136507");
    expectPublished(nodes["o1"].toObject()["dout_dnet"].toDouble(), "0.186815602");
    expectPublished(nodes["o1"].toObject()["delta"].toDouble(), "0.138498562");
    EXPECT_FALSE(nodes.contains("i1"));

    const QJsonObject finalWeights = json["final"].toObject()["weights"].toObject();
    const char* published[] = {"0.149780716", "0.19956143",  "0.24975114",  "0.29950229",
                               "0.35891648",  "0.408666186", "0.511301270", "0.561370121"};
    for (int w = 0; w < 8; ++w)
        expectPublished(finalWeights[QString("w%1").arg(w + 1)].toDouble(), published[w]);
}

TEST(CliTest, JsonNumbersHaveSeventeenSignificantDigits) {
    const Result result = runCli({"--format", "json"});
    EXPECT_TRUE(result.out.contains("\"w1\": 0.14999999999999999")) << result.out.toStdString();
    EXPECT_TRUE(result.out.contains("\"learning_rate\": 0.5"));
}

TEST(CliTest, ZeroStepsGiveOneLossAndNoChange) {
    const QJsonObject json = runJson({"--steps", "0"});
    EXPECT_EQ(json["loss"].toArray().size(), 1);
    EXPECT_EQ(json["initial"].toObject(), json["final"].toObject());
}

TEST(CliTest, DivergenceIsReportedAndTheLossStaysFinite) {
    const QJsonObject json = runJson({"--preset", "diverge", "--steps", "100"});
    EXPECT_TRUE(json["diverged"].toBool());
    const QJsonObject at = json["diverged_at"].toObject();
    EXPECT_GT(at["step"].toInt(), 1);
    EXPECT_LT(at["step"].toInt(), 100);
    EXPECT_FALSE(at["quantity"].toString().isEmpty());
    EXPECT_TRUE(at["value"].toString() == "inf" || at["value"].toString() == "-inf" ||
                at["value"].toString() == "nan");
    const QJsonArray loss = json["loss"].toArray();
    EXPECT_LE(loss.size(), at["step"].toInt());
    for (const QJsonValue& value : loss)
        EXPECT_TRUE(value.isDouble());
    EXPECT_GT(loss.last().toDouble(), 1e10 * loss.first().toDouble());
}

TEST(CliTest, OverridesApply) {
    const QJsonObject json = runJson({"--lr", "2", "--steps", "3", "--hidden-activation", "tanh",
                                      "--output-activation", "linear", "--train-biases"});
    EXPECT_EQ(json["learning_rate"].toDouble(), 2.0);
    EXPECT_EQ(json["activations"].toArray(), (QJsonArray{"tanh", "linear"}));
    EXPECT_TRUE(json["train_biases"].toBool());
    EXPECT_EQ(json["loss"].toArray().size(), 4);
    // With tanh hidden nodes, out_h1 = tanh(0.3775) (computed by hand).
    const QJsonObject h1 = json["initial"]["samples"][0]["nodes"]["h1"].toObject();
    EXPECT_NEAR(h1["out"].toDouble(), std::tanh(0.3775), 1e-15);
    EXPECT_NE(json["final"]["biases"]["b1"].toDouble(), 0.35);
}

TEST(CliTest, CsvHasOneRowPerState) {
    const Result result = runCli({"--format", "csv", "--steps", "5"});
    ASSERT_EQ(result.exitCode, 0);
    const QStringList lines = result.out.trimmed().split('\n');
    ASSERT_EQ(lines.size(), 7);
    EXPECT_EQ(lines[0], "step,learning_rate,loss,w1,w2,w3,w4,w5,w6,w7,w8,b1,b2");
    const QStringList second = lines[2].split(',');
    EXPECT_EQ(second[0], "1");
    expectPublished(second[2].toDouble(), "0.291027774");
    expectPublished(second[7].toDouble(), "0.35891648");
}

TEST(CliTest, TableAndExplanationShowTheWorkedExample) {
    const Result table = runCli({});
    EXPECT_EQ(table.exitCode, 0);
    EXPECT_TRUE(table.out.contains("0.298371109 -> 0.291027774")) << table.out.toStdString();
    const Result explain = runCli({"--explain"});
    EXPECT_EQ(explain.exitCode, 0);
    EXPECT_TRUE(
        explain.out.contains("dE_total/dw5 = dE_total/dout_o1 * dout_o1/dnet_o1 * dnet_o1/dw5 = "
                             "0.74136507 * 0.186815602 * 0.593269992 = 0.0821670406"))
        << explain.out.toStdString();
    EXPECT_TRUE(
        explain.out.contains("w5+ = w5 - lr * dE_total/dw5 = 0.4 - 0.5 * 0.0821670406 "
                             "= 0.35891648"));
    EXPECT_EQ(runCli({"--list-presets"}).exitCode, 0);
}

TEST(CliTest, SavedSessionContinuesExactly) {
    QTemporaryDir dir;
    const QString path = dir.filePath("after-one-step.json");
    ASSERT_EQ(runCli({"--save", path}).exitCode, 0);
    const QJsonObject continued = runJson({"--config", path});
    const QJsonObject direct = runJson({"--steps", "2"});
    EXPECT_EQ(continued["final"].toObject()["weights"], direct["final"].toObject()["weights"]);
    EXPECT_TRUE(continued["preset"].isNull());
}

TEST(CliTest, BadArgumentsGetOneLineAndExitCodeTwo) {
    const QString malformed = QString(TEST_DATA_DIR) + "/malformed/weight-string.json";
    const QList<QStringList> bad = {
        {"--lr", "abc"},
        {"--lr", "0"},
        {"--lr", "-1"},
        {"--lr", "inf"},
        {"--lr", "nan"},
        {"--lr", "2e6"},
        {"--steps", "-1"},
        {"--steps", "1.5"},
        {"--steps", "many"},
        {"--format", "xml"},
        {"--preset", "nope"},
        {"--preset", "mazur", "--config", malformed},
        {"--config", malformed},
        {"--config", "/nonexistent/session.json"},
        {"--hidden-activation", "softmax"},
        {"--output-activation", ""},
        {"--train-biases", "--freeze-biases"},
        {"--explain", "--format", "json"},
        {"--digits", "0"},
        {"--lr", "1", "--lr", "2"},
        {"--foo"},
        {"stray"},
        {"--steps"},
    };
    for (const QStringList& arguments : bad) {
        const Result result = runCli(arguments);
        const std::string shown = arguments.join(' ').toStdString();
        EXPECT_EQ(result.exitCode, 2) << shown;
        EXPECT_TRUE(result.out.isEmpty()) << shown;
        EXPECT_TRUE(result.err.startsWith("backprop-lab-cli: ")) << shown;
        EXPECT_EQ(result.err.count('\n'), 1) << shown << ": " << result.err.toStdString();
    }
    const Result field = runCli({"--config", malformed});
    EXPECT_TRUE(field.err.contains("weights[1][0][1]: expected a number, got a string"));
}

QStringList tableNames() {
    QStringList names;
    for (const core::ActivationInfo& info : core::kActivations)
        names.append(QString::fromUtf8(info.name.data(), info.name.size()));
    return names;
}

// The names of an "a, b or c" list that starts after `before` and ends at `end`.
QStringList listedNames(const QString& text, const QString& before, QChar end) {
    const qsizetype start = text.indexOf(before);
    if (start < 0) return {};
    const QString rest = text.mid(start + before.size());
    return rest.left(rest.indexOf(end)).split(QRegularExpression(", | or "));
}

TEST(CliTest, HelpNamesEveryActivationOfTheTable) {
    const Result result = runCli({"--help"});
    ASSERT_EQ(result.exitCode, 0);
    const QString help = result.out.simplified();
    EXPECT_EQ(listedNames(help, "Activation of the hidden layers: ", '.'), tableNames())
        << help.toStdString();
}

TEST(CliTest, UnknownActivationListsExactlyTheActivationsOfTheTable) {
    const Result result = runCli({"--hidden-activation", "softmax"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains("--hidden-activation: unknown activation \"softmax\""))
        << result.err.toStdString();
    EXPECT_EQ(listedNames(result.err, "(expected ", ')'), tableNames()) << result.err.toStdString();
    for (const QString& name : tableNames())
        EXPECT_EQ(runCli({"--steps", "0", "--hidden-activation", name}).exitCode, 0)
            << name.toStdString();
}

TEST(CliTest, DigitsRangeIsTheCoresRange) {
    const int min = core::DigitsRange::min;
    const int max = core::DigitsRange::max;
    for (int digits : {min, max})
        EXPECT_EQ(runCli({"--digits", QString::number(digits)}).exitCode, 0) << digits;
    for (int digits : {min - 1, max + 1}) {
        const Result result = runCli({"--digits", QString::number(digits)});
        EXPECT_EQ(result.exitCode, 2) << digits;
        EXPECT_TRUE(result.err.contains(
            QString("--digits: expected a whole number from %1 to %2, got \"%3\"")
                .arg(min)
                .arg(max)
                .arg(digits)))
            << result.err.toStdString();
    }
    EXPECT_TRUE(runCli({"--help"})
                    .out.simplified()
                    .contains(QString("(%1 to %2, default %3)")
                                  .arg(min)
                                  .arg(max)
                                  .arg(core::DigitsRange::workedExample)));
}

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
TEST(CliTest, JsonLossesAreTheTrainersAcrossChunks) {
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
TEST(CliTest, TableShowsTheSampledStepsOfTheWholeRun) {
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
TEST(CliTest, TableOfADivergingRunIsUnchanged) {
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

TEST(CliTest, TableOfALongRunStaysInBoundedMemory) {
    expectBoundedMemory({"--steps", "5000000"});
}

TEST(CliTest, JsonOfALongRunStaysInBoundedMemory) {
    expectBoundedMemory({"--steps", "1000000", "--format", "json"});
}

TEST(CliTest, CsvOfALongRunStaysInBoundedMemory) {
    expectBoundedMemory({"--steps", "120000", "--format", "csv"});
}

}  // namespace
