#include "core/topology.h"

#include <gtest/gtest.h>

namespace {

using core::Activation;
using core::BiasMode;

core::Topology twoTwoTwo(BiasMode mode) {
    return core::Topology({2, 2, 2}, {Activation::Sigmoid, Activation::Sigmoid}, mode);
}

TEST(TopologyTest, NumbersWeightsAsTheWorkedExample) {
    const core::Topology topology = twoTwoTwo(BiasMode::Shared);
    ASSERT_EQ(topology.weightCount(), 8);
    // w1 = i1->h1, w2 = i2->h1, w3 = i1->h2, w4 = i2->h2, w5 = h1->o1, .., w8 = h2->o2.
    const struct {
        int layer, destination, source;
        const char* name;
    } expected[] = {{1, 0, 0, "w1"}, {1, 0, 1, "w2"}, {1, 1, 0, "w3"}, {1, 1, 1, "w4"},
                    {2, 0, 0, "w5"}, {2, 0, 1, "w6"}, {2, 1, 0, "w7"}, {2, 1, 1, "w8"}};
    for (const auto& e : expected) {
        const int w = topology.weightIndex(e.layer, e.destination, e.source);
        EXPECT_EQ(topology.weightName(w), e.name);
        const core::WeightEnds ends = topology.weightEnds(w);
        EXPECT_EQ(ends.layer, e.layer);
        EXPECT_EQ(ends.destination, e.destination);
        EXPECT_EQ(ends.source, e.source);
    }
}

TEST(TopologyTest, NamesNodesAndBiases) {
    const core::Topology shared = twoTwoTwo(BiasMode::Shared);
    EXPECT_EQ(shared.nodeName(0, 1), "i2");
    EXPECT_EQ(shared.nodeName(1, 0), "h1");
    EXPECT_EQ(shared.nodeName(2, 1), "o2");
    ASSERT_EQ(shared.biasCount(), 2);
    EXPECT_EQ(shared.biasName(0), "b1");
    EXPECT_EQ(shared.biasName(1), "b2");
    EXPECT_EQ(shared.biasIndex(2, 1), 1);

    const core::Topology perNode = twoTwoTwo(BiasMode::PerNode);
    ASSERT_EQ(perNode.biasCount(), 4);
    EXPECT_EQ(perNode.biasName(perNode.biasIndex(1, 0)), "b_h1");
    EXPECT_EQ(perNode.biasName(perNode.biasIndex(2, 1)), "b_o2");
}

TEST(TopologyTest, NamesSeveralHiddenLayers) {
    const core::Topology topology(
        {3, 4, 2, 1}, {Activation::Relu, Activation::Tanh, Activation::Linear}, BiasMode::Shared);
    EXPECT_EQ(topology.nodeName(1, 3), "h1_4");
    EXPECT_EQ(topology.nodeName(2, 0), "h2_1");
    EXPECT_EQ(topology.nodeName(3, 0), "o1");
    EXPECT_EQ(topology.weightCount(), 3 * 4 + 4 * 2 + 2 * 1);
    EXPECT_EQ(topology.nodeCount(), 10);
    EXPECT_EQ(topology.biasName(2), "b3");
    const core::WeightEnds last = topology.weightEnds(topology.weightCount() - 1);
    EXPECT_EQ(last.layer, 3);
    EXPECT_EQ(last.source, 1);
}

}  // namespace
