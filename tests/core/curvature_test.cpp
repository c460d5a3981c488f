// The curvature of the batch loss against an oracle that shares no code with the engine
// (referencehessian.h) and against answers known in closed form.
#include "core/curvature.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <thread>

#include "core/trainer.h"
#include "curvaturenetworks.h"
#include "referencehessian.h"

namespace {

using core::Activation;
using core::BiasMode;
using testing_support::curvatureOf;
using testing_support::mediumNetwork;
using testing_support::randomNetwork;

// |H v - lambda v| for the row-major n x n matrix `h`.
double residual(const std::vector<double>& h, const core::Eigenpair& pair) {
    const std::size_t n = pair.vector.size();
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        double row = -pair.value * pair.vector[i];
        for (std::size_t j = 0; j < n; ++j)
            row += h[i * n + j] * pair.vector[j];
        sum += row * row;
    }
    return std::sqrt(sum);
}

// Networks of `activations` in both bias modes, biases trained and frozen: every Hessian entry
// against second differences of the independent loss, the extreme eigenvalues and the top two
// against Jacobi's on that Hessian, the directions as eigenvectors of it.
void expectMatchesReference(const std::vector<Activation>& activations, unsigned seed) {
    std::mt19937_64 random(seed);
    int compared = 0;
    for (BiasMode mode : {BiasMode::Shared, BiasMode::PerNode})
        for (bool train : {false, true})
            for (int network = 0; network < 4;) {
                const core::NetworkConfig config = randomNetwork(random, activations, mode, train);
                // ReLU: only where no net is near the kink, which the differences would cross.
                long double smallestReluNet = std::numeric_limits<long double>::max();
                testing_support::referenceLoss(config, testing_support::flatParameters(config),
                                               &smallestReluNet);
                if (smallestReluNet < 0.01L) continue;
                ++network;
                const core::Curvature curvature = curvatureOf(config);
                const core::Topology topology = core::topologyOf(config);
                const int n = topology.weightCount() + (train ? topology.biasCount() : 0);
                ASSERT_TRUE(curvature.finite);
                ASSERT_EQ(curvature.method, core::CurvatureMethod::Dense);
                ASSERT_EQ(curvature.parameterCount, n);
                const std::vector<double> reference = testing_support::referenceHessian(config, n);
                double scale = 1.0;
                for (const double entry : reference)
                    scale = std::max(scale, std::abs(entry));
                for (int i = 0; i < n * n; ++i)
                    ASSERT_NEAR(curvature.hessian[i], reference[i], 1e-8 * scale)
                        << "entry " << i / n << "," << i % n << " of " << n;
                const std::vector<double> values = testing_support::jacobiEigenvalues(reference, n);
                const double tolerance = 1e-8 * scale * n;
                EXPECT_NEAR(curvature.lambdaMax, values[n - 1], tolerance);
                EXPECT_NEAR(curvature.lambdaMin, values[0], tolerance);
                ASSERT_EQ(curvature.directions.size(), std::size_t(std::min(n, 2)));
                for (std::size_t k = 0; k < curvature.directions.size(); ++k) {
                    EXPECT_NEAR(curvature.directions[k].value, values[n - 1 - k], tolerance);
                    EXPECT_LT(residual(reference, curvature.directions[k]), tolerance);
                }
                ++compared;
            }
    EXPECT_EQ(compared, 16);
}

TEST(CurvatureTest, JacobiOfTheOracleFindsAKnownSpectrum) {
    // [[2, 1, 0], [1, 2, 1], [0, 1, 2]] has eigenvalues 2 - sqrt 2, 2, 2 + sqrt 2.
    const std::vector<double> values =
        testing_support::jacobiEigenvalues({2, 1, 0, 1, 2, 1, 0, 1, 2}, 3);
    EXPECT_NEAR(values[0], 2 - std::sqrt(2.0), 1e-14);
    EXPECT_NEAR(values[1], 2, 1e-14);
    EXPECT_NEAR(values[2], 2 + std::sqrt(2.0), 1e-14);
}

TEST(CurvatureTest, SigmoidNetworksMatchTheIndependentHessian) {
    expectMatchesReference({Activation::Sigmoid}, 1);
}

TEST(CurvatureTest, TanhNetworksMatchTheIndependentHessian) {
    expectMatchesReference({Activation::Tanh}, 2);
}

TEST(CurvatureTest, ReluNetworksMatchTheIndependentHessianAwayFromTheKink) {
    expectMatchesReference({Activation::Relu}, 3);
}

TEST(CurvatureTest, LinearNetworksMatchTheIndependentHessian) {
    expectMatchesReference({Activation::Linear}, 4);
}

