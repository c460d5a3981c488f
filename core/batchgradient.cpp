#include "batchgradient.h"

#include <algorithm>
#include <cmath>

#include "backpropagation.h"
#include "cpu.h"

namespace core {

namespace {

// The largest |x_i| of n values.
double largestMagnitude(const double* x, int n) {
    double largest = 0.0;
    for (int i = 0; i < n; ++i)
        largest = std::max(largest, std::abs(x[i]));
    return largest;
}

}  // namespace

BatchGradient::BatchGradient(const Topology& topology, const Parameters& parameters,
                             const std::vector<Sample>& samples, bool trainBiases)
    : topology_(topology), samples_(samples), moved_(parameters) {
    point_ = parameters.weights;
    if (trainBiases)
        point_.insert(point_.end(), parameters.biases.begin(), parameters.biases.end());
    // The same choice of pass as the trainer's (both give the same bits).
    batchPass_ = prefersBatchPass(topology, samples.size());
    const std::size_t all = parameters.weights.size() + parameters.biases.size();
    if (!batchPass_) {
        nodes_.resize(std::size_t(kNodeFieldCount) * topology.nodeCount());
        sampleGradient_.resize(all);
    }
    fullGradient_.resize(all);
    plus_.resize(point_.size());
    minus_.resize(point_.size());
}

bool BatchGradient::evaluate(const double* at, double* gradient) {
    clearUpperAvxState();  // the pass is legacy SSE calling a VEX-encoded exp
    // The trained parameters are the first n of weights-then-biases.
    const std::size_t weights = moved_.weights.size();
    std::copy(at, at + weights, moved_.weights.begin());
    std::copy(at + weights, at + point_.size(), moved_.biases.begin());

    double* sampleGradient =
        samples_.size() == 1 || batchPass_ ? fullGradient_.data() : sampleGradient_.data();
    const PassBuffers buffers{nodes_.data(), 0, nullptr, sampleGradient, 0, fullGradient_.data()};
    bool finite = true;
    const double loss =
        batchPass_ ? backpropagateBatch(topology_, moved_.weights.data(), moved_.biases.data(),
                                        samples_, buffers, workspace_, finite)
                   : backpropagate(topology_, moved_.weights.data(), moved_.biases.data(), samples_,
                                   buffers, finite);
    finite &= std::isfinite(loss);
    for (std::size_t p = 0; p < point_.size(); ++p) {
        gradient[p] = fullGradient_[p];
        finite &= std::isfinite(gradient[p]);
    }
    return finite;
}

bool BatchGradient::evaluateMoved(const double* v, double scale, double* gradient) {
    position_.resize(point_.size());
    for (std::size_t p = 0; p < point_.size(); ++p)
        position_[p] = point_[p] + scale * v[p];
    return evaluate(position_.data(), gradient);
}

bool BatchGradient::hessianTimes(const double* v, double* product) {
    const int n = size();
    const double vLargest = largestMagnitude(v, n);
    if (!std::isfinite(vLargest)) return false;
    if (vLargest == 0.0) {
        std::fill(product, product + n, 0.0);
        return true;
    }
    // The largest move is the step one coordinate would get.
    const double epsilon =
        relativeStep * std::max(1.0, largestMagnitude(point_.data(), n)) / vLargest;
    if (!evaluateMoved(v, epsilon, plus_.data()) || !evaluateMoved(v, -epsilon, minus_.data()))
        return false;
    bool finite = true;
    for (int i = 0; i < n; ++i) {
        product[i] = (plus_[i] - minus_[i]) / (2.0 * epsilon);
        finite &= std::isfinite(product[i]);
    }
    return finite;
}

bool BatchGradient::hessian(std::vector<double>& matrix, double& asymmetry) {
    const std::size_t n = point_.size();
    matrix.assign(n * n, 0.0);
    position_ = point_;
    // One column per parameter: the change of the gradient as that parameter moves.
    for (std::size_t j = 0; j < n; ++j) {
        const double h = relativeStep * std::max(1.0, std::abs(point_[j]));
        const double up = point_[j] + h;
        const double down = point_[j] - h;
        position_[j] = up;
        if (!evaluate(position_.data(), plus_.data())) return false;
        position_[j] = down;
        if (!evaluate(position_.data(), minus_.data())) return false;
        position_[j] = point_[j];
        const double step = up - down;  // the step taken, exactly
        for (std::size_t i = 0; i < n; ++i)
            matrix[i * n + j] = (plus_[i] - minus_[i]) / step;
    }
    // Symmetrize, keeping the largest disagreement between the two halves.
    asymmetry = 0.0;
    bool finite = true;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j <= i; ++j) {
            const double lower = matrix[i * n + j];
            const double upper = matrix[j * n + i];
            asymmetry = std::max(asymmetry, std::abs(lower - upper));
            matrix[i * n + j] = matrix[j * n + i] = 0.5 * (lower + upper);
            finite &= std::isfinite(matrix[i * n + j]);
        }
    return finite && std::isfinite(asymmetry);
}

}  // namespace core
