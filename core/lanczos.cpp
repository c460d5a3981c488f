#include "lanczos.h"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <cstdint>

namespace core {

namespace {

// A fixed stream of numbers in [-1, 1) (SplitMix64), the same on every machine.
class StartVectors {
public:
    double next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        z ^= z >> 31;
        return double(z >> 11) * 0x1.0p-52 - 1.0;
    }

private:
    std::uint64_t state_ = 20261130;
};

using Vector = Eigen::VectorXd;
using Basis = Eigen::MatrixXd;  // the Lanczos vectors q_0 .. q_j as columns

// Takes out of `w` its parts along the first `count` columns of `basis`, twice (once is not
// enough in floating point once the basis holds converged vectors).
void orthogonalize(Vector& w, const Basis& basis, int count) {
    const auto columns = basis.leftCols(count);
    for (int pass = 0; pass < 2; ++pass)
        w -= columns * (columns.transpose() * w).eval();
}

// A unit vector orthogonal to the first `count` columns of `basis`, from the stream, or a zero
// vector when those columns span everything.
Vector freshStart(StartVectors& stream, const Basis& basis, int count) {
    Vector start(basis.rows());
    for (Eigen::Index i = 0; i < start.size(); ++i)
        start[i] = stream.next();
    orthogonalize(start, basis, count);
    const double norm = start.norm();
    return norm > 1e-8 * std::sqrt(double(start.size())) ? Vector(start / norm)
                                                         : Vector::Zero(start.size());
}

}  // namespace

LanczosResult lanczos(int n, const std::function<bool(const double*, double*)>& times, int steps) {
    LanczosResult result;
    steps = std::max(1, std::min(steps, n));
    Basis basis(n, steps);
    Vector alpha(steps), beta = Vector::Zero(steps);  // T's diagonal and the entries below it
    StartVectors stream;
    basis.col(0) = freshStart(stream, basis, 0);
    Vector w(n);
    double scale = 0.0;     // the size of T so far, for telling a closed space from a small step
    double lastBeta = 0.0;  // |w| after the last step: A Q = Q T + w e_last^T
    for (int j = 0; j < steps; ++j) {
        // w = A q_j, less its parts along q_j and q_(j-1), then along every earlier q.
        if (!times(basis.col(j).data(), w.data())) return result;
        alpha[j] = basis.col(j).dot(w);
        w -= alpha[j] * basis.col(j);
        if (j > 0) w -= beta[j - 1] * basis.col(j - 1);
        orthogonalize(w, basis, j + 1);
        const double norm = w.norm();
        scale = std::max(scale, std::abs(alpha[j]) + norm);
        if (!std::isfinite(norm) || !std::isfinite(alpha[j])) return result;
        if (j + 1 == steps) {
            lastBeta = norm;
            break;
        }
        // The next q: w itself, or a fresh start when the space closed (T splits into blocks).
        if (norm > 1e-8 * scale) {
            beta[j] = norm;
            basis.col(j + 1) = w / norm;
            continue;
        }
        basis.col(j + 1) = freshStart(stream, basis, j + 1);
        if (basis.col(j + 1).isZero()) {  // the basis spans everything: T is A itself
            steps = j + 1;
            break;
        }
    }
    result.steps = steps;

    // The Ritz pairs: the eigenpairs (theta, s) of T give y = Q s, with A y - theta y =
    // w s_last, so |w| |s_last| is the residual.
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver;
    solver.computeFromTridiagonal(alpha.head(steps), beta.head(steps - 1),
                                  Eigen::ComputeEigenvectors);
    if (solver.info() != Eigen::Success) return result;
    const Vector& theta = solver.eigenvalues();  // ascending
    const Eigen::MatrixXd& s = solver.eigenvectors();
    const auto residual = [&](int i) { return lastBeta * std::abs(s(steps - 1, i)); };
    for (int i = steps - 1; i >= std::max(0, steps - 2); --i) {
        Eigenpair pair{theta[i], std::vector<double>(n)};
        Eigen::Map<Vector>(pair.vector.data(), n) = (basis.leftCols(steps) * s.col(i)).normalized();
        orientEigenvector(pair.vector);
        result.largest.push_back(std::move(pair));
    }
    result.smallest = theta[0];
    result.largestResidual = residual(steps - 1);
    result.smallestResidual = residual(0);
    result.finite = theta.allFinite();
    return result;
}

}  // namespace core