TEST(CurvatureTest, MixedNetworksMatchTheIndependentHessian) {
    expectMatchesReference({Activation::Tanh, Activation::Relu, Activation::Sigmoid}, 5);
}

// A 1-1 linear network, out = w x + b, with the samples' inputs `inputs` (targets 0.25):
// E = mean 1/2 (t - w x - b)^2 has d2E/dw2 = mean x^2, d2E/dwdb = mean x, d2E/db2 = 1.
core::NetworkConfig linearOneToOne(const std::vector<double>& inputs, bool trainBias = false) {
    core::NetworkConfig config;
    config.layers = {1, 1};
    config.activations = {Activation::Linear};
    config.trainBiases = trainBias;
    config.weights = {{{0.5}}};
    config.biases = {{0.1}};
    for (const double x : inputs)
        config.samples.push_back({{x}, {0.25}});
    return config;
}

TEST(CurvatureTest, LinearOneToOneHasLambdaXSquared) {
    const double x = 1.5;
    const core::Curvature curvature = curvatureOf(linearOneToOne({x}));
    ASSERT_TRUE(curvature.finite);
    EXPECT_EQ(curvature.parameterCount, 1);
    EXPECT_NEAR(curvature.lambdaMax, x * x, 1e-10);
    EXPECT_EQ(curvature.lambdaMin, curvature.lambdaMax);
    ASSERT_EQ(curvature.directions.size(), 1u);
    EXPECT_EQ(curvature.directions[0].vector, std::vector<double>{1.0});
    EXPECT_NEAR(*core::stableRate(curvature.lambdaMax, 0.0), 2 / (x * x), 1e-10);
    EXPECT_NEAR(*core::stableRate(curvature.lambdaMax, 0.9), 2 * 1.9 / (x * x), 1e-10);
}

TEST(CurvatureTest, SeveralSamplesGiveTheMeanOfXSquared) {
    const core::Curvature curvature = curvatureOf(linearOneToOne({0.5, 1.5, -2.0}));
    EXPECT_NEAR(curvature.lambdaMax, (0.25 + 2.25 + 4.0) / 3, 1e-10);
}

TEST(CurvatureTest, ATrainedSharedBiasIsOneMoreParameter) {
    // H = [[a, c], [c, 1]] with a = mean x^2, c = mean x: eigenvalues m +- sqrt(d^2 + c^2), m
    // the mean of the diagonal, d half its difference.
    const core::Curvature curvature = curvatureOf(linearOneToOne({0.5, 1.5, 2.0}, true));
    ASSERT_EQ(curvature.parameterCount, 2);
    const double a = (0.25 + 2.25 + 4.0) / 3, c = 4.0 / 3, m = (a + 1) / 2, d = (a - 1) / 2;
    EXPECT_NEAR(curvature.lambdaMax, m + std::hypot(d, c), 1e-10);
    EXPECT_NEAR(curvature.lambdaMin, m - std::hypot(d, c), 1e-10);
    EXPECT_NEAR(curvature.hessian[1], c, 1e-10);
}

TEST(CurvatureTest, StableRateIsTwoOnePlusBetaOverLambdaOrNone) {
    EXPECT_EQ(core::stableRate(2.25, 0.0), 2.0 / 2.25);
    EXPECT_EQ(core::stableRate(2.25, 0.5), 3.0 / 2.25);
    EXPECT_EQ(core::stableRate(0.0, 0.5), std::nullopt);
    EXPECT_EQ(core::stableRate(-1e-3, 0.0), std::nullopt);
    EXPECT_EQ(core::stableRate(std::nan(""), 0.0), std::nullopt);
}

// |dE/dw| after `steps` updates of the engine at `rate` over |dE/dw| before them: on this
// quadratic E, dE/dw = lambda (w - w_min), the distance from the minimum.
double gradientGrowth(const core::NetworkConfig& network, double rate, int steps) {
    core::NetworkConfig config = network;
    config.learningRate = rate;
    core::Trainer trainer(config);
    const double before = trainer.evaluate().dLoss_dWeight(0);
    trainer.run(steps);
    return std::abs(trainer.evaluate().dLoss_dWeight(0) / before);
}

TEST(CurvatureTest, GradientDescentConvergesBelowTheStableRateAndGrowsAbove) {
    for (const std::vector<double>& inputs : {std::vector<double>{1.5}, {0.5, 1.5, -2.0}}) {
        const core::NetworkConfig config = linearOneToOne(inputs);
        const double rate = *core::stableRate(curvatureOf(config).lambdaMax, 0.0);
        EXPECT_LT(gradientGrowth(config, 0.9 * rate, 200), 1e-12);  // |1 - 1.8| = 0.8 a step
        EXPECT_GT(gradientGrowth(config, 1.1 * rate, 200), 1e12);   // |1 - 2.2| = 1.2 a step
    }
}

