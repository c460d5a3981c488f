// Lanczos on operators whose spectrum is known, and on the Hessian against the dense method.
#include "core/lanczos.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <random>

#include "curvaturenetworks.h"

namespace {

using core::Activation;
using core::BiasMode;
using testing_support::curvatureOf;
using testing_support::mediumNetwork;
using testing_support::randomNetwork;

// The operator v -> D v of the diagonal matrix D = diag(`diagonal`).
auto diagonalTimes(const std::vector<double>& diagonal) {
    return [diagonal](const double* v, double* product) {
        for (std::size_t i = 0; i < diagonal.size(); ++i)
            product[i] = diagonal[i] * v[i];
        return true;
    };
}

// The distance from `value` to the nearest of `eigenvalues`.
double distanceToSpectrum(double value, const std::vector<double>& eigenvalues) {
    double nearest = std::numeric_limits<double>::infinity();
    for (const double eigenvalue : eigenvalues)
        nearest = std::min(nearest, std::abs(value - eigenvalue));
    return nearest;
}

TEST(LanczosTest, RitzValuesStayInsideTheSpectrumWithinTheirResiduals) {
    std::vector<double> diagonal(200);
    for (int i = 0; i < 200; ++i)
        diagonal[i] = i + 1;
    const core::LanczosResult result = core::lanczos(200, diagonalTimes(diagonal), 40);
    ASSERT_TRUE(result.finite);
    EXPECT_EQ(result.steps, 40);
    const double largest = result.largest[0].value;
    EXPECT_LE(largest, 200 + 1e-12);
    EXPECT_GE(result.smallest, 1 - 1e-12);
    EXPECT_LE(distanceToSpectrum(largest, diagonal), result.largestResidual + 1e-12);
    EXPECT_LE(distanceToSpectrum(result.smallest, diagonal), result.smallestResidual + 1e-12);
    // The Ritz vector's own residual |D y - theta y| is the one reported.
    const std::vector<double>& y = result.largest[0].vector;
    double sum = 0.0, norm = 0.0;
    for (int i = 0; i < 200; ++i) {
        sum += std::pow(diagonal[i] * y[i] - largest * y[i], 2);
        norm += y[i] * y[i];
    }
    EXPECT_NEAR(std::sqrt(norm), 1.0, 1e-12);
    EXPECT_NEAR(std::sqrt(sum), result.largestResidual, 1e-9);
}

TEST(LanczosTest, AnOutlyingLargestEigenvalueConvergesInAFewSteps) {
    std::vector<double> diagonal(500);
    for (int i = 0; i < 500; ++i)
        diagonal[i] = 1.0 - 2.0 * i / 499;  // a cluster in [-1, 1]
    diagonal[123] = 50.0;
    const core::LanczosResult result = core::lanczos(500, diagonalTimes(diagonal), 12);
    EXPECT_NEAR(result.largest[0].value, 50.0, 1e-10);
    EXPECT_NEAR(std::abs(result.largest[0].vector[123]), 1.0, 1e-10);
    EXPECT_GT(result.largest[0].vector[123], 0.0);  // the sign convention
}

TEST(LanczosTest, AClosedKrylovSpaceStartsAfreshAndFindsEverything) {
    // Two distinct eigenvalues: every Krylov space closes after two steps.
    const std::vector<double> diagonal = {1, 2, 1, 2, 1, 2};
    const core::LanczosResult result = core::lanczos(6, diagonalTimes(diagonal), 6);
    ASSERT_TRUE(result.finite);
    EXPECT_NEAR(result.smallest, 1.0, 1e-12);
    EXPECT_NEAR(result.largest[0].value, 2.0, 1e-12);
    EXPECT_NEAR(result.largest[1].value, 2.0, 1e-12);
    EXPECT_NEAR(result.largestResidual, 0.0, 1e-12);
}

TEST(LanczosTest, OneByOneAndNonFiniteOperators) {
    const core::LanczosResult one = core::lanczos(1, diagonalTimes({-3.0}), 40);
    EXPECT_TRUE(one.finite);
    EXPECT_EQ(one.steps, 1);
    EXPECT_EQ(one.largest.size(), 1u);
    EXPECT_EQ(one.largest[0].value, -3.0);
    EXPECT_EQ(one.smallest, -3.0);
    const auto failing = [](const double*, double*) { return false; };
    EXPECT_FALSE(core::lanczos(10, failing, 5).finite);
    EXPECT_FALSE(core::lanczos(3, diagonalTimes({1.0, std::nan(""), 2.0}), 3).finite);
}

TEST(LanczosTest, LanczosAgreesWithDenseOnAMediumNetwork) {
    const core::NetworkConfig config = mediumNetwork();
    const core::Curvature dense = curvatureOf(config);
    const core::Curvature lanczos = curvatureOf(config, {.denseLimit = 0, .lanczosSteps = 40});
    ASSERT_EQ(dense.parameterCount, 146);
    ASSERT_EQ(dense.method, core::CurvatureMethod::Dense);
    ASSERT_EQ(lanczos.method, core::CurvatureMethod::Lanczos);
    ASSERT_TRUE(dense.finite && lanczos.finite);
    EXPECT_EQ(lanczos.gradientPasses, 80);
    const double scale = dense.lambdaMax - dense.lambdaMin;
    EXPECT_NEAR(lanczos.lambdaMax, dense.lambdaMax, 1e-8 * scale);
    EXPECT_NEAR(lanczos.lambdaMin, dense.lambdaMin, 1e-3 * scale);
    EXPECT_LE(std::abs(lanczos.lambdaMin - dense.lambdaMin),
              lanczos.lambdaMinResidual + 1e-8 * scale);
    // The top two directions are the same vectors (their gaps are wide here).
    ASSERT_EQ(lanczos.directions.size(), 2u);
    for (int k = 0; k < 2; ++k) {
        EXPECT_NEAR(lanczos.directions[k].value, dense.directions[k].value, 1e-6 * scale);
        double dot = 0.0;
        for (int i = 0; i < 146; ++i)
            dot += lanczos.directions[k].vector[i] * dense.directions[k].vector[i];
        EXPECT_NEAR(dot, 1.0, 1e-6) << k;
    }
}

TEST(LanczosTest, LanczosWithAStepPerParameterFindsTheDenseEnds) {
    std::mt19937_64 random(21);
    for (int network = 0; network < 20; ++network) {
        const core::NetworkConfig config =
            randomNetwork(random, {Activation::Tanh, Activation::Sigmoid}, BiasMode::PerNode, true);
        const core::Curvature dense = curvatureOf(config);
        const core::Curvature lanczos =
            curvatureOf(config, {.denseLimit = 0, .lanczosSteps = dense.parameterCount});
        const double scale = std::max(1.0, dense.lambdaMax - dense.lambdaMin);
        EXPECT_NEAR(lanczos.lambdaMax, dense.lambdaMax, 1e-8 * scale);
        EXPECT_NEAR(lanczos.lambdaMin, dense.lambdaMin, 1e-8 * scale);
    }
}

}  // namespace

namespace {

// A measure cancelled from another thread stops within a step: not finite, and far fewer
// gradient passes than the 80 of its 40 steps.
TEST(LanczosTest, ACancelledMeasureStopsWithinAStep) {
    const core::NetworkConfig config = mediumNetwork();
    std::atomic<bool> cancelled{true};
    const core::Curvature stopped =
        curvatureOf(config, {.denseLimit = 0, .lanczosSteps = 40, .cancelled = &cancelled});
    EXPECT_FALSE(stopped.finite);
    EXPECT_LE(stopped.gradientPasses, 2);
    cancelled = false;
    const core::Curvature whole =
        curvatureOf(config, {.denseLimit = 0, .lanczosSteps = 40, .cancelled = &cancelled});
    EXPECT_TRUE(whole.finite);
    EXPECT_EQ(whole.gradientPasses, 80);
}

}  // namespace
