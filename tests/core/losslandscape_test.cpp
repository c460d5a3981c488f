#include "core/losslandscape.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/trainer.h"
#include "referencenetwork.h"
#include "workedexample.h"

namespace {

using core::Activation;
using testing_support::randomNetwork;
using testing_support::referenceLoss;

// Whether `actual` is `expected` up to a few roundings.
void expectClose(double expected, double actual, const char* what) {
    EXPECT_NEAR(actual, expected, 1e-12 * std::max(1.0, std::abs(expected))) << what;
}

bool sameBits(double a, double b) {
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

// The landscape of `config` at its initial parameters over `plane` and `grid`, computed.
core::LossLandscape computed(const core::NetworkConfig& config, core::LandscapePlane plane,
                             core::LandscapeGrid grid) {
    core::LossLandscape landscape(core::topologyOf(config), config.samples, std::move(plane), grid);
    EXPECT_TRUE(landscape.compute());
    EXPECT_TRUE(landscape.complete());
    return landscape;
}

TEST(LossLandscapeTest, WorkedExampleAgainstAPlainForwardPass) {
    const core::NetworkConfig config = testing_support::workedExample();
    const core::Parameters origin = core::initialParameters(config);
    // w5 (flat 4) down the rows, b2 (flat 9) across the columns.
    const core::LossLandscape landscape =
        computed(config, core::LandscapePlane::alongParameters(origin, 4, 9), {5, 0.5, 2.0});
    const double as[] = {-0.5, -0.25, 0.0, 0.25, 0.5};
    const double bs[] = {-2.0, -1.0, 0.0, 1.0, 2.0};
    for (int i = 0; i < 5; ++i)
        for (int j = 0; j < 5; ++j) {
            core::Parameters point = origin;
            point.weights[4] = 0.40 + as[i];
            point.biases[1] = 0.60 + bs[j];
            expectClose(referenceLoss(config, point), landscape.value(i, j), "worked example");
            EXPECT_EQ(landscape.values()[i * 5 + j], landscape.value(i, j));
        }
    testing_support::expectPublished(landscape.value(2, 2), "0.298371109");
    // Rows and columns are not interchangeable: the map is not symmetric.
    EXPECT_NE(landscape.value(0, 4), landscape.value(4, 0));
}

TEST(LossLandscapeTest, RandomNetworksOfEveryActivationAndBiasMode) {
    std::mt19937_64 random(20261201);
    std::normal_distribution<double> normal;
    for (const Activation activation :
         {Activation::Sigmoid, Activation::Tanh, Activation::Relu, Activation::Linear})
        for (const auto biasMode : {core::BiasMode::Shared, core::BiasMode::PerNode})
            for (int trial = 0; trial < 10; ++trial) {
                const core::NetworkConfig config = randomNetwork(activation, biasMode, random);
                const core::Parameters origin = core::initialParameters(config);
                const int count = int(origin.weights.size() + origin.biases.size());
                std::vector<double> first(count), second(count);
                for (int k = 0; k < count; ++k) {
                    first[k] = normal(random);
                    second[k] = normal(random);
                }
                const core::LandscapeGrid grid{4, 0.8, 1.3};
                const core::LossLandscape landscape = computed(
                    config, core::LandscapePlane::alongDirections(origin, first, second), grid);
                for (int i = 0; i < grid.size; ++i)
                    for (int j = 0; j < grid.size; ++j) {
                        // origin + a_i d1 + b_j d2, with a_i, b_j from -span to +span.
                        const double a = -0.8 + 1.6 * i / 3.0, b = -1.3 + 2.6 * j / 3.0;
                        core::Parameters point = origin;
                        for (int k = 0; k < count; ++k) {
                            const int weights = int(origin.weights.size());
                            double& value =
                                k < weights ? point.weights[k] : point.biases[k - weights];
                            value += a * first[k] + b * second[k];
                        }
                        expectClose(referenceLoss(config, point), landscape.value(i, j),
                                    core::activationName(activation).data());
                    }
            }
}

TEST(LossLandscapeTest, CentreIsTheTrainersLossBitForBit) {
    std::mt19937_64 random(7);
    std::vector<core::NetworkConfig> configs = {testing_support::workedExample()};
    for (int trial = 0; trial < 8; ++trial)
        configs.push_back(randomNetwork(Activation(trial % 4), core::BiasMode(trial % 2), random));
    // Wide enough with samples enough for the trainer to take the matrix-form pass.
    core::NetworkConfig wide = randomNetwork(Activation::Tanh, core::BiasMode::PerNode, random);
    wide.layers = {3, 12, 10, 2};
    wide.activations.assign(3, Activation::Tanh);
    for (core::Sample& sample : wide.samples) {
        sample.input.assign(3, 0.3);
        sample.target.assign(2, 0.1);
    }
    wide.samples.resize(6, wide.samples.front());
    configs.push_back(wide);
    for (core::NetworkConfig config : configs) {
        config.learningRate = 0.1;
        config.trainBiases = true;
        core::Trainer trainer(config);
        trainer.run(3);
        const core::LossLandscape landscape(
            trainer.topology(), trainer.samples(),
            core::LandscapePlane::alongParameters(trainer.parameters(), 0, 1), {7, 1.0, 1.0});
        core::LossLandscape copy = landscape;
        EXPECT_TRUE(copy.compute());
        const double loss = trainer.evaluate().loss();
        EXPECT_TRUE(sameBits(copy.value(3, 3), loss));
        // Along any two directions the centre is the same state.
        const int count = trainer.topology().weightCount() + trainer.topology().biasCount();
        std::vector<double> first(count), second(count);
        for (int k = 0; k < count; ++k) {
            first[k] = std::sin(k + 1.0);
            second[k] = std::cos(k + 1.0);
        }
        core::LossLandscape oblique(
            trainer.topology(), trainer.samples(),
            core::LandscapePlane::alongDirections(trainer.parameters(), first, second),
            {3, 0.5, 0.5});
        EXPECT_TRUE(oblique.compute());
        EXPECT_TRUE(sameBits(oblique.value(1, 1), loss));
    }
}

TEST(LossLandscapeTest, GridRunsFromMinusToPlusTheSpan) {
    const core::LandscapeGrid grid{101, 0.3, 7.0};
    EXPECT_EQ(grid.first(0), -0.3);
    EXPECT_EQ(grid.first(100), 0.3);
    EXPECT_EQ(grid.first(50), 0.0);
    EXPECT_EQ(grid.second(0), -7.0);
    EXPECT_EQ(grid.second(100), 7.0);
    EXPECT_DOUBLE_EQ(grid.first(25), -0.15);
    const core::LandscapeGrid two{2, 1.5, 1.5};
    EXPECT_EQ(two.first(0), -1.5);
    EXPECT_EQ(two.first(1), 1.5);

    const core::NetworkConfig config = testing_support::workedExample();
    const core::Parameters origin = core::initialParameters(config);
    const core::LossLandscape corners =
        computed(config, core::LandscapePlane::alongParameters(origin, 0, 6), two);
    ASSERT_EQ(corners.values().size(), 4u);
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 2; ++j) {
            core::Parameters point = origin;
            point.weights[0] += i == 0 ? -1.5 : 1.5;
            point.weights[6] += j == 0 ? -1.5 : 1.5;
            expectClose(referenceLoss(config, point), corners.value(i, j), "corner");
        }
}

TEST(LossLandscapeTest, ComputesInPiecesAndStopsWhenCancelled) {
    const core::NetworkConfig config = testing_support::workedExample();
    const auto plane = core::LandscapePlane::alongParameters(core::initialParameters(config), 4, 5);
    const core::LossLandscape whole = computed(config, plane, {9, 1.0, 1.0});

    core::LossLandscape pieces(core::topologyOf(config), config.samples, plane, {9, 1.0, 1.0});
    std::atomic<bool> cancelled = true;
    EXPECT_FALSE(pieces.compute(&cancelled));
    EXPECT_EQ(pieces.pointsDone(), 0u);
    EXPECT_TRUE(std::isnan(pieces.value(0, 0)));
    cancelled = false;
    EXPECT_TRUE(pieces.computeRows(2, &cancelled));
    EXPECT_EQ(pieces.rowsDone(), 2);
    EXPECT_FALSE(pieces.complete());
    EXPECT_TRUE(std::isnan(pieces.value(2, 0)));
    EXPECT_TRUE(pieces.computeRows(100, &cancelled));
    EXPECT_TRUE(pieces.complete());
    for (std::size_t p = 0; p < whole.values().size(); ++p)
        EXPECT_TRUE(sameBits(whole.values()[p], pieces.values()[p])) << p;
}

TEST(LossLandscapeTest, CancelledFromAnotherThreadItStopsSoon) {
    std::mt19937_64 random(3);
    core::NetworkConfig config = randomNetwork(Activation::Tanh, core::BiasMode::PerNode, random);
    config.layers = {2, 64, 64, 2};
    config.activations.assign(3, Activation::Tanh);
    config.samples.assign(256, {{0.1, 0.2}, {0.3, 0.4}});
    const auto plane = core::LandscapePlane::alongParameters(core::initialParameters(config), 0, 1);
    // 160,801 passes of 256 samples: minutes, unless cancelled.
    core::LossLandscape landscape(core::topologyOf(config), config.samples, plane, {401, 1, 1});
    std::atomic<bool> cancelled = false;
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        cancelled = true;
    });
    const auto start = std::chrono::steady_clock::now();
    EXPECT_FALSE(landscape.compute(&cancelled));
    canceller.join();
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
    EXPECT_FALSE(landscape.complete());
}

