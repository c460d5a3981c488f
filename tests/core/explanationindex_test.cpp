// core::Explanation, which finds where each term sits by arithmetic and writes it alone: the
// step's shape, any term, the term of a quantity and the ends of the phases agree with the whole
// explanation, and walking through every term of a deep network stays in bounded memory.
#include "core/explanation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <unordered_map>

#include "../support/memory.h"
#include "core/markup.h"
#include "core/trainer.h"
#include "workedexample.h"

namespace {

using testing_support::residentBytes;
using testing_support::workedExample;

// stepShape counts the terms explain() makes, phase by phase, without making them.
TEST(ExplanationIndexTest, StepShapeCountsTheTermsOfEveryNetwork) {
    std::mt19937 random(7);
    int blownUp = 0;
    const auto pick = [&](int low, int high) {
        return std::uniform_int_distribution<int>(low, high)(random);
    };
    for (int trial = 0; trial < 200; ++trial) {
        core::NetworkConfig config;
        config.layers.assign(pick(2, 5), 0);
        for (int& size : config.layers)
            size = pick(1, 4);
        config.activations.assign(config.layers.size() - 1, core::Activation::Tanh);
        config.biasMode = pick(0, 1) ? core::BiasMode::PerNode : core::BiasMode::Shared;
        config.trainBiases = pick(0, 1);
        config.seed = trial;
        config.samples.assign(pick(1, 3), {std::vector<double>(config.layers.front(), 0.5),
                                           std::vector<double>(config.layers.back(), 0.25)});
        // Some trials blow up at once: their step has no update terms.
        if (pick(0, 3) == 0) {
            config.activations.assign(config.layers.size() - 1, core::Activation::Linear);
            config.samples[0].input[0] = 1e300;
        }
        core::Trainer trainer(config);
        const core::StepSnapshot step = trainer.preview();
        const std::vector<core::Term> terms = core::explain(step, 4);
        const auto end = [&](core::Phase phase) {
            return std::count_if(terms.begin(), terms.end(),
                                 [&](const core::Term& term) { return term.phase <= phase; });
        };
        const core::StepShape shape = core::stepShape(step);
        EXPECT_EQ(shape.forwardEnd, end(core::Phase::Forward)) << trial;
        EXPECT_EQ(shape.backwardEnd, end(core::Phase::Backward)) << trial;
        EXPECT_EQ(shape.total, static_cast<int>(terms.size())) << trial;
        blownUp += !step.updated();
    }
    EXPECT_GT(blownUp, 20);
}

// The networks whose terms are written both ways below: the worked example, XOR with four
// samples and trained per-node biases, and a 2-3-3-2 network with shared and per-node biases,
// trained and frozen, one sample and two, and one step that blows up.
std::vector<core::NetworkConfig> lazyConfigs() {
    core::NetworkConfig xorPreset;
    xorPreset.biasMode = core::BiasMode::PerNode;
    xorPreset.trainBiases = true;
    xorPreset.learningRate = 2;
    xorPreset.samples = {{{0, 0}, {1, 0}}, {{0, 1}, {0, 1}}, {{1, 0}, {0, 1}}, {{1, 1}, {1, 0}}};
    std::vector<core::NetworkConfig> configs = {workedExample(), xorPreset};
    for (const core::BiasMode mode : {core::BiasMode::Shared, core::BiasMode::PerNode})
        for (const bool trained : {false, true})
            for (const int samples : {1, 2}) {
                core::NetworkConfig config;
                config.layers = {2, 3, 3, 2};
                config.activations = {core::Activation::Tanh, core::Activation::Relu,
                                      core::Activation::Sigmoid};
                config.biasMode = mode;
                config.trainBiases = trained;
                config.seed = 3;
                config.samples = {{{0.5, -0.25}, {0.1, 0.9}}, {{-1.0, 0.75}, {0.8, 0.3}}};
                config.samples.resize(samples);
                configs.push_back(config);
            }
    core::NetworkConfig blowsUp = configs.back();
    blowsUp.activations.assign(3, core::Activation::Linear);
    blowsUp.samples[0].input[0] = 1e300;
    configs.push_back(blowsUp);
    return configs;
}

// A name for messages: the term's plain symbol.
std::string symbolOf(const core::Term& term) {
    return core::plainFromMarkup(term.symbol);
}

// Bug: the whole explanation was built at once (tens of millions of terms for the largest
// network). Each term is now written alone when asked for: the same term, in any order.
TEST(ExplanationIndexTest, EachTermWrittenAloneIsTheTermOfTheWholeExplanation) {
    std::mt19937 random(11);
    for (const core::NetworkConfig& config : lazyConfigs()) {
        core::Trainer trainer(config);
        const core::StepSnapshot step = trainer.preview();
        const std::vector<core::Term> eager = core::explain(step, 6);
        const core::Explanation lazy(step, 6);
        ASSERT_EQ(lazy.size(), static_cast<int>(eager.size()));
        std::vector<int> order(eager.size());
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(), random);
        for (const int i : order) {
            const core::Term term = lazy.term(i);
            ASSERT_EQ(term, eager[i])
                << "term " << i << ": " << symbolOf(term) << " against " << symbolOf(eager[i]);
        }
    }
}

