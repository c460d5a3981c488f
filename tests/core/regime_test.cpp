#include "core/regime.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/trainer.h"
#include "workedexample.h"

namespace {

using core::Regime;

std::vector<double> curve(int count, double (*loss)(int)) {
    std::vector<double> losses;
    for (int i = 0; i < count; ++i)
        losses.push_back(loss(i));
    return losses;
}

TEST(RegimeTest, HandMadeCurves) {
    const auto classify = [](std::vector<double> losses, double gradient = 0.1,
                             bool diverged = false) {
        return core::classifyRegime({std::move(losses), gradient, diverged});
    };
    EXPECT_EQ(classify({0.3, 0.2, 0.1}), Regime::Starting);
    EXPECT_EQ(classify(curve(50, [](int i) { return 0.3 * std::pow(0.97, i); })),
              Regime::Converging);
    EXPECT_EQ(classify(curve(50, [](int i) { return i % 2 ? 0.36 : 0.29; })), Regime::Oscillating);
    // Up and down with a slow drift down is still oscillating.
    EXPECT_EQ(classify(curve(50, [](int i) { return 0.3 - 0.001 * i + (i % 2 ? 0.02 : 0.0); })),
              Regime::Oscillating);
    EXPECT_EQ(classify(curve(50, [](int i) { return 0.125 + 1e-7 * i; }), 1e-5), Regime::Stalled);
    // The same flat loss with a large gradient is not a plateau of saturation.
    EXPECT_EQ(classify(curve(50, [](int) { return 0.125; }), 0.5), Regime::Converging);
    // A solved problem barely moves too, but it is not stalled.
    EXPECT_EQ(classify(curve(50, [](int) { return 1e-7; }), 1e-6), Regime::Converging);
    EXPECT_EQ(classify(curve(50, [](int i) { return 0.3 * std::pow(1.05, i); })),
              Regime::Diverging);
    EXPECT_EQ(classify(curve(50, [](int) { return 0.3; }), 0.1, true), Regime::Diverged);
    EXPECT_EQ(classify({0.3, 0.2, INFINITY, 0.1, 0.1, 0.1}), Regime::Diverged);
    // Tiny wiggles around a slow descent are not an oscillation.
    EXPECT_EQ(classify(curve(50, [](int i) { return 0.3 - 1e-3 * i + (i % 2 ? 1e-12 : 0.0); })),
              Regime::Converging);
}

// The regime after `steps` of a configuration, read off the last window of its losses.
Regime regimeOf(core::NetworkConfig config, long long steps) {
    core::Trainer trainer(config);
    std::vector<double> losses;
    trainer.run(steps, &losses);
    const core::StepSnapshot now = trainer.evaluate();
    if (std::isfinite(now.loss())) losses.push_back(now.loss());
    const std::size_t from =
        losses.size() > core::RegimeRule::window ? losses.size() - core::RegimeRule::window : 0;
    return core::classifyRegime({std::vector<double>(losses.begin() + from, losses.end()),
                                 core::trainedGradientNorm(now), trainer.divergence().has_value()});
}

core::NetworkConfig withRate(core::NetworkConfig config, double rate) {
    config.learningRate = rate;
    return config;
}

TEST(RegimeTest, RecordedCurvesOfThePresets) {
    const core::NetworkConfig mazur = testing_support::workedExample();
    EXPECT_EQ(regimeOf(mazur, 200), Regime::Converging);
    EXPECT_EQ(regimeOf(withRate(mazur, 0.001), 200), Regime::Converging);  // slowly
    EXPECT_EQ(regimeOf(withRate(mazur, 1000), 200), Regime::Converging);   // saturates, no swing

    core::NetworkConfig oscillate = mazur;
    oscillate.samples.push_back({{0.10, 0.05}, {0.99, 0.01}});
    oscillate.trainBiases = true;
    EXPECT_EQ(regimeOf(withRate(oscillate, 30), 300), Regime::Oscillating);
    // At a small rate the mirrored pair pulls the outputs both ways: E sits at 0.240 with a
    // vanishing gradient, a plateau.
    EXPECT_EQ(regimeOf(withRate(oscillate, 0.5), 300), Regime::Stalled);

    core::NetworkConfig linear = mazur;
    linear.activations = {core::Activation::Linear, core::Activation::Linear};
    linear.samples = {{{1.0, 1.0}, {0.01, 0.99}}};
    EXPECT_EQ(regimeOf(withRate(linear, 1.2), 100), Regime::Diverged);
    // Just above the threshold the loss grows (0.92, 1.27, 1.98, 6.7, 239) and overflows at
    // step 10: before that, the detector calls it diverging.
    EXPECT_EQ(regimeOf(withRate(linear, 0.99), 4), Regime::Diverging);
    EXPECT_EQ(regimeOf(withRate(linear, 0.99), 60), Regime::Diverged);
    EXPECT_EQ(regimeOf(withRate(linear, 0.5), 100), Regime::Converging);

    // XOR from seed 7 sinks into a plateau at E = 0.125 with a vanishing gradient.
    core::NetworkConfig xorStuck = mazur;
    xorStuck.weights.clear();
    xorStuck.biases.clear();
    xorStuck.biasMode = core::BiasMode::PerNode;
    xorStuck.trainBiases = true;
    xorStuck.seed = 7;
    xorStuck.samples = {{{0, 0}, {1, 0}}, {{0, 1}, {0, 1}}, {{1, 0}, {0, 1}}, {{1, 1}, {1, 0}}};
    EXPECT_EQ(regimeOf(withRate(xorStuck, 1.0), 60000), Regime::Stalled);
}

}  // namespace
