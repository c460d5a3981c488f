#include "curvature.h"

#include <Eigen/Eigenvalues>
#include <algorithm>

#include "batchgradient.h"
#include "lanczos.h"

namespace core {

namespace {

// The whole Hessian, then all its eigenpairs.
void denseCurvature(BatchGradient& gradient, Curvature& curvature) {
    const int n = gradient.size();
    curvature.gradientPasses = 2 * n;
    if (!gradient.hessian(curvature.hessian, curvature.asymmetry)) {
        curvature.hessian.clear();
        return;
    }
    const Eigen::Map<const Eigen::MatrixXd> matrix(curvature.hessian.data(), n, n);
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(matrix);
    if (solver.info() != Eigen::Success || !solver.eigenvalues().allFinite()) return;
    const Eigen::VectorXd& values = solver.eigenvalues();  // ascending
    curvature.lambdaMin = values[0];
    curvature.lambdaMax = values[n - 1];
    for (int i = n - 1; i >= std::max(0, n - 2); --i) {
        Eigenpair pair{values[i], std::vector<double>(n)};
        Eigen::Map<Eigen::VectorXd>(pair.vector.data(), n) = solver.eigenvectors().col(i);
        orientEigenvector(pair.vector);
        curvature.directions.push_back(std::move(pair));
    }
    curvature.finite = true;
}

// The ends of the spectrum by Lanczos on Hessian-vector products.
void lanczosCurvature(BatchGradient& gradient, const CurvatureOptions& options,
                      Curvature& curvature) {
    LanczosResult result = lanczos(
        gradient.size(),
        [&](const double* v, double* product) {
            if (options.cancelled && options.cancelled->load()) return false;
            return gradient.hessianTimes(v, product);
        },
        options.lanczosSteps);
    curvature.gradientPasses = 2 * result.steps;
    if (!result.finite) return;
    curvature.lambdaMax = result.largest.front().value;
    curvature.lambdaMin = result.smallest;
    curvature.lambdaMaxResidual = result.largestResidual;
    curvature.lambdaMinResidual = result.smallestResidual;
    curvature.directions = std::move(result.largest);
    curvature.finite = true;
}

}  // namespace

Curvature curvatureAt(const Topology& topology, const Parameters& parameters,
                      const std::vector<Sample>& samples, bool trainBiases,
                      const CurvatureOptions& options) {
    BatchGradient gradient(topology, parameters, samples, trainBiases);
    Curvature curvature;
    curvature.parameterCount = gradient.size();
    curvature.method =
        gradient.size() <= options.denseLimit ? CurvatureMethod::Dense : CurvatureMethod::Lanczos;
    if (samples.empty()) return curvature;
    if (curvature.method == CurvatureMethod::Dense)
        denseCurvature(gradient, curvature);
    else
        lanczosCurvature(gradient, options, curvature);
    if (curvature.finite) return curvature;
    Curvature failed;
    failed.method = curvature.method;
    failed.parameterCount = curvature.parameterCount;
    failed.gradientPasses = curvature.gradientPasses;
    return failed;
}

std::optional<double> stableRate(double lambdaMax, double momentum) {
    if (!(lambdaMax > 0.0)) return std::nullopt;
    return 2.0 * (1.0 + momentum) / lambdaMax;
}

Parameters directionParameters(const Topology& topology, const std::vector<double>& direction) {
    // The trained parameters are the first of weights-then-biases.
    const std::size_t weights = topology.weightCount();
    Parameters flat{std::vector<double>(weights, 0.0),
                    std::vector<double>(topology.biasCount(), 0.0)};
    for (std::size_t i = 0; i < direction.size(); ++i)
        (i < weights ? flat.weights[i] : flat.biases[i - weights]) = direction[i];
    return flat;
}

}  // namespace core
