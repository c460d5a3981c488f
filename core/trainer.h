#pragma once

#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "batchpass.h"
#include "divergence.h"
#include "networkconfig.h"
#include "stepsnapshot.h"
#include "topology.h"

namespace core {

// Trains one network by full-batch gradient descent: every parameter p <- p - lr * dE/dp, with
// E the mean over samples of sum 1/2 (target - out)^2; with momentum beta > 0, each parameter
// keeps a velocity v (0 at the start): v <- beta * v + dE/dp, then p <- p - lr * v. Deterministic:
// the same configuration gives bit-identical results. When a step would produce an infinite or NaN
// value, the step is not made and the trainer holds the last finite state with a Divergence saying
// what blew up.
class Trainer {
public:
    // Throws std::invalid_argument with validateConfig's message when `config` is not valid.
    explicit Trainer(const NetworkConfig& config);

    const Topology& topology() const { return context_->topology; }
    const std::vector<Sample>& samples() const { return context_->samples; }
    bool trainsBiases() const { return trainBiases_; }
    // The current parameters.
    const Parameters& parameters() const { return current_; }
    // The parameters the trainer started from and returns to on reset().
    const Parameters& initialParameters() const { return initial_; }
    // Updates made so far.
    long long iteration() const { return iteration_; }
    double learningRate() const { return learningRate_; }
    // beta of the update rule: 0 for plain gradient descent.
    double momentum() const { return momentum_; }
    // The current velocity of every parameter, weights then biases: 0 for a frozen bias, and 0
    // throughout for plain gradient descent, which keeps none.
    const std::vector<double>& velocity() const { return velocity_; }
    // Why training stopped, if a step diverged; cleared by reset, restore and a new rate.
    const std::optional<Divergence>& divergence() const { return divergence_; }

    // Throws std::invalid_argument unless 0 < lr <= ConfigLimits::maxLearningRate.
    void setLearningRate(double learningRate);

    // One update with every value recorded. After a divergence it makes no update and returns
    // the evaluation of the current state with the divergence attached.
    StepSnapshot step();
    // The step that step() would make from the current state, every value recorded, without
    // making it: the parameters after are those of the update.
    StepSnapshot preview() const;
    // The forward and backward values at the current state, without an update; its divergence,
    // if set, names a forward or backward value that is not finite.
    StepSnapshot evaluate() const;
    // The fast path: up to `steps` updates without snapshots; appends each update's loss before
    // the update to `lossesBefore` when given. Returns the updates made (fewer on divergence).
    long long run(long long steps, std::vector<double>* lossesBefore = nullptr);

    // Back to the initial parameters and iteration 0.
    void reset();
    // Jumps to a recorded state (used to replay history), with the velocity it had (weights then
    // biases; empty: all 0, as at the start).
    void restore(const Parameters& parameters, long long iteration,
                 std::span<const double> velocity = {});

private:
    StepSnapshot compute(bool update) const;
    // One forward and backward pass at the current parameters, sample by sample or in matrix
    // form, whichever is faster for this network (both give the same bits).
    double pass(const PassBuffers& buffers, BatchWorkspace& workspace, bool& netsFinite) const;
    bool applyFastUpdate();

    std::shared_ptr<const TrainingContext> context_;
    bool trainBiases_ = false;
    double learningRate_ = 0.0;
    double momentum_ = 0.0;
    Parameters initial_;
    Parameters current_;
    long long iteration_ = 0;
    std::vector<double> velocity_;
    std::optional<Divergence> divergence_;

    // Scratch of the passes, reused on every step (a copy of the trainer copies it too).
    bool batchPass_ = false;
    BatchWorkspace batch_;
    Parameters next_;
    std::vector<double> nextVelocity_;
    std::vector<double> nodes_;
    std::vector<double> sampleGradient_;
    std::vector<double> gradient_;
};

}  // namespace core
