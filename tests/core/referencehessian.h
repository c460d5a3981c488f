#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <utility>
#include <vector>

#include "core/networkconfig.h"

// An oracle for the curvature tests that shares no code with the engine: the batch loss written
// out from its definition in long double, its Hessian by second differences of that loss
// (Richardson-extrapolated), and the eigenvalues of a symmetric matrix by Jacobi rotations.
namespace testing_support {

// Every weight of `config` (weights[l][d][s] in that order), then every bias (biases[l] in
// order): the layout the engine promises for Parameters.
inline std::vector<long double> flatParameters(const core::NetworkConfig& config) {
    std::vector<long double> flat;
    for (const auto& layer : config.weights)
        for (const auto& destination : layer)
            flat.insert(flat.end(), destination.begin(), destination.end());
    for (const auto& layer : config.biases)
        flat.insert(flat.end(), layer.begin(), layer.end());
    return flat;
}

// f(net) of each activation, from its textbook definition.
inline long double activate(core::Activation activation, long double net) {
    switch (activation) {
        case core::Activation::Sigmoid:
            return 1.0L / (1.0L + std::exp(-net));
        case core::Activation::Tanh:
            return std::tanh(net);
        case core::Activation::Relu:
            return net > 0.0L ? net : 0.0L;
        case core::Activation::Linear:
            return net;
    }
    return 0.0L;
}

// E = mean over samples of sum_k 1/2 (t_k - o_k)^2 with the parameters `flat` (layout above).
// `smallestReluNet` gets the smallest |net| of a ReLU node, to keep away from its kink.
inline long double referenceLoss(const core::NetworkConfig& config,
                                 const std::vector<long double>& flat,
                                 long double* smallestReluNet = nullptr) {
    std::size_t weightCount = 0;
    for (std::size_t l = 1; l < config.layers.size(); ++l)
        weightCount += std::size_t(config.layers[l - 1]) * config.layers[l];
    const bool shared = config.biasMode == core::BiasMode::Shared;
    long double total = 0.0L;
    for (const core::Sample& sample : config.samples) {
        std::vector<long double> outs(sample.input.begin(), sample.input.end());
        std::size_t weight = 0, bias = weightCount;
        for (std::size_t l = 1; l < config.layers.size(); ++l) {
            std::vector<long double> next(config.layers[l]);
            for (int d = 0; d < config.layers[l]; ++d) {
                long double net = flat[bias + (shared ? 0 : d)];
                for (const long double out : outs)
                    net += flat[weight++] * out;
                if (smallestReluNet && config.activations[l - 1] == core::Activation::Relu)
                    *smallestReluNet = std::min(*smallestReluNet, std::abs(net));
                next[d] = activate(config.activations[l - 1], net);
            }
            bias += shared ? 1 : config.layers[l];
            outs = std::move(next);
        }
        for (std::size_t k = 0; k < outs.size(); ++k)
            total += 0.5L * (sample.target[k] - outs[k]) * (sample.target[k] - outs[k]);
    }
    return total / config.samples.size();
}

// Second differences of referenceLoss over the first `n` parameters, row-major, with step h:
// (E(+h) - 2E + E(-h)) / h^2 on the diagonal, (E(++) - E(+-) - E(-+) + E(--)) / 4h^2 off it.
// Each is the Hessian plus c h^2 + O(h^4).
inline std::vector<long double> secondDifferences(const core::NetworkConfig& config, int n,
                                                  long double h) {
    const std::vector<long double> at = flatParameters(config);
    const auto loss = [&](int i, long double di, int j, long double dj) {
        std::vector<long double> moved = at;
        moved[i] += di;
        moved[j] += dj;
        return referenceLoss(config, moved);
    };
    const long double center = referenceLoss(config, at);
    std::vector<long double> hessian(std::size_t(n) * n);
    for (int i = 0; i < n; ++i) {
        hessian[i * n + i] = (loss(i, h, i, 0) - 2 * center + loss(i, -h, i, 0)) / (h * h);
        for (int j = 0; j < i; ++j)
            hessian[i * n + j] = hessian[j * n + i] =
                (loss(i, h, j, h) - loss(i, h, j, -h) - loss(i, -h, j, h) + loss(i, -h, j, -h)) /
                (4 * h * h);
    }
    return hessian;
}

// The Hessian of referenceLoss over the first `n` parameters, row-major: second differences at
// steps h and 2h combined (Richardson) so that their h^2 errors cancel, (4 H(h) - H(2h)) / 3.
inline std::vector<double> referenceHessian(const core::NetworkConfig& config, int n,
                                            long double h = 1e-3L) {
    const std::vector<long double> fine = secondDifferences(config, n, h);
    const std::vector<long double> coarse = secondDifferences(config, n, 2 * h);
    std::vector<double> hessian(fine.size());
    for (std::size_t i = 0; i < fine.size(); ++i)
        hessian[i] = double((4 * fine[i] - coarse[i]) / 3);
    return hessian;
}

// The eigenvalues of the symmetric n x n matrix `a` (row-major), ascending, by cyclic Jacobi
// rotations until the off-diagonal part is gone.
inline std::vector<double> jacobiEigenvalues(std::vector<double> a, int n) {
    const auto at = [&](int i, int j) -> double& { return a[std::size_t(i) * n + j]; };
    for (int sweep = 0; sweep < 100; ++sweep) {
        double off = 0.0, all = 0.0;
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j)
                (i == j ? all : off) += at(i, j) * at(i, j);
        if (off <= 1e-30 * (all + off)) break;
        for (int p = 0; p < n; ++p)
            for (int q = p + 1; q < n; ++q) {
                if (at(p, q) == 0.0) continue;
                // The rotation in the (p, q) plane that zeroes a_pq: A <- J^T A J.
                const double theta = (at(q, q) - at(p, p)) / (2.0 * at(p, q));
                const double t =
                    (theta >= 0 ? 1.0 : -1.0) / (std::abs(theta) + std::sqrt(theta * theta + 1.0));
                const double c = 1.0 / std::sqrt(t * t + 1.0), s = t * c;
                for (int k = 0; k < n; ++k) {
                    const double kp = at(k, p), kq = at(k, q);
                    at(k, p) = c * kp - s * kq;
                    at(k, q) = s * kp + c * kq;
                }
                for (int k = 0; k < n; ++k) {
                    const double pk = at(p, k), qk = at(q, k);
                    at(p, k) = c * pk - s * qk;
                    at(q, k) = s * pk + c * qk;
                }
            }
    }
    std::vector<double> values(n);
    for (int i = 0; i < n; ++i)
        values[i] = at(i, i);
    std::sort(values.begin(), values.end());
    return values;
}

}  // namespace testing_support
