#pragma once

#include <functional>
#include <vector>

#include "eigenpair.h"

namespace core {

// What Lanczos found of the spectrum of a symmetric operator A: the Ritz pairs (theta, y) at
// both ends of the projection T = Q^T A Q onto the Krylov space it built. In exact arithmetic
// the largest Ritz value is never above A's largest eigenvalue and the smallest never below its
// smallest, and each lies within its residual of an eigenvalue of A.
struct LanczosResult {
    bool finite = false;             // false when the operator met a value that is not finite
    int steps = 0;                   // Lanczos steps made, each one product A v
    std::vector<Eigenpair> largest;  // Ritz pairs of the two largest Ritz values, largest first
                                     // (one when A is 1 x 1)
    double smallest = 0.0;           // the smallest Ritz value
    double largestResidual = 0.0;    // |A y - theta y| of the largest pair
    double smallestResidual = 0.0;   // |A y - theta y| of the smallest pair
};

// Lanczos with full reorthogonalisation (classical Gram-Schmidt, twice) on the n x n symmetric
// operator `times` (v -> A v into its second argument; false when a value is not finite), from
// a fixed pseudo-random start: min(steps, n) steps, so the same operator always gives the same
// bits. When the Krylov space closes early (an invariant subspace), it goes on from a fresh
// start orthogonal to it; with steps >= n it finds every eigenvalue of A.
LanczosResult lanczos(int n, const std::function<bool(const double*, double*)>& times, int steps);

}  // namespace core
