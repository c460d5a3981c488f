#pragma once

#include <vector>

#include "batchpass.h"
#include "networkconfig.h"
#include "topology.h"

namespace core {

// The gradient of the batch loss E over the trained parameters only (every weight, then every
// bias when biases are trained: a prefix of the flat weights-then-biases layout) at any point
// near a given one, and the central differences of it that give the Hessian of E. Each gradient
// is one forward and backward pass of the engine. Keeps the scratch of its passes: one object per
// thread. `topology` and `samples` must outlive it.
class BatchGradient {
public:
    // Relative step of the central differences: h = relativeStep * max(1, |p|) moves a parameter
    // p. Near eps^(1/3) = 6e-6, where the truncation error of a central difference (h^2) and
    // its rounding error (eps / h) are about equal. Against an extrapolated long-double
    // reference on 60 small random networks the worst entry was off by 1.4e-10 of the largest
    // (1.4e-8 at a step of 1e-4, 2e-9 at 1e-7).
    static constexpr double relativeStep = 1e-5;

    // The point is `parameters` with the biases frozen unless `trainBiases`.
    BatchGradient(const Topology& topology, const Parameters& parameters,
                  const std::vector<Sample>& samples, bool trainBiases);

    // n, the number of trained parameters.
    int size() const { return static_cast<int>(point_.size()); }
    // The trained parameters of the point, n values.
    const std::vector<double>& point() const { return point_; }

    // dE/dp at the trained parameters `at` (n values; frozen biases keep their values) into
    // `gradient` (n values). False when a net, the loss or a gradient is not finite.
    bool evaluate(const double* at, double* gradient);

    // H v at the point for a direction `v` (n values, not all 0) into `product` (n values):
    // (g(p + eps v) - g(p - eps v)) / 2 eps, the largest move eps |v_i| being relativeStep *
    // max(1, max |p_i|). Two passes. False when a value on the way is not finite.
    bool hessianTimes(const double* v, double* product);

    // The n x n Hessian into `matrix`, row-major: column j is (g(p + h e_j) - g(p - h e_j)) /
    // (p_j+ - p_j-), with h = relativeStep * max(1, |p_j|) and the step actually taken in the
    // denominator; then symmetrized, H = (H + H^T) / 2. 2n passes. `asymmetry` gets the largest
    // |H_ij - H_ji| before that, an estimate of the differences' error. False when a value on
    // the way is not finite.
    bool hessian(std::vector<double>& matrix, double& asymmetry);

private:
    // The gradient at `point_ + scale * v` into `gradient`.
    bool evaluateMoved(const double* v, double scale, double* gradient);

    const Topology& topology_;
    const std::vector<Sample>& samples_;
    bool batchPass_ = false;
    std::vector<double> point_;
    Parameters moved_;  // all parameters of the point being evaluated
    std::vector<double> nodes_;
    std::vector<double> sampleGradient_;
    std::vector<double> fullGradient_;  // weights, then every bias
    std::vector<double> plus_, minus_, position_;
    BatchWorkspace workspace_;
};

}  // namespace core
