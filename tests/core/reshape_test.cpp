// Changing a network's shape in place: what is kept (the state being edited, where its nodes
// still exist), what is drawn (from the seed, as a session file without it draws it), and what
// is refused.
#include "core/reshape.h"

#include <gtest/gtest.h>

#include "workedexample.h"

namespace {

using core::ShapeChange;
using Kind = core::ShapeChange::Kind;

// The worked example's parameters after some training: the values an edit must keep.
core::Parameters trainedParameters() {
    core::Parameters parameters;
    parameters.weights = {0.11, 0.12, 0.13, 0.14, 0.21, 0.22, 0.23, 0.24};
    parameters.biases = {0.31, 0.32};
    return parameters;
}

// What the seed draws for every parameter of `config`'s shape (nothing listed).
core::Parameters drawn(core::NetworkConfig config) {
    config.weights.clear();
    config.biases.clear();
    return core::initialParameters(config);
}

TEST(ReshapeTest, ANodeAddedToTheHiddenLayerKeepsEveryWeightOfTheOthers) {
    const core::NetworkConfig config = testing_support::workedExample();
    std::string error;
    const core::NetworkConfig result =
        core::changedShape(config, trainedParameters(), {Kind::AddNode, 1}, error);
    ASSERT_EQ(error, "");
    EXPECT_EQ(result.layers, (std::vector<int>{2, 3, 2}));
    EXPECT_EQ(core::validateConfig(result), "");
    // weights[0][d][s]: into h(d+1) from i(s+1); w1..w4 are h1's and h2's, h3 is new.
    EXPECT_EQ(result.weights[0][0], (std::vector<double>{0.11, 0.12}));
    EXPECT_EQ(result.weights[0][1], (std::vector<double>{0.13, 0.14}));
    EXPECT_EQ(result.weights[1][0][0], 0.21);
    EXPECT_EQ(result.weights[1][0][1], 0.22);
    EXPECT_EQ(result.weights[1][1][0], 0.23);
    EXPECT_EQ(result.weights[1][1][1], 0.24);
    EXPECT_EQ(result.biases, (std::vector<std::vector<double>>{{0.31}, {0.32}}));
    // h3's weights in and out are those the seed gives the 2-3-2 shape.
    const core::Topology topology = core::topologyOf(result);
    const core::Parameters seeded = drawn(result);
    EXPECT_EQ(result.weights[0][2][0], seeded.weights[topology.weightIndex(1, 2, 0)]);
    EXPECT_EQ(result.weights[0][2][1], seeded.weights[topology.weightIndex(1, 2, 1)]);
    EXPECT_EQ(result.weights[1][0][2], seeded.weights[topology.weightIndex(2, 0, 2)]);
    EXPECT_EQ(result.weights[1][1][2], seeded.weights[topology.weightIndex(2, 1, 2)]);
    EXPECT_NE(result.weights[0][2][0], 0.0);
    EXPECT_EQ(result.samples, config.samples);
    EXPECT_EQ(core::describe(config, {Kind::AddNode, 1}), "add a node to the hidden layer");
}

TEST(ReshapeTest, AnInputAddedGivesEverySampleAZero) {
    const core::NetworkConfig config = testing_support::workedExample();
    std::string error;
    const core::NetworkConfig result =
        core::changedShape(config, trainedParameters(), {Kind::AddNode, 0}, error);
    ASSERT_EQ(error, "");
    EXPECT_EQ(result.samples[0].input, (std::vector<double>{0.05, 0.10, 0.0}));
    EXPECT_EQ(result.samples[0].target, config.samples[0].target);
    // The hidden-to-output weights are untouched.
    EXPECT_EQ(result.weights[1][1], (std::vector<double>{0.23, 0.24}));
    EXPECT_EQ(core::validateConfig(result), "");
    // And removed again: the two first inputs as they were.
    const core::NetworkConfig back = core::changedShape(
        result, core::initialParameters(result), {Kind::RemoveNode, 0}, error);
    ASSERT_EQ(error, "");
    EXPECT_EQ(back.samples, config.samples);
    EXPECT_EQ(back.weights[0][0], (std::vector<double>{0.11, 0.12}));
}

TEST(ReshapeTest, AHiddenLayerInsertedAndRemoved) {
    const core::NetworkConfig config = testing_support::workedExample();
    std::string error;
    const core::NetworkConfig deeper =
        core::changedShape(config, trainedParameters(), {Kind::AddLayer, 2}, error);
    ASSERT_EQ(error, "");
    EXPECT_EQ(deeper.layers, (std::vector<int>{2, 2, 2, 2}));
    EXPECT_EQ(deeper.activations.size(), 3u);
    EXPECT_EQ(core::validateConfig(deeper), "");
    // Inputs to h: kept. h to the new layer and the new layer to the outputs: drawn; the
    // output layer keeps its bias b2, the new layer has its own.
    EXPECT_EQ(deeper.weights[0][0], (std::vector<double>{0.11, 0.12}));
    const core::Topology topology = core::topologyOf(deeper);
    const core::Parameters seeded = drawn(deeper);
    EXPECT_EQ(deeper.weights[1][0][0], seeded.weights[topology.weightIndex(2, 0, 0)]);
    EXPECT_EQ(deeper.weights[2][1][1], seeded.weights[topology.weightIndex(3, 1, 1)]);
    EXPECT_EQ(deeper.biases[0][0], 0.31);
    EXPECT_EQ(deeper.biases[1][0], seeded.biases[topology.biasIndex(2, 0)]);
    EXPECT_EQ(deeper.biases[2][0], 0.32);

    // Removing the first hidden layer joins the inputs to the second one with drawn weights;
    // the second's weights to the outputs stay.
    const core::Parameters state = core::initialParameters(deeper);
    const core::NetworkConfig shallower =
        core::changedShape(deeper, state, {Kind::RemoveLayer, 1}, error);
    ASSERT_EQ(error, "");
    EXPECT_EQ(shallower.layers, (std::vector<int>{2, 2, 2}));
    EXPECT_EQ(shallower.weights[1], deeper.weights[2]);
    EXPECT_EQ(shallower.biases[1], deeper.biases[2]);
    const core::Parameters seededShallow = drawn(shallower);
    EXPECT_EQ(shallower.weights[0][0][0],
              seededShallow.weights[core::topologyOf(shallower).weightIndex(1, 0, 0)]);
}

TEST(ReshapeTest, TheEnginesBoundsAreKept) {
    core::NetworkConfig config = testing_support::workedExample();
    const core::Parameters parameters = trainedParameters();
    std::string error;
    core::changedShape(config, parameters, {Kind::RemoveLayer, 1}, error);
    EXPECT_EQ(error, "");  // 2-2: inputs straight to outputs is a network too
    core::changedShape(config, parameters, {Kind::RemoveLayer, 2}, error);
    EXPECT_EQ(error, "only a hidden layer can be removed");
    core::changedShape(config, parameters, {Kind::AddLayer, 0}, error);
    EXPECT_EQ(error, "a hidden layer goes between the inputs and the outputs");
    core::changedShape(config, parameters, {Kind::AddNode, 3}, error);
    EXPECT_EQ(error, "there is no layer 3");

    config.layers = {2, 1, 2};
    config.weights.clear();
    config.biases.clear();
    const core::NetworkConfig result =
        core::changedShape(config, core::initialParameters(config), {Kind::RemoveNode, 1}, error);
    EXPECT_EQ(error, "a layer keeps at least one node");
    EXPECT_EQ(result, config);

    config.layers = {2, 64, 2};
    core::changedShape(config, core::initialParameters(config), {Kind::AddNode, 1}, error);
    EXPECT_EQ(error, "a layer has at most 64 nodes");
    config.layers = {2, 2, 2, 2, 2, 2, 2, 2};
    config.activations.assign(7, core::Activation::Sigmoid);
    core::changedShape(config, core::initialParameters(config), {Kind::AddLayer, 1}, error);
    EXPECT_EQ(error, "a network has at most 8 layers");
}

}  // namespace
