#pragma once

#include <atomic>
#include <optional>
#include <vector>

#include "eigenpair.h"
#include "networkconfig.h"
#include "topology.h"

namespace core {

// How a Curvature was found.
enum class CurvatureMethod {
    // The whole Hessian by central differences of the engine's gradients (2n passes), then every
    // eigenpair of it (Eigen's SelfAdjointEigenSolver). Each entry is good to about 1e-10 of the
    // largest (see BatchGradient::relativeStep; exact up to rounding for a quadratic loss), and
    // so are the eigenvalues; an eigenvector is as good over its gap to the next eigenvalue.
    Dense,
    // Lanczos with full reorthogonalisation on Hessian-vector products, each a central
    // difference of two gradients: a fixed number of steps, so estimates. lambda_max is then
    // never above the true one and lambda_min never below (Ritz values, up to the differences'
    // error of about 1e-9 of lambda_max), each within its residual of an eigenvalue. An
    // outlying lambda_max converges in a few steps; lambda_min, inside the bulk of small
    // eigenvalues, takes longer (measured: README.md, Performance).
    Lanczos,
};

// When and how hard each method works.
struct CurvatureOptions {
    // The most trained parameters for the dense method; above it, Lanczos. The dense method
    // costs 2n passes and about 0.8 n^3 ns of eigenproblem: at 256 and 1,024 samples 0.25 s and
    // a 0.5 MB matrix, where Lanczos takes 40 ms and agrees to 1e-9; at 512, 0.85 s, more than
    // Lanczos at the largest network. Every lesson's network stays dense, its Hessian whole.
    int denseLimit = 256;
    // Lanczos steps, each two gradient passes: 0.7 s at 21,122 parameters and 1,024 samples.
    // At 29,120 parameters 30 steps leave lambda_min's residual at 7e-6 of it, 40 at 3e-8.
    int lanczosSteps = 40;
    // When set and true, Lanczos stops at its next step and the result is not finite: a worker
    // whose question was superseded is free again within one step (two gradient passes).
    const std::atomic<bool>* cancelled = nullptr;
};

// The curvature of the batch loss E at one point: the Hessian of E with respect to the trained
// parameters only (every weight, then every bias when the biases are trained: a shared bias is
// one parameter), and its extreme eigenvalues. Near a minimum, gradient descent is stable while
// lr < 2 / lambdaMax (see stableRate). A value, safe to hand between threads. Where a ReLU net
// lies within a difference step (about 1e-5) of its kink at 0, the differences straddle the
// kink and the entries they touch mean nothing.
struct Curvature {
    // False when a parameter, a sample value or any gradient on the way was infinite or NaN:
    // then only `method`, `parameterCount` and `gradientPasses` are set.
    bool finite = false;
    CurvatureMethod method = CurvatureMethod::Dense;  // how it was found (see above)
    int parameterCount = 0;                           // n, the trained parameters
    double lambdaMax = 0.0;                           // the largest eigenvalue of the Hessian
    double lambdaMin = 0.0;  // the smallest; below 0 where E curves down (a saddle)
    // The two largest eigenvalues with their unit eigenvectors over the trained parameters (n
    // values each), largest first; one when n is 1. The directions a landscape plot spans.
    std::vector<Eigenpair> directions;
    std::vector<double> hessian;  // Dense: the symmetric n x n Hessian, row-major; else empty
    double asymmetry = 0.0;  // Dense: the largest |H_ij - H_ji| before symmetrizing, an estimate
                             // of the differences' error
    // Lanczos: |H y - lambda y| of lambdaMax's Ritz pair (H as the differences give it): some
    // eigenvalue lies within it of lambdaMax. 0 for Dense.
    double lambdaMaxResidual = 0.0;
    double lambdaMinResidual = 0.0;  // Lanczos: the same for lambdaMin
    int gradientPasses = 0;          // forward and backward passes over the batch it took
};

// The curvature of E at `parameters` for `samples` (not empty), the biases trained or frozen as
// `trainBiases` says. A pure function: callable from any thread, the same bits on every call.
Curvature curvatureAt(const Topology& topology, const Parameters& parameters,
                      const std::vector<Sample>& samples, bool trainBiases,
                      const CurvatureOptions& options = {});

// The largest learning rate that is stable near a minimum of curvature lambdaMax, for gradient
// descent with momentum beta (v <- beta v + dE/dp; p <- p - lr v; beta 0 is plain descent):
// 2 (1 + beta) / lambdaMax. Nothing when lambdaMax <= 0 or NaN: no local limit.
std::optional<double> stableRate(double lambdaMax, double momentum);

// A vector over the trained parameters (a direction of Curvature) in the flat layout of
// Parameters: every weight, then every bias, 0 for the biases that are not trained.
Parameters directionParameters(const Topology& topology, const std::vector<double>& direction);

}  // namespace core
