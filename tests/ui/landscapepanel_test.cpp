// The loss landscape panel: its values against a forward pass written here, the default plane
// (the two weights whose |dE/dw| a central difference of that forward pass finds largest), a
// plane the user picks, the path against a trainer stepped by hand, a stale map never drawn, and
// the Hessian's plane.
#include "ui/landscapepanel.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QLabel>
#include <QSignalSpy>
#include <algorithm>
#include <cmath>
#include <numeric>

#include "../core/workedexample.h"
#include "core/trainer.h"
#include "handforward.h"
#include "ui/session/presetlibrary.h"
#include "ui/trainingcontroller.h"

namespace {

using testing_support::forwardByHand;

const session::Session& preset(const char* name) {
    return session::PresetLibrary::builtIn().find(name)->session;
}

session::Session workedExampleSession() {
    session::Session session;
    session.config = testing_support::workedExample();
    return session;
}

// E by hand: the mean over the samples of the sum of 1/2 (target - out)^2.
double lossByHand(const core::NetworkConfig& config, const core::Parameters& parameters) {
    const core::Topology topology(config.layers, config.activations, config.biasMode);
    double total = 0.0;
    for (const core::Sample& sample : config.samples) {
        const std::vector<double> out = forwardByHand(topology, parameters, sample.input);
        for (std::size_t o = 0; o < out.size(); ++o)
            total += 0.5 * (sample.target[o] - out[o]) * (sample.target[o] - out[o]);
    }
    return total / double(config.samples.size());
}

// A panel shown on `model`, with everything computed.
struct Shown {
    explicit Shown(ui::TrainingController& model) : panel(&model) {
        panel.resize(500, 400);
        panel.show();
        EXPECT_TRUE(panel.waitUntilIdle());
    }
    ui::LandscapePanel panel;
};

TEST(LandscapePanelTest, ValuesAreTheForwardPassWithW5AndW6Moved) {
    ui::TrainingController model;
    model.load(workedExampleSession(), "worked example");
    Shown shown(model);
    shown.panel.controls()->choose(4, 5);  // w5 across, w6 up
    ASSERT_TRUE(shown.panel.waitUntilIdle());
    const auto& landscape = shown.panel.landscape();
    ASSERT_TRUE(landscape);
    EXPECT_EQ(landscape->plane().axes(), std::pair(4, 5));
    const core::Parameters origin = model.snapshot().parametersBefore();
    EXPECT_EQ(landscape->plane().origin(), origin);
    EXPECT_DOUBLE_EQ(origin.weights[4], 0.40);
    const core::LandscapeGrid& grid = landscape->grid();
    EXPECT_EQ(grid.size, 101);
    for (const auto& [row, column] : {std::pair(0, 0), {50, 50}, {100, 0}, {13, 77}, {100, 100}}) {
        core::Parameters moved = origin;
        moved.weights[4] = 0.40 + grid.first(row);
        moved.weights[5] = 0.45 + grid.second(column);
        EXPECT_NEAR(landscape->value(row, column),
                    lossByHand(testing_support::workedExample(), moved), 1e-14)
            << "row " << row << " column " << column;
    }
    // At the origin: the published E_total of the worked example.
    testing_support::expectPublished(landscape->value(50, 50), "0.298371109");
}

// xor trains its biases: they are candidates as the weights are.
TEST(LandscapePanelTest, DefaultPlaneIsTheTwoSteepestTrainedParameters) {
    ui::TrainingController model;
    model.load(preset("xor"), "xor");
    model.run(30);
    Shown shown(model);
    // |dE/dw| of every weight by a central difference of the forward pass written here.
    const core::NetworkConfig& config = model.session().config;
    const core::Parameters at = model.snapshot().parametersBefore();
    std::vector<double> slopes;
    const std::size_t weights = at.weights.size();
    for (std::size_t p = 0; p < weights + at.biases.size(); ++p) {
        core::Parameters up = at, down = at;
        (p < weights ? up.weights[p] : up.biases[p - weights]) += 1e-6;
        (p < weights ? down.weights[p] : down.biases[p - weights]) -= 1e-6;
        slopes.push_back(std::abs(lossByHand(config, up) - lossByHand(config, down)) / 2e-6);
    }
    std::vector<int> order(slopes.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) { return slopes[a] > slopes[b]; });
    ASSERT_GT(slopes[order[1]] - slopes[order[2]], 1e-6) << "the pair must be clear";
    EXPECT_EQ(shown.panel.controls()->axes(), ui::LandscapeAxes::Steepest);
    EXPECT_EQ(shown.panel.landscape()->plane().axes(), std::pair(order[0], order[1]));
    EXPECT_EQ(shown.panel.controls()->first(), order[0]);
    EXPECT_EQ(shown.panel.controls()->second(), order[1]);
}

