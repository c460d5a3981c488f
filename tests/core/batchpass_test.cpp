#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <random>
#include <vector>

#include "core/backpropagation.h"
#include "core/batchpass.h"
#include "core/matrixproduct.h"
#include "core/trainer.h"
#include "workedexample.h"

namespace {

using core::Activation;

// Equal bits: tells -0.0 from 0.0 and compares NaNs, as `==` does not.
bool sameBits(double a, double b) {
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

// A network of the given shape with random activations, weights (from the seed), inputs and
// targets; `biasMode` as given.
core::NetworkConfig randomNetwork(std::vector<int> layers, int samples, core::BiasMode biasMode,
                                  std::mt19937_64& random) {
    std::uniform_real_distribution<double> uniform(-1.0, 1.0);
    core::NetworkConfig config;
    config.layers = std::move(layers);
    config.activations.clear();
    for (std::size_t l = 1; l < config.layers.size(); ++l)
        config.activations.push_back(static_cast<Activation>(random() % 4));
    config.biasMode = biasMode;
    config.trainBiases = true;
    config.seed = random();
    config.samples.resize(samples);
    for (core::Sample& sample : config.samples) {
        for (int i = 0; i < config.layers.front(); ++i)
            sample.input.push_back(uniform(random));
        for (int o = 0; o < config.layers.back(); ++o)
            sample.target.push_back(uniform(random));
    }
    return config;
}

// Everything one pass writes: every sample's node values, sample losses and the gradient.
struct PassResult {
    std::vector<double> nodes;
    std::vector<double> sampleLosses;
    std::vector<double> gradient;
    double loss = 0.0;
    bool netsFinite = false;
};

PassResult samplePass(const core::NetworkConfig& config) {
    const core::Topology topology = core::topologyOf(config);
    const core::Parameters parameters = core::initialParameters(config);
    const std::size_t samples = config.samples.size();
    const std::size_t nodeStride = std::size_t(core::kNodeFieldCount) * topology.nodeCount();
    const std::size_t parameterCount = topology.weightCount() + topology.biasCount();
    PassResult result;
    result.nodes.resize(nodeStride * samples);
    result.sampleLosses.resize(samples);
    result.gradient.resize(parameterCount);
    std::vector<double> sampleGradients(parameterCount * samples);
    const core::PassBuffers buffers{result.nodes.data(),        nodeStride,
                                    result.sampleLosses.data(), sampleGradients.data(),
                                    parameterCount,             result.gradient.data()};
    result.loss = core::backpropagate(topology, parameters.weights.data(),
                                      parameters.biases.data(), config.samples, buffers,
                                      result.netsFinite);
    return result;
}

PassResult batchPass(const core::NetworkConfig& config, core::Instructions instructions) {
    const core::Topology topology = core::topologyOf(config);
    const core::Parameters parameters = core::initialParameters(config);
    const std::size_t samples = config.samples.size();
    const std::size_t nodeStride = std::size_t(core::kNodeFieldCount) * topology.nodeCount();
    PassResult result;
    // Poisoned, so that a value the pass forgets to write shows.
    result.nodes.assign(nodeStride * samples, 12345.0);
    result.sampleLosses.assign(samples, 12345.0);
    result.gradient.assign(topology.weightCount() + topology.biasCount(), 12345.0);
    const core::PassBuffers buffers{result.nodes.data(), nodeStride, result.sampleLosses.data(),
                                    nullptr,             0,          result.gradient.data()};
    core::BatchWorkspace workspace;
    workspace.instructions = instructions;
    result.loss = core::backpropagateBatch(topology, parameters.weights.data(),
                                           parameters.biases.data(), config.samples, buffers,
                                           workspace, result.netsFinite);
    return result;
}

void expectSameBits(const std::vector<double>& expected, const std::vector<double>& actual,
                    const char* what) {
    ASSERT_EQ(expected.size(), actual.size()) << what;
    int differences = 0;
    for (std::size_t i = 0; i < expected.size(); ++i)
        if (!sameBits(expected[i], actual[i]) && ++differences <= 3)
            ADD_FAILURE() << what << "[" << i << "]: " << expected[i] << " vs " << actual[i];
    EXPECT_EQ(differences, 0) << what;
}

void expectSamePass(const core::NetworkConfig& config) {
    const PassResult reference = samplePass(config);
    using core::Instructions;
    for (const Instructions instructions :
         {Instructions::Best, Instructions::Baseline, Instructions::Avx2, Instructions::Avx512}) {
        if (!core::supports(instructions)) continue;  // the bits of those we can run are checked
        SCOPED_TRACE(testing::Message() << "instructions " << static_cast<int>(instructions));
        const PassResult batch = batchPass(config, instructions);
        EXPECT_TRUE(sameBits(reference.loss, batch.loss));
        EXPECT_EQ(reference.netsFinite, batch.netsFinite);
        expectSameBits(reference.nodes, batch.nodes, "nodes");
        expectSameBits(reference.sampleLosses, batch.sampleLosses, "sample losses");
        expectSameBits(reference.gradient, batch.gradient, "gradient");
    }
}

// Shapes that exercise the kernels' vector blocks and every kind of leftover row and column.
TEST(BatchPassTest, MatchesTheSampleBySamplePassBitForBit) {
    std::mt19937_64 random(20261130);
    const std::vector<std::vector<int>> shapes{
        {1, 1},        {2, 2, 2},         {3, 9, 13, 2},      {5, 17, 1},
        {8, 8, 8, 8},  {16, 7, 24, 9, 3}, {2, 33, 31, 64, 2}, {1, 12, 12, 12, 12, 12, 12, 1}};
    for (const auto& shape : shapes)
        for (const int samples : {1, 2, 5, 37})
            for (const auto mode : {core::BiasMode::Shared, core::BiasMode::PerNode}) {
                SCOPED_TRACE(testing::Message() << "layers " << testing::PrintToString(shape)
                                                << ", " << samples << " samples");
                expectSamePass(randomNetwork(shape, samples, mode, random));
            }
}

// The largest network a session may hold, and the widest: 64 inputs and outputs, 8 layers.
TEST(BatchPassTest, MatchesAtTheLargestSizes) {
    std::mt19937_64 random(11);
    for (const auto& shape : {std::vector<int>{2, 64, 64, 64, 64, 64, 64, 2},
                              std::vector<int>(8, 64)}) {
        core::NetworkConfig config = randomNetwork(shape, 1024, core::BiasMode::PerNode, random);
        config.activations.assign(shape.size() - 1, Activation::Tanh);
        config.activations.back() = Activation::Sigmoid;
        expectSamePass(config);
    }
}

// Non-finite values travel the same way: the same NaNs and infinities in the same places.
TEST(BatchPassTest, MatchesWhenValuesOverflow) {
    std::mt19937_64 random(3);
    core::NetworkConfig config = randomNetwork({4, 12, 12, 3}, 6, core::BiasMode::PerNode, random);
    config.activations = {Activation::Linear, Activation::Relu, Activation::Linear};
    config.samples[2].input = {1.7e308, 1.7e308, 1.7e308, 1.7e308};
    const PassResult reference = samplePass(config);
    ASSERT_FALSE(reference.netsFinite);
    expectSamePass(config);
}

// -0.0 + 0.0 is 0.0, but a sum that starts with the product -0.0 stays -0.0: the kernels start
// their sums exactly as the loops they replace.
TEST(BatchPassTest, SumsStartAsThePlainLoopsDo) {
    const std::vector<double> left{-1.0, 2.0};  // 1 x 2
    const std::vector<double> right{0.0, 0.0};  // 2 x 1
    for (const bool fromZero : {true, false}) {
        double out = 99.0;
        core::multiply({.rows = 1, .columns = 1, .inner = 1, .left = left.data(), .leftRow = 2,
                        .leftInner = 1, .right = right.data(), .rightRow = 1, .out = &out,
                        .outRow = 1, .fromZero = fromZero});
        EXPECT_TRUE(sameBits(out, fromZero ? 0.0 : -0.0)) << out;
    }
}

// A large network trains the same in the fast path (matrix form, no snapshots) and step by
// step through snapshots, and its snapshot's per-sample gradients add up to the batch gradient.
TEST(BatchPassTest, TrainerPathsAgreeAtTheLargestSize) {
    std::mt19937_64 random(5);
    core::NetworkConfig config =
        randomNetwork({2, 64, 64, 64, 64, 64, 64, 2}, 1024, core::BiasMode::PerNode, random);
    config.activations.assign(7, Activation::Tanh);
    config.activations.back() = Activation::Sigmoid;
    config.learningRate = 0.1;
    core::Trainer fast(config);
    core::Trainer recorded(config);
    std::vector<double> losses;
    ASSERT_EQ(fast.run(3, &losses), 3);
    for (int i = 0; i < 3; ++i)
        EXPECT_TRUE(sameBits(recorded.step().loss(), losses[i])) << "step " << i;
    EXPECT_EQ(fast.parameters(), recorded.parameters());

    const core::StepSnapshot snapshot = recorded.evaluate();
    for (const int weight : {0, 77, 4200, snapshot.topology().weightCount() - 1}) {
        double sum = snapshot.sampleDLoss_dWeight(0, weight);
        for (int s = 1; s < snapshot.sampleCount(); ++s)
            sum += snapshot.sampleDLoss_dWeight(s, weight);
        EXPECT_TRUE(sameBits(sum / snapshot.sampleCount(), snapshot.dLoss_dWeight(weight)));
    }
}

// Every layer's outs of the forward pass alone at `config`'s initial parameters, its samples'
// inputs as the points.
std::vector<double> forwardOuts(const core::NetworkConfig& config) {
    const core::Topology topology = core::topologyOf(config);
    const core::Parameters parameters = core::initialParameters(config);
    std::vector<double> inputs;
    for (const core::Sample& sample : config.samples)
        inputs.insert(inputs.end(), sample.input.begin(), sample.input.end());
    core::BatchWorkspace workspace;
    core::forwardBatch(topology, parameters.weights.data(), parameters.biases.data(), inputs.data(),
                       config.samples.size(), workspace);
    return workspace.outs;
}

// The forward pass alone at the worked example's input gives the outputs Mazur published.
TEST(BatchPassTest, ForwardAloneGivesTheWorkedExamplesOutputs) {
    const std::vector<double> outs = forwardOuts(testing_support::workedExample());
    ASSERT_EQ(outs.size(), 6u);  // one point: i1, i2, h1, h2, o1, o2
    testing_support::expectPublished(outs[2], "0.593269992");
    testing_support::expectPublished(outs[3], "0.596884378");
    testing_support::expectPublished(outs[4], "0.75136507");
    testing_support::expectPublished(outs[5], "0.772928465");
}

// At any points, every layer's outs are those of the sample-by-sample pass, bit for bit.
TEST(BatchPassTest, ForwardAloneMatchesThePassBitForBit) {
    std::mt19937_64 random(42);
    for (const auto& shape : {std::vector<int>{2, 2, 2}, std::vector<int>{2, 9, 5, 3},
                              std::vector<int>{2, 64, 64, 64, 64, 64, 64, 2}})
        for (const int points : {1, 7, 300}) {
            SCOPED_TRACE(testing::Message() << "layers " << testing::PrintToString(shape) << ", "
                                            << points << " points");
            const core::NetworkConfig config =
                randomNetwork(shape, points, core::BiasMode::PerNode, random);
            const core::Topology topology = core::topologyOf(config);
            const PassResult reference = samplePass(config);
            const std::vector<double> outs = forwardOuts(config);
            for (int l = 0; l < topology.layerCount(); ++l)
                for (int p = 0; p < points; ++p)
                    for (int n = 0; n < topology.layerSize(l); ++n) {
                        const std::size_t node =
                            std::size_t(p) * topology.nodeCount() + topology.nodeIndex(l, n);
                        const double expected =
                            reference.nodes[node * core::kNodeFieldCount + core::kOut];
                        const double actual =
                            outs[std::size_t(points) * topology.layer(l).nodeOffset +
                                 std::size_t(p) * topology.layerSize(l) + n];
                        ASSERT_TRUE(sameBits(expected, actual))
                            << "layer " << l << ", point " << p << ", node " << n;
                    }
        }
}

}  // namespace
