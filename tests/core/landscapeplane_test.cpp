#include "core/landscapeplane.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <stdexcept>
#include <vector>

#include "core/networkconfig.h"
#include "workedexample.h"

namespace {

// The worked example's starting weights and biases: w1..w8, then b1, b2.
core::Parameters workedParameters() {
    return core::initialParameters(testing_support::workedExample());
}

// Two random directions of `count` values, made orthonormal by Gram-Schmidt.
std::pair<std::vector<double>, std::vector<double>> orthonormalPair(int count,
                                                                    std::mt19937_64& random) {
    std::normal_distribution<double> normal;
    std::vector<double> first(count), second(count);
    for (int k = 0; k < count; ++k) {
        first[k] = normal(random);
        second[k] = normal(random);
    }
    const auto dot = [&](const std::vector<double>& x, const std::vector<double>& y) {
        double sum = 0.0;
        for (int k = 0; k < count; ++k)
            sum += x[k] * y[k];
        return sum;
    };
    const double firstLength = std::sqrt(dot(first, first));
    for (double& value : first)
        value /= firstLength;
    const double along = dot(first, second);
    for (int k = 0; k < count; ++k)
        second[k] -= along * first[k];
    const double secondLength = std::sqrt(dot(second, second));
    for (double& value : second)
        value /= secondLength;
    return {first, second};
}

TEST(LandscapePlaneTest, FlatOrderIsWeightsThenBiases) {
    const core::Parameters parameters = workedParameters();
    EXPECT_EQ(core::flatParameter(parameters, 0), 0.15);  // w1
    EXPECT_EQ(core::flatParameter(parameters, 4), 0.40);  // w5
    EXPECT_EQ(core::flatParameter(parameters, 8), 0.35);  // b1
    EXPECT_EQ(core::flatParameter(parameters, 9), 0.60);  // b2
}

TEST(LandscapePlaneTest, AlongParametersMovesOnlyThoseTwo) {
    const core::LandscapePlane plane =
        core::LandscapePlane::alongParameters(workedParameters(), 4, 9);
    ASSERT_TRUE(plane.axes());
    core::Parameters point;
    plane.pointAt(0.25, -0.5, point);
    core::Parameters expected = workedParameters();
    expected.weights[4] = 0.40 + 0.25;
    expected.biases[1] = 0.60 + -0.5;
    EXPECT_EQ(point, expected);
    plane.pointAt(0.0, 0.0, point);
    EXPECT_EQ(point, workedParameters());
    EXPECT_EQ(plane.first()[4], 1.0);
    EXPECT_EQ(plane.second()[9], 1.0);
}

TEST(LandscapePlaneTest, OriginIsKeptBitForBitWhereTheOffsetIsZero) {
    core::Parameters origin = workedParameters();
    origin.weights[0] = -0.0;
    std::vector<double> first(10, 0.0), second(10, 0.0);
    first[4] = 1.0;
    second[5] = 1.0;
    const auto plane = core::LandscapePlane::alongDirections(origin, first, second);
    core::Parameters point;
    plane.pointAt(0.5, 0.5, point);
    EXPECT_TRUE(std::signbit(point.weights[0]));
    plane.pointAt(0.0, 0.0, point);
    EXPECT_EQ(point, origin);
    EXPECT_TRUE(std::signbit(point.weights[0]));
}

TEST(LandscapePlaneTest, ProjectionOfAPointOnAnAxisPlaneGivesItsCoordinates) {
    const auto plane = core::LandscapePlane::alongParameters(workedParameters(), 4, 9);
    core::Parameters point;
    for (const double a : {-1.0, -0.3, 0.0, 0.7})
        for (const double b : {-0.9, 0.0, 0.1, 1.0}) {
            plane.pointAt(a, b, point);
            const auto [projectedA, projectedB] = plane.project(point);
            // (origin + a) - origin is a up to the rounding of origin + a.
            EXPECT_NEAR(projectedA, a, 1e-15) << a;
            EXPECT_NEAR(projectedB, b, 1e-15) << b;
        }
}

TEST(LandscapePlaneTest, ProjectionOnOrthonormalDirectionsGivesTheCoordinates) {
    std::mt19937_64 random(17);
    std::uniform_real_distribution<double> uniform(-2.0, 2.0);
    const core::Parameters origin = workedParameters();
    const auto [first, second] = orthonormalPair(10, random);
    const auto plane = core::LandscapePlane::alongDirections(origin, first, second);
    // A direction orthogonal to both, which must not change the projection.
    auto [third, unused] = orthonormalPair(10, random);
    double alongFirst = 0.0, alongSecond = 0.0;
    for (int k = 0; k < 10; ++k) {
        alongFirst += third[k] * first[k];
        alongSecond += third[k] * second[k];
    }
    for (int k = 0; k < 10; ++k)
        third[k] -= alongFirst * first[k] + alongSecond * second[k];
    for (int trial = 0; trial < 100; ++trial) {
        const double a = uniform(random), b = uniform(random), c = uniform(random);
        // origin + a d1 + b d2 (+ c d3), built here, not by the plane.
        core::Parameters point = origin;
        for (int k = 0; k < 10; ++k) {
            double& value = k < 8 ? point.weights[k] : point.biases[k - 8];
            value += a * first[k] + b * second[k] + c * third[k];
        }
        const auto [projectedA, projectedB] = plane.project(point);
        EXPECT_NEAR(projectedA, a, 1e-14);
        EXPECT_NEAR(projectedB, b, 1e-14);
    }
}

TEST(LandscapePlaneTest, RefusesPlanesThatDoNotFit) {
    EXPECT_THROW(core::LandscapePlane::alongParameters(workedParameters(), 3, 3),
                 std::invalid_argument);
    EXPECT_THROW(core::LandscapePlane::alongParameters(workedParameters(), 0, 10),
                 std::invalid_argument);
    EXPECT_THROW(core::LandscapePlane::alongParameters(workedParameters(), -1, 2),
                 std::invalid_argument);
    EXPECT_THROW(core::LandscapePlane::alongDirections(workedParameters(), std::vector<double>(9),
                                                       std::vector<double>(10)),
                 std::invalid_argument);
    const auto plane = core::LandscapePlane::alongParameters(workedParameters(), 0, 1);
    EXPECT_THROW(plane.project(core::Parameters{{1.0}, {}}), std::invalid_argument);
}

}  // namespace
