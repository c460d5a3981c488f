// backprop-lab-cli --curvature end to end: the real binary on session files written here, where
// the curvature is known in closed form (a 1-1 linear network: lambda = mean of x^2).
#include <gtest/gtest.h>

#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cmath>

#include "clirun.h"

namespace {

using testing_support::CliResult;
using testing_support::runCli;
using testing_support::runJson;

// A session file in `dir`: a 1-1 linear network (out = w x + b, w = 0.5, b = 0.1), one sample
// (x, 0.25) for each of `inputs`, the bias trained when `trainBias`. Returns its path.
QString linearSession(const QTemporaryDir& dir, const QString& inputs, bool trainBias = false,
                      const QString& weight = "0.5") {
    QString samples;
    for (const QString& x : inputs.split(','))
        samples += (samples.isEmpty() ? "" : ", ") +
                   QString("{\"input\": [%1], \"target\": [0.25]}").arg(x);
    const QString path = dir.filePath("linear.json");
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QString("{\"format\": \"backprop-lab-session\", \"version\": 1, \"layers\": [1, 1], "
                       "\"activations\": [\"linear\"], \"bias_mode\": \"shared\", "
                       "\"train_biases\": %1, \"learning_rate\": 0.1, \"weights\": [[[%2]]], "
                       "\"biases\": [0.1], \"samples\": [%3]}")
                   .arg(trainBias ? "true" : "false", weight, samples)
                   .toUtf8());
    return path;
}

TEST(CliCurvatureTest, JsonStatesCarryLambdaXSquaredAndTheStableRate) {
    QTemporaryDir dir;
    const QString session = linearSession(dir, "1.5,-2");
    const double lambda = (1.5 * 1.5 + 2.0 * 2.0) / 2;  // mean of x^2
    for (const double beta : {0.0, 0.5}) {
        const QJsonObject json = runJson({"--config", session, "--steps", "3", "--curvature",
                                          "--momentum", QString::number(beta)});
        for (const char* state : {"initial", "final"}) {
            const QJsonObject curvature = json[state]["curvature"].toObject();
            EXPECT_NEAR(curvature["lambda_max"].toDouble(), lambda, 1e-9) << state;
            EXPECT_NEAR(curvature["lambda_min"].toDouble(), lambda, 1e-9) << state;
            EXPECT_NEAR(curvature["stable_rate"].toDouble(), 2 * (1 + beta) / lambda, 1e-9)
                << state;
        }
    }
}

TEST(CliCurvatureTest, ATrainedBiasGivesTheTwoByTwoEigenvalues) {
    QTemporaryDir dir;
    // H = [[mean x^2, mean x], [mean x, 1]] = [[2.5, 1.5], [1.5, 1]]: its eigenvalues are
    // 7/4 +- sqrt((3/4)^2 + (3/2)^2).
    const QJsonObject json =
        runJson({"--config", linearSession(dir, "1,2", true), "--steps", "0", "--curvature"});
    const QJsonObject curvature = json["initial"]["curvature"].toObject();
    EXPECT_NEAR(curvature["lambda_max"].toDouble(), 1.75 + std::hypot(0.75, 1.5), 1e-9);
    EXPECT_NEAR(curvature["lambda_min"].toDouble(), 1.75 - std::hypot(0.75, 1.5), 1e-9);
}

TEST(CliCurvatureTest, NoCurvatureKeyWithoutTheFlag) {
    const QJsonObject json = runJson({"--steps", "0"});
    EXPECT_FALSE(json["initial"].toObject().contains("curvature"));
    const QJsonObject with = runJson({"--steps", "0", "--curvature"});
    EXPECT_TRUE(with["final"].toObject().contains("curvature"));
}

TEST(CliCurvatureTest, FlatLossHasNoLocalLimit) {
    QTemporaryDir dir;
    const QString session = linearSession(dir, "0");  // x = 0: E does not depend on w
    const QJsonObject json = runJson({"--config", session, "--curvature"});
    const QJsonObject curvature = json["initial"]["curvature"].toObject();
    EXPECT_EQ(curvature["lambda_max"].toDouble(), 0.0);
    EXPECT_TRUE(curvature["stable_rate"].isNull());
    const CliResult table = runCli({"--config", session, "--curvature"});
    EXPECT_TRUE(
        table.out.contains("curvature at the start: lambda_max 0, lambda_min 0, no local limit\n"))
        << table.out.toStdString();
}

TEST(CliCurvatureTest, NonFiniteStateGivesNulls) {
    QTemporaryDir dir;
    // w x = 2e308 overflows at the start.
    const QString session = linearSession(dir, "2", false, "1e308");
    const QJsonObject json = runJson({"--config", session, "--curvature"});
    for (const char* state : {"initial", "final"})
        for (const char* key : {"lambda_max", "lambda_min", "stable_rate"})
            EXPECT_TRUE(json[state]["curvature"][QString(key)].isNull()) << state << " " << key;
    EXPECT_TRUE(runCli({"--config", session, "--curvature"})
                    .out.contains("curvature at the start: none, a value near this state is "
                                  "infinite or NaN\n"));
}

TEST(CliCurvatureTest, TableHasALineForTheStartAndTheEnd) {
    QTemporaryDir dir;
    const CliResult result =
        runCli({"--config", linearSession(dir, "1.5,-2"), "--steps", "2", "--curvature"});
    ASSERT_EQ(result.exitCode, 0);
    // lambda = 3.125, 2 / lambda = 0.64.
    for (const char* where : {"start", "end"})
        EXPECT_TRUE(result.out.contains(QString("curvature at the %1: lambda_max 3.125, "
                                                "lambda_min 3.125, stable below 0.64\n")
                                            .arg(where)))
            << result.out.toStdString();
}

TEST(CliCurvatureTest, CsvAndExplainAreRefused) {
    const QList<QStringList> bad = {{"--curvature", "--format", "csv"},
                                    {"--curvature", "--explain"}};
    for (const QStringList& arguments : bad) {
        const CliResult result = runCli(arguments);
        const std::string shown = arguments.join(' ').toStdString();
        EXPECT_EQ(result.exitCode, 2) << shown;
        EXPECT_TRUE(result.out.isEmpty()) << shown;
        EXPECT_TRUE(result.err.startsWith("backprop-lab-cli: --curvature reports states; "))
            << result.err.toStdString();
        EXPECT_EQ(result.err.count('\n'), 1) << shown;
    }
}

}  // namespace
