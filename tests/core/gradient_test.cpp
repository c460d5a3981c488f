#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "core/trainer.h"

namespace {

using core::Activation;

// A random network: 2 to 5 layers of 1 to 8 nodes, random activations, bias mode and 1 to 4
// samples, with weights, inputs and targets in [-1, 1].
core::NetworkConfig randomNetwork(std::mt19937_64& random) {
    const auto uniform = [&](double low, double high) {
        return std::uniform_real_distribution<double>(low, high)(random);
    };
    const auto integer = [&](int low, int high) {
        return std::uniform_int_distribution<int>(low, high)(random);
    };
    core::NetworkConfig config;
    config.layers.resize(integer(2, 5));
    for (int& size : config.layers)
        size = integer(1, 8);
    config.activations.clear();
    for (std::size_t l = 1; l < config.layers.size(); ++l)
        config.activations.push_back(static_cast<Activation>(integer(0, 3)));
    config.biasMode = integer(0, 1) ? core::BiasMode::Shared : core::BiasMode::PerNode;
    config.trainBiases = true;
    config.seed = random();
    config.samples.resize(integer(1, 4));
    for (core::Sample& sample : config.samples) {
        for (int i = 0; i < config.layers.front(); ++i)
            sample.input.push_back(uniform(-1, 1));
        for (int o = 0; o < config.layers.back(); ++o)
            sample.target.push_back(uniform(-1, 1));
    }
    return config;
}

// Whether two evaluations put any ReLU node on different sides of its kink at 0, where the
// derivative jumps and a finite difference means nothing.
bool crossesKink(const core::StepSnapshot& a, const core::StepSnapshot& b) {
    const core::Topology& topology = a.topology();
    for (int s = 0; s < a.sampleCount(); ++s)
        for (int l = 1; l < topology.layerCount(); ++l) {
            if (topology.activation(l) != Activation::Relu) continue;
            for (int n = 0; n < topology.layerSize(l); ++n)
                if ((a.node(s, l, n).net > 0) != (b.node(s, l, n).net > 0)) return true;
        }
    return false;
}

// The batch loss with one parameter moved by `offset`; sets `kink` if a ReLU changed side.
double lossAt(core::Trainer& trainer, const core::StepSnapshot& base, bool isWeight, int index,
              double offset, bool& kink) {
    core::Parameters moved = trainer.initialParameters();
    (isWeight ? moved.weights : moved.biases)[index] += offset;
    trainer.restore(moved, 0);
    const core::StepSnapshot snapshot = trainer.evaluate();
    kink = kink || crossesKink(base, snapshot);
    return snapshot.loss();
}

// Every weight and bias gradient of 1,000 random networks against a fourth-order central
// difference of the batch loss, (-E(p+2h) + 8E(p+h) - 8E(p-h) + E(p-2h)) / 12h.
TEST(GradientTest, BackwardMatchesFiniteDifferences) {
    std::mt19937_64 random(20261128);
    constexpr double h = 1e-4;
    int compared = 0;
    for (int network = 0; network < 1000; ++network) {
        const core::NetworkConfig config = randomNetwork(random);
        core::Trainer trainer(config);
        const core::StepSnapshot base = trainer.evaluate();
        const core::Topology& topology = trainer.topology();
        const int parameters = topology.weightCount() + topology.biasCount();
        for (int p = 0; p < parameters; ++p) {
            const bool isWeight = p < topology.weightCount();
            const int index = isWeight ? p : p - topology.weightCount();
            const double analytic = isWeight ? base.dLoss_dWeight(index) : base.dLoss_dBias(index);
            bool kink = false;
            const double numeric = (-lossAt(trainer, base, isWeight, index, 2 * h, kink) +
                                    8 * lossAt(trainer, base, isWeight, index, h, kink) -
                                    8 * lossAt(trainer, base, isWeight, index, -h, kink) +
                                    lossAt(trainer, base, isWeight, index, -2 * h, kink)) /
                                   (12 * h);
            if (kink) continue;
            const double scale = std::max(std::abs(analytic), std::abs(numeric));
            // Below 1e-5 a gradient is tiny: compare absolutely, at the difference's noise.
            if (scale < 1e-5)
                EXPECT_NEAR(analytic, numeric, 1e-10);
            else
                EXPECT_LT(std::abs(analytic - numeric) / scale, 1e-6)
                    << "network " << network << ", parameter " << p << ": " << analytic << " vs "
                    << numeric;
            ++compared;
        }
    }
    EXPECT_GT(compared, 20000);
}

}  // namespace
