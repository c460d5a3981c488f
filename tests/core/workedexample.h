#pragma once

#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "core/networkconfig.h"

namespace testing_support {

// The worked example (Matt Mazur, "A Step by Step Backpropagation Example"), entered by hand from
// the article: 2-2-2, sigmoid, shared frozen biases, one sample, learning rate 0.5.
inline core::NetworkConfig workedExample() {
    core::NetworkConfig config;
    config.layers = {2, 2, 2};
    config.activations = {core::Activation::Sigmoid, core::Activation::Sigmoid};
    config.biasMode = core::BiasMode::Shared;
    config.trainBiases = false;
    config.learningRate = 0.5;
    config.weights = {{{0.15, 0.20}, {0.25, 0.30}}, {{0.40, 0.45}, {0.50, 0.55}}};
    config.biases = {{0.35}, {0.60}};
    config.samples = {{{0.05, 0.10}, {0.01, 0.99}}};
    return config;
}

// Expects `actual` to round to a published figure: within half a unit of its last written digit.
inline void expectPublished(double actual, const std::string& published) {
    const auto point = published.find('.');
    const int decimals = point == std::string::npos ? 0 : int(published.size() - point - 1);
    const double tolerance = 0.5 * std::pow(10.0, -decimals);
    EXPECT_NEAR(actual, std::stod(published), tolerance) << "published as " << published;
}

}  // namespace testing_support
