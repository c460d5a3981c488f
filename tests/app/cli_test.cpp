// backprop-lab-cli end to end: the real binary, its output and its exit codes: the worked
// example in each format, overrides, a saved session, and the arguments it takes and refuses.
#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <cmath>
#include <string>

#include "../core/workedexample.h"
#include "clirun.h"
#include "core/activation.h"
#include "core/markup.h"

namespace {

using Result = testing_support::CliResult;
using testing_support::expectPublished;
using testing_support::runCli;
using testing_support::runJson;

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

// Momentum's first step starts from v = 0, so it is the article's plain step; the second adds
// 0.9 times the first gradient to the second.
TEST(CliTest, MomentumIsAppliedAndReported) {
    const QJsonObject one = runJson({"--momentum", "0.9", "--steps", "1"});
    EXPECT_EQ(one["momentum"].toDouble(), 0.9);
    testing_support::expectPublished(one["final"]["weights"]["w5"].toDouble(), "0.35891648");
    const QJsonObject plain = runJson({"--steps", "2"});
    EXPECT_FALSE(plain.contains("momentum"));
    const QJsonObject two = runJson({"--momentum", "0.9", "--steps", "2"});
    const double gradient1 = one["initial"]["gradients"]["w5"].toDouble();
    const double gradient2 = one["final"]["gradients"]["w5"].toDouble();
    const double w5 = one["final"]["weights"]["w5"].toDouble();
    EXPECT_NEAR(two["final"]["weights"]["w5"].toDouble(), w5 - 0.5 * (0.9 * gradient1 + gradient2),
                1e-15);
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
        {"--momentum", "1"},
        {"--momentum", "-0.1"},
        {"--momentum", "nan"},
        {"--momentum", "fast"},
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

}  // namespace
