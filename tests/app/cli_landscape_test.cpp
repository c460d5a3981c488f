// backprop-lab-cli --landscape end to end: the real binary's CSV (header, rows, order, values
// against the worked example computed here) and every argument it refuses.
#include <gtest/gtest.h>

#include <QJsonObject>
#include <QProcess>
#include <QStringList>

#include <cmath>

#include "../core/workedexample.h"
#include "clirun.h"

namespace {

using Result = testing_support::CliResult;
using testing_support::runCli;
using testing_support::runJson;

double sigmoid(double net) {
    return 1.0 / (1.0 + std::exp(-net));
}

// The worked example's loss (2-2-2 sigmoid, input (0.05, 0.10), targets (0.01, 0.99), shared
// biases b1 = 0.35, b2 = 0.60) with w5 and b2 set as given, the rest as Mazur starts.
double workedLoss(double w5, double b2) {
    const double h1 = sigmoid(0.15 * 0.05 + 0.20 * 0.10 + 0.35);
    const double h2 = sigmoid(0.25 * 0.05 + 0.30 * 0.10 + 0.35);
    const double o1 = sigmoid(w5 * h1 + 0.45 * h2 + b2);
    const double o2 = sigmoid(0.50 * h1 + 0.55 * h2 + b2);
    return 0.5 * (0.01 - o1) * (0.01 - o1) + 0.5 * (0.99 - o2) * (0.99 - o2);
}

// The exit code of the CLI run with `arguments`, its output thrown away.
int exitCodeOf(const QStringList& arguments) {
    QProcess process;
    process.setStandardOutputFile(QProcess::nullDevice());
    process.start(CLI_PATH, arguments);
    EXPECT_TRUE(process.waitForFinished(60000));
    return process.exitCode();
}

// The CSV's lines, without the empty one after the last line end.
QStringList lines(const Result& result) {
    QStringList all = result.out.split('\n');
    if (!all.isEmpty() && all.back().isEmpty()) all.removeLast();
    return all;
}

TEST(CliLandscapeTest, HeaderRowsAndOrderOfTheWorkedExample) {
    const Result result =
        runCli({"--landscape", "w5,b2", "--steps", "0", "--span", "0.5", "--grid", "5"});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.err.isEmpty());
    const QStringList rows = lines(result);
    ASSERT_EQ(rows.size(), 1 + 25);
    EXPECT_EQ(rows[0], "w5,b2,loss");
    const double offsets[] = {-0.5, -0.25, 0.0, 0.25, 0.5};
    for (int i = 0; i < 5; ++i)
        for (int j = 0; j < 5; ++j) {
            const QStringList fields = rows[1 + i * 5 + j].split(',');
            ASSERT_EQ(fields.size(), 3);
            // w5 in the outer loop, b2 in the inner, each at p + S (2k / (N - 1) - 1).
            const double w5 = 0.40 + offsets[i], b2 = 0.60 + offsets[j];
            EXPECT_EQ(fields[0].toDouble(), w5) << i << "," << j;
            EXPECT_EQ(fields[1].toDouble(), b2) << i << "," << j;
            EXPECT_NEAR(fields[2].toDouble(), workedLoss(w5, b2), 1e-15) << i << "," << j;
        }
    // The centre is the start itself: the published loss.
    EXPECT_EQ(rows[13], "0.40000000000000002,0.59999999999999998,0.29837110876000272");
    testing_support::expectPublished(rows[13].split(',')[2].toDouble(), "0.298371109");
}

TEST(CliLandscapeTest, DefaultsAreSpanOneAndGrid101AroundTheTrainedState) {
    const QJsonObject final = runJson({"--steps", "3"})["final"].toObject();
    const double w1 = final["weights"].toObject()["w1"].toDouble();
    const double w2 = final["weights"].toObject()["w2"].toDouble();
    const Result result = runCli({"--landscape", "w1,w2", "--steps", "3"});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QStringList rows = lines(result);
    ASSERT_EQ(rows.size(), 1 + 101 * 101);
    EXPECT_EQ(rows[0], "w1,w2,loss");
    const QStringList first = rows[1].split(',');
    EXPECT_EQ(first[0].toDouble(), w1 - 1.0);
    EXPECT_EQ(first[1].toDouble(), w2 - 1.0);
    const QStringList last = rows.back().split(',');
    EXPECT_EQ(last[0].toDouble(), w1 + 1.0);
    EXPECT_EQ(last[1].toDouble(), w2 + 1.0);
    // The centre, row 50 x 101 + 50, is the trained state: its loss to the last bit.
    const QStringList centre = rows[1 + 50 * 101 + 50].split(',');
    EXPECT_EQ(centre[0].toDouble(), w1);
    EXPECT_EQ(centre[1].toDouble(), w2);
    EXPECT_EQ(centre[2].toDouble(), final["loss"].toDouble());
}

