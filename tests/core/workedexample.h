#pragma once

#include <cmath>
#include <string>
#include <utility>

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

// Every term of the worked example's first step, in order, with its value computed by hand from
// the article's formulas (an independent Python evaluation, printed to 9 significant digits).
inline constexpr std::pair<const char*, double> kFirstStep[] = {
    {"net_h1", 0.3775},
    {"out_h1", 0.593269992},
    {"net_h2", 0.3925},
    {"out_h2", 0.596884378},
    {"net_o1", 1.10590597},
    {"out_o1", 0.75136507},
    {"net_o2", 1.2249214},
    {"out_o2", 0.772928465},
    {"E_o1", 0.274811083},
    {"E_o2", 0.0235600256},
    {"E_total", 0.298371109},
    {"dE_total/dout_o1", 0.74136507},
    {"dout_o1/dnet_o1", 0.186815602},
    {"delta_o1", 0.138498562},
    {"dE_total/dout_o2", -0.217071535},
    {"dout_o2/dnet_o2", 0.175510053},
    {"delta_o2", -0.0380982365},
    {"dE_total/dw5", 0.0821670406},
    {"dE_total/dw6", 0.0826676278},
    {"dE_total/dw7", -0.0226025405},
    {"dE_total/dw8", -0.0227402422},
    {"dE_o1/dout_h1", 0.0553994247},
    {"dE_o2/dout_h1", -0.0190491183},
    {"dE_total/dout_h1", 0.0363503064},
    {"dout_h1/dnet_h1", 0.241300709},
    {"delta_h1", 0.00877135469},
    {"dE_o1/dout_h2", 0.0623243527},
    {"dE_o2/dout_h2", -0.0209540301},
    {"dE_total/dout_h2", 0.0413703226},
    {"dout_h2/dnet_h2", 0.240613417},
    {"delta_h2", 0.00995425471},
    {"dE_total/dw1", 0.000438567734},
    {"dE_total/dw2", 0.000877135469},
    {"dE_total/dw3", 0.000497712735},
    {"dE_total/dw4", 0.000995425471},
    {"w1+", 0.149780716},
    {"w2+", 0.199561432},
    {"w3+", 0.249751144},
    {"w4+", 0.299502287},
    {"w5+", 0.35891648},
    {"w6+", 0.408666186},
    {"w7+", 0.51130127},
    {"w8+", 0.561370121},
};

// Expects `actual` to round to a published figure: within half a unit of its last written digit.
inline void expectPublished(double actual, const std::string& published) {
    const auto point = published.find('.');
    const int decimals = point == std::string::npos ? 0 : int(published.size() - point - 1);
    const double tolerance = 0.5 * std::pow(10.0, -decimals);
    EXPECT_NEAR(actual, std::stod(published), tolerance) << "published as " << published;
}

}  // namespace testing_support