TEST(LandscapePanelTest, ChosenParametersIncludingABias) {
    ui::TrainingController model;
    model.load(preset("oscillate"), "oscillate");
    Shown shown(model);
    const int weights = model.snapshot().topology().weightCount();
    shown.panel.controls()->choose(1, weights + 1);  // w2 across, b2 up
    ASSERT_TRUE(shown.panel.waitUntilIdle());
    EXPECT_EQ(shown.panel.controls()->axes(), ui::LandscapeAxes::Chosen);
    EXPECT_EQ(shown.panel.landscape()->plane().axes(), std::pair(1, weights + 1));
    EXPECT_EQ(shown.panel.plot()->xAxis->label(), "w2");
    EXPECT_EQ(shown.panel.plot()->yAxis->label(), "b2");
    const auto& landscape = *shown.panel.landscape();
    core::Parameters moved = model.snapshot().parametersBefore();
    moved.weights[1] += landscape.grid().first(20);
    moved.biases[1] += landscape.grid().second(70);
    EXPECT_NEAR(landscape.value(20, 70), lossByHand(model.session().config, moved), 1e-14);
}

TEST(LandscapePanelTest, PathIsTheRunsParametersAcrossARateChange) {
    ui::TrainingController model;
    model.load(preset("oscillate"), "oscillate");
    Shown shown(model);
    model.run(40);
    model.setLearningRate(2.0);
    model.run(25);
    ASSERT_TRUE(shown.panel.waitUntilIdle());
    const std::vector<ui::TrajectoryPoint> path = shown.panel.path();
    ASSERT_EQ(path.size(), 66u);
    core::Trainer byHand(preset("oscillate").config);
    for (const ui::TrajectoryPoint& point : path) {
        if (byHand.iteration() == 40) byHand.setLearningRate(2.0);
        EXPECT_EQ(point.iteration, byHand.iteration());
        EXPECT_EQ(point.parameters, byHand.parameters()) << "iteration " << point.iteration;
        byHand.step();
    }
    // Drawn on the plane: each point's offset from the origin along the two parameters.
    const auto coordinates = shown.panel.pathCoordinates();
    const auto [first, second] = *shown.panel.landscape()->plane().axes();
    const core::Parameters& origin = shown.panel.landscape()->plane().origin();
    for (std::size_t k = 0; k < path.size(); ++k) {
        EXPECT_EQ(coordinates[k].x(), core::flatParameter(path[k].parameters, first) -
                                          core::flatParameter(origin, first));
        EXPECT_EQ(coordinates[k].y(), core::flatParameter(path[k].parameters, second) -
                                          core::flatParameter(origin, second));
    }
    // Back in the run: the path ends at the step shown.
    model.seek(10);
    ASSERT_TRUE(shown.panel.waitUntilIdle());
    EXPECT_EQ(shown.panel.path().size(), 11u);
}