TEST(LossLandscapeTest, NonFiniteLossesAreKept) {
    core::NetworkConfig config = testing_support::workedExample();
    config.activations = {Activation::Linear, Activation::Relu};
    const auto plane = core::LandscapePlane::alongParameters(core::initialParameters(config), 0, 4);
    const core::LossLandscape landscape = computed(config, plane, {3, 1e300, 1e300});
    EXPECT_TRUE(std::isfinite(landscape.value(1, 1)));
    int nonFinite = 0;
    for (const double value : landscape.values())
        nonFinite += !std::isfinite(value);
    EXPECT_GT(nonFinite, 0);
}

TEST(LossLandscapeTest, CostIsMultiplyAddsPerEvaluationTimesPoints) {
    const core::Topology topology = core::topologyOf(testing_support::workedExample());
    // Two layers of two nodes, each a sum of 2 products and an activation counted as 20.
    EXPECT_EQ(core::LossLandscape::evaluationCost(topology, 1), 2 * 2 * (2 + 20));
    EXPECT_EQ(core::LossLandscape::evaluationCost(topology, 3), 3 * 88);
    EXPECT_EQ(core::LossLandscape::gridCost(topology, 1, 101), 88.0 * 101 * 101);
    EXPECT_EQ(core::LossLandscape::affordableSize(topology, 1, 401, 1.2e7), 369);
    EXPECT_EQ(core::LossLandscape::affordableSize(topology, 1, 101, 1.2e7), 101);
    EXPECT_EQ(core::LossLandscape::affordableSize(topology, 1, 401, 1.0), 2);
}

TEST(LossLandscapeTest, RefusesGridsAndPlanesThatDoNotFit) {
    const core::NetworkConfig config = testing_support::workedExample();
    const core::Topology topology = core::topologyOf(config);
    const auto plane = core::LandscapePlane::alongParameters(core::initialParameters(config), 0, 1);
    EXPECT_THROW(core::LossLandscape(topology, config.samples, plane, {1, 1.0, 1.0}),
                 std::invalid_argument);
    const auto small = core::LandscapePlane::alongParameters(core::Parameters{{1, 2}, {}}, 0, 1);
    EXPECT_THROW(core::LossLandscape(topology, config.samples, small, {3, 1.0, 1.0}),
                 std::invalid_argument);
}

}  // namespace
