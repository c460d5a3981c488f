#pragma once

#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "divergence.h"
#include "networkconfig.h"
#include "topology.h"

namespace core {

// Every value a node takes in one sample's forward and backward pass. The partials are those of
// that sample's loss E_s = sum over outputs of 1/2 (target - out)^2.
struct NodeValues {
    double net = 0.0;  // net = sum_j w_j out_j + b: the node's total input (inputs: the input)
    double out = 0.0;  // out = f(net): the node's output
    double dLoss_dOut = 0.0;  // dE/dout: how the sample loss changes with the node's output
    double dOut_dNet = 0.0;   // dout/dnet = f'(net): the slope of the activation
    double delta = 0.0;       // delta = dE/dnet = dE/dout * dout/dnet: the node's error signal
};

// A node's values as a snapshot stores them, four doubles in the order of NodeValues; dout/dnet
// is not stored but worked out from out when read, by the same function, so the same bits.
enum NodeField : int { kNet, kOut, kDLoss_dOut, kDelta, kNodeFieldCount };

// What all snapshots of one trainer share: the network's shape and the samples.
struct TrainingContext {
    Topology topology;
    std::vector<Sample> samples;
};

// One training step, frozen: the forward and backward values of every sample, the gradient of the
// batch loss and the parameters before and after the update. A value: copy it, keep it, render it
// (copies share the frozen numbers, so copying is cheap).
class StepSnapshot {
public:
    StepSnapshot() = default;

    // Whether this snapshot holds nothing (a default-constructed one).
    bool isEmpty() const { return !context_; }

    // The shape and samples this snapshot shares with every other of its trainer: the same
    // pointer means the same problem, without comparing them.
    const std::shared_ptr<const TrainingContext>& context() const { return context_; }
    const Topology& topology() const { return context_->topology; }
    const std::vector<Sample>& samples() const { return context_->samples; }
    int sampleCount() const { return static_cast<int>(context_->samples.size()); }

    // Updates made before this step; the step shown is update iteration() + 1.
    long long iteration() const { return iteration_; }
    // lr of this step's update.
    double learningRate() const { return learningRate_; }
    // beta of this step's update: 0 for plain gradient descent.
    double momentum() const { return momentum_; }
    // Whether this network's biases are trained (frozen biases keep their value in an update).
    bool trainsBiases() const { return trainsBiases_; }
    // Whether the update was made: false for an evaluation of a state, or a step that diverged.
    bool updated() const { return updated_; }
    // The first non-finite number of this step, if one came out.
    const std::optional<Divergence>& divergence() const { return divergence_; }

    // E_total: the mean over samples of the sample losses, before the update.
    double loss() const { return loss_; }
    // E_s = sum over outputs of 1/2 (target - out)^2.
    double sampleLoss(int sample) const { return values_[sampleLossOffset() + sample]; }
    // E_o = 1/2 (target - out)^2 of output node `output` in `sample`.
    double outputError(int sample, int output) const;

    NodeValues node(int sample, int layer, int node) const;

    // dnet/dw = out of the weight's source node.
    double dNet_dWeight(int sample, int weight) const;
    // dE_s/dw = delta of the destination * out of the source, for one sample's loss. Worked
    // out from the node values as the pass does, so the same bits, and never stored: at the
    // largest size every sample's gradient would take hundreds of megabytes.
    double sampleDLoss_dWeight(int sample, int weight) const;
    // dE_s/db = delta of the node (shared bias: the sum of its layer's deltas, from 0.0).
    double sampleDLoss_dBias(int sample, int bias) const;
    // dE/dw of the batch loss: the mean of the sample gradients.
    double dLoss_dWeight(int weight) const { return dLoss_dWeights()[weight]; }
    // dE/db of the batch loss.
    double dLoss_dBias(int bias) const { return dLoss_dBiases()[bias]; }

    std::span<const double> dLoss_dWeights() const { return slice(2 * parameterCount(), 0); }
    std::span<const double> dLoss_dBiases() const { return slice(2 * parameterCount(), 1); }
    std::span<const double> weightsBefore() const { return slice(0, 0); }
    std::span<const double> biasesBefore() const { return slice(0, 1); }
    // Equal to the parameters before when the update was not made.
    std::span<const double> weightsAfter() const { return slice(parameterCount(), 0); }
    std::span<const double> biasesAfter() const { return slice(parameterCount(), 1); }
    Parameters parametersBefore() const;
    Parameters parametersAfter() const;
    // The velocity v of every parameter before and after the update, weights then biases:
    // v+ = beta * v + dE/dp for a trained parameter with beta > 0; 0 for a frozen bias and
    // throughout plain gradient descent; after equals before when the update was not made.
    std::span<const double> velocityBefore() const { return block(3); }
    std::span<const double> velocityAfter() const { return block(4); }

    // The value of any number of the step, named by `ref`: one it computed or one of its givens.
    double value(const QuantityRef& ref) const;

private:
    friend class Trainer;

    int parameterCount() const { return topology().weightCount() + topology().biasCount(); }
    // The parameter blocks: before, after, the batch gradient, the velocity before and after.
    static constexpr int kParameterBlocks = 5;
    // The storage holds, in order: every sample's nodes; the parameter blocks (weights, then
    // biases); the sample losses.
    std::size_t parameterOffset() const {
        return std::size_t(kNodeFieldCount) * sampleCount() * topology().nodeCount();
    }
    std::size_t sampleLossOffset() const {
        return parameterOffset() + kParameterBlocks * parameterCount();
    }
    // Parameter block `index` whole, weights then biases.
    std::span<const double> block(int index) const {
        return {values_.get() + parameterOffset() + std::size_t(index) * parameterCount(),
                std::size_t(parameterCount())};
    }
    std::size_t size() const { return sampleLossOffset() + sampleCount(); }
    // The weights (part 0) or biases (part 1) of the parameter block starting at `offset`.
    std::span<const double> slice(std::size_t offset, int part) const;

    std::shared_ptr<const TrainingContext> context_;
    long long iteration_ = 0;
    double learningRate_ = 0.0;
    double momentum_ = 0.0;
    bool trainsBiases_ = false;
    bool updated_ = false;
    std::optional<Divergence> divergence_;
    double loss_ = 0.0;
    // The frozen numbers, laid out as parameterOffset() and the offsets after it describe.
    std::shared_ptr<const double[]> values_;
};

}  // namespace core