TEST(LandscapePanelTest, LongPathIsThinnedToAtMostTwoThousandPoints) {
    ui::TrainingController model;
    model.load(preset("mazur"), "mazur");
    Shown shown(model);
    model.run(10'000);
    ASSERT_TRUE(shown.panel.waitUntilIdle());
    const std::vector<ui::TrajectoryPoint> path = shown.panel.path();
    EXPECT_LE(path.size(), std::size_t(ui::TrajectoryReplay::kMostPoints) + 1);
    EXPECT_GE(path.size(), 1000u);
    core::Trainer byHand(preset("mazur").config);
    byHand.run(path[path.size() / 2].iteration);
    EXPECT_EQ(path[path.size() / 2].parameters, byHand.parameters());
    EXPECT_EQ(path.back().iteration, 10'000);
}

TEST(LandscapePanelTest, AStaleMapIsNeverDrawn) {
    ui::TrainingController model;
    model.load(preset("oscillate"), "oscillate");
    Shown shown(model);
    shown.panel.controls()->choose(0, 1);
    // Steps faster than maps come: each cancels or outdates the one before.
    for (int k = 0; k < 30; ++k) {
        model.step();
        shown.panel.recentre();
        QApplication::processEvents();
    }
    ASSERT_TRUE(shown.panel.waitUntilIdle());
    EXPECT_EQ(shown.panel.landscape()->plane().origin(), model.snapshot().parametersBefore());
    EXPECT_EQ(model.iteration(), 30);
}

TEST(LandscapePanelTest, HessianPlaneIsOrthonormalThroughTheCurrentPoint) {
    ui::TrainingController model;
    model.load(preset("oscillate"), "oscillate");
    model.run(20);
    Shown shown(model);
    shown.panel.controls()->setAxes(ui::LandscapeAxes::Curvature);
    ASSERT_TRUE(shown.panel.waitUntilIdle());
    const auto& landscape = shown.panel.landscape();
    ASSERT_TRUE(landscape);
    const auto& d1 = landscape->plane().first();
    const auto& d2 = landscape->plane().second();
    EXPECT_NEAR(std::inner_product(d1.begin(), d1.end(), d1.begin(), 0.0), 1.0, 1e-12);
    EXPECT_NEAR(std::inner_product(d2.begin(), d2.end(), d2.begin(), 0.0), 1.0, 1e-12);
    EXPECT_NEAR(std::inner_product(d1.begin(), d1.end(), d2.begin(), 0.0), 0.0, 1e-12);
    const int middle = landscape->size() / 2;
    EXPECT_NEAR(landscape->value(middle, middle),
                lossByHand(model.session().config, model.snapshot().parametersBefore()), 1e-14);
    EXPECT_EQ(shown.panel.plot()->xAxis->label(), "eigenvector 1");
}

// A 1-1 network with a frozen bias has one trained parameter: no Hessian plane. The map of the
// plane shown before goes, and the note says why.
TEST(LandscapePanelTest, NoHessianPlaneLeavesNoEarlierMapDrawn) {
    session::Session single;
    single.config.layers = {1, 1};
    single.config.activations = {core::Activation::Sigmoid};
    single.config.trainBiases = false;
    single.config.samples = {core::Sample{{0.5}, {0.2}}};
    ui::TrainingController model;
    model.load(single, "single");
    Shown shown(model);
    ASSERT_TRUE(shown.panel.plot()->hasLandscape());  // along w1 and the frozen b1
    shown.panel.controls()->setAxes(ui::LandscapeAxes::Curvature);
    ASSERT_TRUE(shown.panel.waitUntilIdle());
    EXPECT_FALSE(shown.panel.landscape());
    EXPECT_FALSE(shown.panel.plot()->hasLandscape());
    const auto notes = shown.panel.findChildren<QLabel*>();
    EXPECT_TRUE(std::any_of(notes.begin(), notes.end(), [](const QLabel* label) {
        return label->isVisible() && label->text().contains("two trained parameters");
    }));
}

// Hidden behind the decision map's tab, the panel neither computes nor draws while the run
// moves (its replots cost the UI thread a millisecond a frame); shown, it catches up.
TEST(LandscapePanelTest, HiddenItDoesNothingAndCatchesUpWhenShown) {
    ui::TrainingController model;
    model.load(preset("oscillate"), "oscillate");
    ui::LandscapePanel panel(&model);
    panel.resize(500, 400);
    QApplication::processEvents();  // the one replot QCustomPlot queues when it is made
    QSignalSpy replots(panel.plot(), &QCustomPlot::beforeReplot);
    for (int k = 0; k < 10; ++k) {
        model.step();
        QApplication::processEvents();
    }
    EXPECT_EQ(replots.count(), 0);
    EXPECT_FALSE(panel.landscape());
    panel.show();
    ASSERT_TRUE(panel.waitUntilIdle());
    ASSERT_TRUE(panel.landscape());
    EXPECT_EQ(panel.landscape()->plane().origin(), model.snapshot().parametersBefore());
    // The path replayed from the start: iterations 0 to 10.
    const std::vector<ui::TrajectoryPoint> path = panel.path();
    ASSERT_EQ(path.size(), 11u);
    EXPECT_EQ(path.front().iteration, 0);
    EXPECT_EQ(path.front().parameters, core::initialParameters(model.session().config));
    EXPECT_GT(replots.count(), 0);
}

TEST(LandscapePanelTest, SpanControlSetsTheSquare) {
    ui::TrainingController model;
    model.load(workedExampleSession(), "worked example");
    Shown shown(model);
    EXPECT_DOUBLE_EQ(shown.panel.landscape()->grid().firstSpan, 1.0);  // auto, no path yet
    shown.panel.controls()->setSpan(2.5);
    ASSERT_TRUE(shown.panel.waitUntilIdle());
    EXPECT_DOUBLE_EQ(shown.panel.landscape()->grid().firstSpan, 2.5);
    EXPECT_DOUBLE_EQ(shown.panel.landscape()->grid().secondSpan, 2.5);
}

}  // namespace
