#pragma once

#include <vector>

namespace core {

// One eigenvalue of a symmetric matrix with its unit eigenvector. The sign of an eigenvector is
// arbitrary; ours makes the component of largest magnitude (the first of equals) positive, so
// that the same matrix always gives the same vector.
struct Eigenpair {
    double value = 0.0;          // lambda in H v = lambda v
    std::vector<double> vector;  // v, of length 1
};

// Flips `vector` to the sign convention above.
void orientEigenvector(std::vector<double>& vector);

}  // namespace core
