#include "core/networkconfig.h"

#include <gtest/gtest.h>

#include <cmath>

#include "workedexample.h"

namespace {

using testing_support::workedExample;

TEST(NetworkConfigTest, WorkedExampleIsValid) {
    EXPECT_EQ(core::validateConfig(workedExample()), "");
}

TEST(NetworkConfigTest, ErrorsNameTheField) {
    struct Case {
        void (*edit)(core::NetworkConfig&);
        const char* error;
    };
    const Case cases[] = {
        {[](auto& c) { c.layers = {2}; }, "layers: expected 2 to 8 layers, got 1"},
        {[](auto& c) {
             c.layers = {2, 0, 2};
         },
         "layers[1]: a layer has 1 to 64 nodes, got 0"},
        {[](auto& c) {
             c.layers = {2, 65, 2};
         },
         "layers[1]: a layer has 1 to 64 nodes, got 65"},
        {[](auto& c) { c.activations.pop_back(); },
         "activations: expected one per non-input layer (2), got 1"},
        {[](auto& c) { c.learningRate = 0; },
         "learning_rate: must be a number above 0 and at most 1e6"},
        {[](auto& c) { c.weights[1][0][1] = NAN; }, "weights[1][0][1]: not a finite number"},
        {[](auto& c) { c.weights[0].pop_back(); },
         "weights[0]: expected one row per node of layer 1 (2), got 1"},
        {[](auto& c) { c.weights[1][1].push_back(1); }, "weights[1][1]: expected 2 values, got 3"},
        {[](auto& c) {
             c.biases[1] = {1, 2};
         },
         "biases[1]: expected 1 values, got 2"},
        {[](auto& c) { c.samples.clear(); }, "samples: expected 1 to 1024 samples, got 0"},
        {[](auto& c) { c.samples[0].target = {1}; }, "samples[0].target: expected 2 values, got 1"},
        {[](auto& c) { c.samples[0].input[1] = INFINITY; },
         "samples[0].input[1]: not a finite number"},
    };
    for (const Case& c : cases) {
        core::NetworkConfig config = workedExample();
        c.edit(config);
        EXPECT_EQ(core::validateConfig(config), c.error);
    }
}

TEST(NetworkConfigTest, GivenParametersAreUsedAsListed) {
    const core::Parameters parameters = core::initialParameters(workedExample());
    EXPECT_EQ(parameters.weights,
              (std::vector<double>{0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55}));
    EXPECT_EQ(parameters.biases, (std::vector<double>{0.35, 0.60}));
}

TEST(NetworkConfigTest, MissingParametersAreDrawnFromTheSeed) {
    core::NetworkConfig config = workedExample();
    config.weights.clear();
    config.biases.clear();
    config.layers = {2, 3, 2};
    config.seed = 7;
    const core::Parameters first = core::initialParameters(config);
    EXPECT_EQ(first, core::initialParameters(config));
    ASSERT_EQ(first.weights.size(), 12u);
    // Glorot bounds: sqrt(6 / (2 + 3)) and sqrt(6 / (3 + 2)); biases within 0.5.
    for (double w : first.weights)
        EXPECT_LE(std::abs(w), std::sqrt(6.0 / 5.0));
    for (double b : first.biases)
        EXPECT_LE(std::abs(b), 0.5);
    config.seed = 8;
    EXPECT_NE(first, core::initialParameters(config));
}

TEST(NetworkConfigTest, StoreParametersRoundTrips) {
    core::NetworkConfig config = workedExample();
    config.biasMode = core::BiasMode::PerNode;
    config.biases = {{0.1, 0.2}, {0.3, 0.4}};
    core::Parameters parameters = core::initialParameters(config);
    parameters.weights[6] = -3.5;
    parameters.biases[3] = 9.0;
    core::storeParameters(parameters, config);
    EXPECT_EQ(config.weights[1][1][0], -3.5);
    EXPECT_EQ(config.biases[1][1], 9.0);
    EXPECT_EQ(core::initialParameters(config), parameters);
}

}  // namespace