// |w| after `steps` of heavy-ball momentum (v <- beta v + dE/dw; w <- w - lr v), written out
// here, on E = lambda / 2 w^2 from w = 1.
double heavyBall(double lambda, double beta, double rate, int steps) {
    double w = 1.0, v = 0.0;
    for (int step = 0; step < steps; ++step) {
        v = beta * v + lambda * w;
        w -= rate * v;
    }
    return std::abs(w);
}

TEST(CurvatureTest, MomentumConvergesBelowItsStableRateAndGrowsAbove) {
    const double lambda = curvatureOf(linearOneToOne({1.5})).lambdaMax;
    for (const double beta : {0.0, 0.5, 0.9}) {
        const double rate = *core::stableRate(lambda, beta);
        EXPECT_LT(heavyBall(lambda, beta, 0.9 * rate, 500), 1e-6) << beta;
        EXPECT_GT(heavyBall(lambda, beta, 1.1 * rate, 500), 1e6) << beta;
    }
}

TEST(CurvatureTest, NonFiniteValuesAreReportedNotReturned) {
    const core::NetworkConfig config = linearOneToOne({1.5, 2.0}, true);
    const core::Topology topology = core::topologyOf(config);
    const core::Parameters parameters = core::initialParameters(config);
    const double infinity = std::numeric_limits<double>::infinity();
    for (const int limit : {512, 0}) {  // dense and Lanczos
        const core::CurvatureOptions options{.denseLimit = limit};
        core::Parameters infinite = parameters;
        infinite.weights[0] = infinity;
        core::Parameters huge = parameters;
        huge.weights[0] = 1e308;  // finite, but the net of x = 2 overflows
        std::vector<core::Sample> notANumber = config.samples;
        notANumber[1].input[0] = std::nan("");
        for (const core::Curvature& curvature :
             {core::curvatureAt(topology, infinite, config.samples, true, options),
              core::curvatureAt(topology, huge, config.samples, true, options),
              core::curvatureAt(topology, parameters, notANumber, true, options),
              core::curvatureAt(topology, parameters, {}, true, options)}) {
            EXPECT_FALSE(curvature.finite);
            EXPECT_EQ(curvature.lambdaMax, 0.0);
            EXPECT_EQ(curvature.lambdaMin, 0.0);
            EXPECT_TRUE(curvature.directions.empty());
            EXPECT_TRUE(curvature.hessian.empty());
        }
    }
}

// The fields a worker's answer is read by, compared bit for bit.
void expectSameBits(const core::Curvature& a, const core::Curvature& b) {
    EXPECT_EQ(a.lambdaMax, b.lambdaMax);
    EXPECT_EQ(a.lambdaMin, b.lambdaMin);
    ASSERT_EQ(a.directions.size(), b.directions.size());
    for (std::size_t k = 0; k < a.directions.size(); ++k)
        EXPECT_EQ(a.directions[k].vector, b.directions[k].vector);
    EXPECT_EQ(a.hessian, b.hessian);
}

TEST(CurvatureTest, WorkerThreadsGetTheSameBits) {
    const core::NetworkConfig config = mediumNetwork();
    for (const int limit : {512, 0}) {
        const core::CurvatureOptions options{.denseLimit = limit, .lanczosSteps = 20};
        const core::Curvature alone = curvatureOf(config, options);
        core::Curvature first, second;
        std::thread one([&] { first = curvatureOf(config, options); });
        std::thread two([&] { second = curvatureOf(config, options); });
        one.join();
        two.join();
        expectSameBits(alone, first);
        expectSameBits(alone, second);
    }
}

TEST(CurvatureTest, DirectionsMapToWeightsThenBiasesWithFrozenBiasesZero) {
    for (const bool train : {false, true}) {
        core::NetworkConfig config = mediumNetwork();
        config.trainBiases = train;
        const core::Topology topology = core::topologyOf(config);
        const core::Curvature curvature = curvatureOf(config);
        const std::vector<double>& direction = curvature.directions[0].vector;
        const core::Parameters flat = core::directionParameters(topology, direction);
        ASSERT_EQ(flat.weights.size(), std::size_t(topology.weightCount()));
        ASSERT_EQ(flat.biases.size(), std::size_t(topology.biasCount()));
        for (int w = 0; w < topology.weightCount(); ++w)
            EXPECT_EQ(flat.weights[w], direction[w]);
        for (int b = 0; b < topology.biasCount(); ++b)
            EXPECT_EQ(flat.biases[b], train ? direction[topology.weightCount() + b] : 0.0);
    }
}

}  // namespace