TEST(CliLandscapeTest, AnyWeightOrBiasFrozenOrNot) {
    // The worked example's biases are frozen; xor names a bias per node.
    const Result frozen = runCli({"--landscape", "b1,b2", "--grid", "2"});
    ASSERT_EQ(frozen.exitCode, 0) << frozen.err.toStdString();
    EXPECT_EQ(lines(frozen).size(), 1 + 4);
    const Result perNode = runCli({"--preset", "xor", "--landscape", "b_o2,w3", "--grid", "3"});
    ASSERT_EQ(perNode.exitCode, 0) << perNode.err.toStdString();
    EXPECT_EQ(lines(perNode).front(), "b_o2,w3,loss");
    EXPECT_EQ(lines(perNode).size(), 1 + 9);
}

TEST(CliLandscapeTest, BadArgumentsGetOneLineAndExitCodeTwo) {
    const QList<QStringList> bad = {
        {"--landscape", "w5"},
        {"--landscape", "w5,b2,w1"},
        {"--landscape", "w5,"},
        {"--landscape", ""},
        {"--landscape", "w5,w5"},
        {"--landscape", "w9,b2"},
        {"--landscape", "w5,b3"},
        {"--landscape", "w5, b2"},
        {"--landscape", "W5,b2"},
        {"--landscape", "w5,b2", "--span", "0"},
        {"--landscape", "w5,b2", "--span", "-1"},
        {"--landscape", "w5,b2", "--span", "inf"},
        {"--landscape", "w5,b2", "--span", "nan"},
        {"--landscape", "w5,b2", "--span", "2e6"},
        {"--landscape", "w5,b2", "--span", "wide"},
        {"--landscape", "w5,b2", "--grid", "1"},
        {"--landscape", "w5,b2", "--grid", "402"},
        {"--landscape", "w5,b2", "--grid", "10.5"},
        {"--landscape", "w5,b2", "--grid", "many"},
        {"--landscape", "w5,b2", "--grid", "5", "--grid", "7"},
        {"--span", "1"},
        {"--grid", "11"},
        {"--landscape", "w5,b2", "--format", "json"},
        {"--landscape", "w5,b2", "--format", "csv"},
        {"--landscape", "w5,b2", "--explain"},
        {"--landscape", "w5,b2", "--curvature"},
        {"--landscape"},
    };
    for (const QStringList& arguments : bad) {
        const Result result = runCli(arguments);
        const std::string shown = arguments.join(' ').toStdString();
        EXPECT_EQ(result.exitCode, 2) << shown;
        EXPECT_TRUE(result.out.isEmpty()) << shown;
        EXPECT_TRUE(result.err.startsWith("backprop-lab-cli: ")) << shown;
        EXPECT_EQ(result.err.count('\n'), 1) << shown << ": " << result.err.toStdString();
    }
    EXPECT_TRUE(
        runCli({"--landscape", "w9,b2"})
            .err.contains("unknown parameter \"w9\" (this network has w1 to w8, b1 to b2)"));
    // The largest grid and span are taken (their 10 MB of rows thrown away, not read in here).
    EXPECT_EQ(exitCodeOf({"--landscape", "w5,b2", "--grid", "401", "--span", "1e6"}), 0);
}

TEST(CliLandscapeTest, ADivergedRunMapsItsLastFiniteStateAndSaysSo) {
    const Result result = runCli({"--preset", "diverge", "--steps", "100", "--landscape", "w1,w2",
                                  "--grid", "3", "--span", "1e6"});
    ASSERT_EQ(result.exitCode, 0);
    const QStringList rows = lines(result);
    ASSERT_EQ(rows.size(), 1 + 9);
    // The held state's weights are so large (about 1e172) that its nets overflow: the losses
    // are written as they are.
    for (int row = 1; row <= 9; ++row)
        EXPECT_TRUE(rows[row].endsWith(",inf")) << rows[row].toStdString();
    EXPECT_TRUE(result.err.contains("blew up")) << result.err.toStdString();
    EXPECT_EQ(result.err.count('\n'), 1) << result.err.toStdString();
}

}  // namespace