// The term of a quantity and the ends of the phases, found by arithmetic, are those of the
// whole explanation: for every quantity a term computes, every factor, and quantities that no
// term computes.
TEST(ExplanationIndexTest, IndexOfAndPhaseEndsAgreeWithTheWholeExplanation) {
    using core::Quantity;
    for (const core::NetworkConfig& config : lazyConfigs()) {
        core::Trainer trainer(config);
        const core::StepSnapshot step = trainer.preview();
        const std::vector<core::Term> eager = core::explain(step, 4);
        const core::Explanation lazy(step, 4);
        std::unordered_map<core::QuantityRef, int, core::QuantityRefHash> index;
        std::vector<core::QuantityRef> refs;
        for (int i = 0; i < static_cast<int>(eager.size()); ++i) {
            index.emplace(eager[i].quantity, i);
            refs.push_back(eager[i].quantity);
            refs.insert(refs.end(), eager[i].factors.begin(), eager[i].factors.end());
        }
        const int samples = step.sampleCount();
        const int last = step.topology().layerCount() - 1;
        const core::QuantityRef none[] = {
            {Quantity::Loss, 0},
            {Quantity::SampleLoss, 0},
            {Quantity::SampleLoss, samples},
            {Quantity::Net, 0, 0, 0},
            {Quantity::Out, 0, 0, 1},
            {Quantity::Net, samples, 1, 0},
            {Quantity::Net, 0, 1, 3},
            {Quantity::Out, 0, last + 1, 0},
            {Quantity::Delta, -1, 1, 0},
            {.quantity = Quantity::Net, .sample = 0, .layer = 1, .node = 0, .parameter = 0},
            {.quantity = Quantity::Delta, .sample = 0, .layer = 1, .node = 0, .via = 0},
            {.quantity = Quantity::PathDLoss_dOut, .sample = 0, .layer = 1, .node = 0, .via = 9},
            {.quantity = Quantity::PathDLoss_dOut, .sample = 0, .layer = last, .node = 0, .via = 0},
            {.quantity = Quantity::DLoss_dWeight, .parameter = -1},
            {.quantity = Quantity::DLoss_dWeight, .parameter = 100},
            {.quantity = Quantity::DLoss_dWeight, .sample = 0, .parameter = 0},
            {.quantity = Quantity::SampleDLoss_dWeight, .sample = samples, .parameter = 0},
            {.quantity = Quantity::DLoss_dBias, .parameter = 0},
            {.quantity = Quantity::SampleDLoss_dBias, .sample = 0, .parameter = 0},
            {.quantity = Quantity::NewWeight, .parameter = 0},
            {.quantity = Quantity::NewBias, .parameter = 1},
            {.quantity = Quantity::Weight, .parameter = 0},
            {.quantity = Quantity::Bias, .parameter = 0},
            {Quantity::Target, 0, last, 0},
            {Quantity::LearningRate},
        };
        refs.insert(refs.end(), std::begin(none), std::end(none));
        for (const core::QuantityRef& ref : refs) {
            const auto found = index.find(ref);
            EXPECT_EQ(lazy.indexOf(ref), found == index.end() ? -1 : found->second)
                << core::quantityName(step.topology(), ref, samples);
        }
        for (const core::Phase phase :
             {core::Phase::Forward, core::Phase::Backward, core::Phase::Update})
            EXPECT_EQ(lazy.phaseEnd(phase),
                      std::count_if(eager.begin(), eager.end(),
                                    [&](const core::Term& term) { return term.phase <= phase; }));
    }
}

// Bug: every term's highlight listed the whole rest of the network, so the explanation of a
// 2-64x6-2 network with 4 samples took 3.9 GB (and the largest died with bad_alloc). A term now
// stores its own parts only, and walking through every term holds none of them.
TEST(ExplanationIndexTest, EveryTermOfADeepNetworkInBoundedMemory) {
    core::NetworkConfig config;
    config.layers = {2, 64, 64, 64, 64, 64, 64, 2};
    config.activations.assign(7, core::Activation::Sigmoid);
    config.biasMode = core::BiasMode::PerNode;
    config.trainBiases = true;
    config.samples = {{{0, 0}, {1, 0}}, {{0, 1}, {0, 1}}, {{1, 0}, {0, 1}}, {{1, 1}, {1, 0}}};
    core::Trainer trainer(config);
    const core::Explanation terms(trainer.preview(), 9);
    EXPECT_GT(terms.size(), 150'000);
    const std::size_t before = residentBytes();
    std::size_t most = before;
    long long stored = 0;
    for (int i = 0; i < terms.size(); ++i) {
        const core::Highlight h = terms.term(i).highlight;
        const std::size_t parts = h.nodes.size() + h.weights.size() + h.biases.size() +
                                  h.biasEdges.size() + h.downstream.size();
        // No more than a node, its inputs and their weights, its bias and the bias's edge.
        ASSERT_LE(parts, 2u * 64 + 3) << i << ": " << symbolOf(terms.term(i));
        stored += static_cast<long long>(parts);
        if (i % 4096 == 0) most = std::max(most, residentBytes());
    }
    EXPECT_LT(stored, 4LL * terms.size());
    if (testing_support::kResidentBytesTellWhatIsKept)
        EXPECT_LT(most - before, std::size_t{200} << 20);
}

}  // namespace
