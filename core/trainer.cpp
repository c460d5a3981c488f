#include "trainer.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "backpropagation.h"
#include "batchpass.h"
#include "cpu.h"

namespace core {

namespace {

// Walks the values of a finished step in the order they are computed and names the first one
// that is not finite.
std::optional<QuantityRef> firstNonFinite(const StepSnapshot& snapshot) {
    const Topology& topology = snapshot.topology();
    const auto check = [&](const QuantityRef& ref) -> std::optional<QuantityRef> {
        if (std::isfinite(snapshot.value(ref))) return std::nullopt;
        return ref;
    };
    for (int s = 0; s < snapshot.sampleCount(); ++s) {
        for (int l = 1; l < topology.layerCount(); ++l)
            for (int n = 0; n < topology.layerSize(l); ++n)
                for (Quantity q : {Quantity::Net, Quantity::Out})
                    if (auto bad = check({q, s, l, n})) return bad;
        const int last = topology.layerCount() - 1;
        for (int k = 0; k < topology.outputCount(); ++k)
            if (auto bad = check({Quantity::OutputError, s, last, k})) return bad;
        // With one sample its loss is E_total itself, the quantity its explanation names.
        const QuantityRef sampleLoss = snapshot.sampleCount() == 1
                                           ? QuantityRef{Quantity::Loss}
                                           : QuantityRef{Quantity::SampleLoss, s};
        if (auto bad = check(sampleLoss)) return bad;
        for (int l = topology.layerCount() - 1; l >= 1; --l) {
            for (int n = 0; n < topology.layerSize(l); ++n)
                for (Quantity q : {Quantity::DLoss_dOut, Quantity::DOut_dNet, Quantity::Delta})
                    if (auto bad = check({q, s, l, n})) return bad;
            for (int d = 0; d < topology.layerSize(l); ++d)
                for (int src = 0; src < topology.layerSize(l - 1); ++src)
                    if (auto bad = check({.quantity = Quantity::SampleDLoss_dWeight,
                                          .sample = s,
                                          .parameter = topology.weightIndex(l, d, src)}))
                        return bad;
        }
        for (int b = 0; b < topology.biasCount(); ++b)
            if (auto bad =
                    check({.quantity = Quantity::SampleDLoss_dBias, .sample = s, .parameter = b}))
                return bad;
    }
    if (auto bad = check({Quantity::Loss})) return bad;
    for (int w = 0; w < topology.weightCount(); ++w)
        if (auto bad = check({.quantity = Quantity::DLoss_dWeight, .parameter = w})) return bad;
    for (int b = 0; b < topology.biasCount(); ++b)
        if (auto bad = check({.quantity = Quantity::DLoss_dBias, .parameter = b})) return bad;
    // With momentum each parameter's new velocity comes just before its new value.
    const bool momentum = snapshot.momentum() != 0.0;
    for (int w = 0; w < topology.weightCount(); ++w) {
        if (momentum)
            if (auto bad = check({.quantity = Quantity::NewWeightVelocity, .parameter = w}))
                return bad;
        if (auto bad = check({.quantity = Quantity::NewWeight, .parameter = w})) return bad;
    }
    for (int b = 0; b < topology.biasCount(); ++b) {
        if (momentum)
            if (auto bad = check({.quantity = Quantity::NewBiasVelocity, .parameter = b}))
                return bad;
        if (auto bad = check({.quantity = Quantity::NewBias, .parameter = b})) return bad;
    }
    return std::nullopt;
}

}  // namespace

Trainer::Trainer(const NetworkConfig& config) {
    if (std::string error = validateConfig(config); !error.empty())
        throw std::invalid_argument(error);
    context_ = std::make_shared<const TrainingContext>(
        TrainingContext{topologyOf(config), config.samples});
    trainBiases_ = config.trainBiases;
    learningRate_ = config.learningRate;
    momentum_ = config.momentum;
    initial_ = core::initialParameters(config);
    current_ = initial_;
    next_ = initial_;
    velocity_.assign(topology().weightCount() + topology().biasCount(), 0.0);
    nextVelocity_ = velocity_;
    batchPass_ = prefersBatchPass(topology(), samples().size());
    if (!batchPass_) {
        nodes_.resize(std::size_t(kNodeFieldCount) * topology().nodeCount());
        sampleGradient_.resize(topology().weightCount() + topology().biasCount());
    }
    gradient_.resize(topology().weightCount() + topology().biasCount());
}

void Trainer::setLearningRate(double learningRate) {
    if (!std::isfinite(learningRate) || learningRate <= 0.0 ||
        learningRate > ConfigLimits::maxLearningRate)
        throw std::invalid_argument("learning rate must be above 0 and at most 1e6");
    learningRate_ = learningRate;
    divergence_.reset();
}

StepSnapshot Trainer::compute(bool update) const {
    clearUpperAvxState();  // the pass below is legacy SSE calling a VEX-encoded exp
    const Topology& topology = this->topology();
    const int weights = topology.weightCount();
    const int parameters = weights + topology.biasCount();
    const int samples = static_cast<int>(this->samples().size());

    StepSnapshot snapshot;
    snapshot.context_ = context_;
    snapshot.iteration_ = iteration_;
    snapshot.learningRate_ = learningRate_;
    snapshot.momentum_ = momentum_;
    snapshot.trainsBiases_ = trainBiases_;
    // One block holds every number of the snapshot; the pass below writes each of them.
    const std::size_t nodeValues = std::size_t(kNodeFieldCount) * topology.nodeCount();
    std::shared_ptr<double[]> values = std::make_shared_for_overwrite<double[]>(snapshot.size());
    snapshot.values_ = values;
    double* before = values.get() + snapshot.parameterOffset();
    double* after = before + parameters;
    double* gradient = after + parameters;
    double* velocityBefore = gradient + parameters;
    double* velocityAfter = velocityBefore + parameters;
    std::copy(current_.weights.begin(), current_.weights.end(), before);
    std::copy(velocity_.begin(), velocity_.end(), velocityBefore);
    std::copy(current_.biases.begin(), current_.biases.end(), before + weights);

    // The snapshot keeps every node value; a sample's gradient is worked out from them when
    // asked for, so the pass sums them through one scratch block.
    std::vector<double> sampleGradient(samples == 1 ? 0 : parameters);
    const PassBuffers buffers{values.get(),
                              nodeValues,
                              values.get() + snapshot.sampleLossOffset(),
                              samples == 1 ? gradient : sampleGradient.data(),
                              0,
                              gradient};
    bool netsFinite = true;
    BatchWorkspace workspace;  // a const trainer may be read from several threads at once
    snapshot.loss_ = pass(buffers, workspace, netsFinite);

    // The update p <- p - lr * dE/dp, or with momentum v <- beta * v + dE/dp, p <- p - lr * v;
    // frozen biases keep their value. As on the fast path, a non-finite gradient always reaches a
    // weight's update, so checking the nets, the loss and the new parameters catches every
    // overflow. An evaluation checks its gradient instead.
    bool finite = netsFinite && std::isfinite(snapshot.loss_);
    for (int p = 0; p < parameters; ++p) {
        const bool frozen = !update || (p >= weights && !trainBiases_);
        if (frozen) {
            velocityAfter[p] = velocityBefore[p];
            after[p] = before[p];
        } else if (momentum_ == 0.0) {
            velocityAfter[p] = velocityBefore[p];  // plain gradient descent keeps no velocity
            after[p] = before[p] - learningRate_ * gradient[p];
        } else {
            velocityAfter[p] = momentum_ * velocityBefore[p] + gradient[p];
            after[p] = before[p] - learningRate_ * velocityAfter[p];
        }
        finite &= std::isfinite(update ? after[p] : gradient[p]);
    }
    if (!finite) {
        // An evaluation's after-values equal the before-values, so the scan never names them.
        const QuantityRef where = firstNonFinite(snapshot).value_or(QuantityRef{});
        snapshot.divergence_ = Divergence{iteration_ + 1, where, snapshot.value(where)};
    }
    snapshot.updated_ = update && finite;
    if (update && !finite) {
        std::copy(before, before + parameters, after);
        std::copy(velocityBefore, velocityBefore + parameters, velocityAfter);
    }
    return snapshot;
}

StepSnapshot Trainer::preview() const {
    if (!divergence_) return compute(true);
    StepSnapshot snapshot = compute(false);
    snapshot.divergence_ = divergence_;
    return snapshot;
}

StepSnapshot Trainer::step() {
    StepSnapshot snapshot = preview();
    if (snapshot.updated_) {
        std::copy(snapshot.weightsAfter().begin(), snapshot.weightsAfter().end(),
                  current_.weights.begin());
        std::copy(snapshot.biasesAfter().begin(), snapshot.biasesAfter().end(),
                  current_.biases.begin());
        std::copy(snapshot.velocityAfter().begin(), snapshot.velocityAfter().end(),
                  velocity_.begin());
        ++iteration_;
    } else {
        divergence_ = snapshot.divergence_;
    }
    return snapshot;
}

StepSnapshot Trainer::evaluate() const {
    return compute(false);
}

bool Trainer::applyFastUpdate() {
    // Compute the update into the spare parameters and swap them in only when all are finite.
    const auto update = [this](const std::vector<double>& from, std::vector<double>& into,
                               const double* gradient) {
        const double* old = from.data();
        double* updated = into.data();
        bool finite = true;
        for (std::size_t p = 0; p < from.size(); ++p) {
            updated[p] = old[p] - learningRate_ * gradient[p];
            finite &= std::isfinite(updated[p]);
        }
        return finite;
    };
    // With momentum: v <- beta * v + dE/dp into the spare velocity, then p <- p - lr * v.
    const auto updateWithMomentum = [this](const std::vector<double>& from,
                                           std::vector<double>& into, std::size_t offset) {
        const double* old = from.data();
        double* updated = into.data();
        const double* gradient = gradient_.data() + offset;
        const double* velocity = velocity_.data() + offset;
        double* newVelocity = nextVelocity_.data() + offset;
        bool finite = true;
        for (std::size_t p = 0; p < from.size(); ++p) {
            newVelocity[p] = momentum_ * velocity[p] + gradient[p];
            updated[p] = old[p] - learningRate_ * newVelocity[p];
            finite &= std::isfinite(updated[p]);
        }
        return finite;
    };
    const std::size_t weights = current_.weights.size();
    if (momentum_ != 0.0) {
        if (!updateWithMomentum(current_.weights, next_.weights, 0)) return false;
        if (trainBiases_ && !updateWithMomentum(current_.biases, next_.biases, weights))
            return false;
        // Frozen biases keep a velocity of 0 in both buffers.
        velocity_.swap(nextVelocity_);
    } else {
        if (!update(current_.weights, next_.weights, gradient_.data())) return false;
        if (trainBiases_ && !update(current_.biases, next_.biases, gradient_.data() + weights))
            return false;
    }
    current_.weights.swap(next_.weights);
    if (trainBiases_) current_.biases.swap(next_.biases);
    return true;
}

double Trainer::pass(const PassBuffers& buffers, BatchWorkspace& workspace,
                     bool& netsFinite) const {
    if (batchPass_)
        return backpropagateBatch(topology(), current_.weights.data(), current_.biases.data(),
                                  samples(), buffers, workspace, netsFinite);
    return backpropagate(topology(), current_.weights.data(), current_.biases.data(), samples(),
                         buffers, netsFinite);
}

long long Trainer::run(long long steps, std::vector<double>* lossesBefore) {
    clearUpperAvxState();  // the loop below is legacy SSE calling a VEX-encoded exp
    // With one sample its gradient is the batch gradient: no separate buffer to sum.
    double* sampleGradient = samples().size() == 1 ? gradient_.data() : sampleGradient_.data();
    const PassBuffers buffers{nodes_.data(), 0, nullptr, sampleGradient, 0, gradient_.data()};
    for (long long done = 0; done < steps; ++done) {
        if (divergence_) return done;
        bool netsFinite = true;
        const double loss = pass(buffers, batch_, netsFinite);
        // A non-finite gradient always reaches a weight's update, so checking the nets, the loss
        // and the new parameters catches every overflow.
        if (!netsFinite || !std::isfinite(loss) || !applyFastUpdate()) {
            step();  // the recorded path names the value that blew up
            return done;
        }
        ++iteration_;
        if (lossesBefore) lossesBefore->push_back(loss);
    }
    return steps;
}

void Trainer::reset() {
    restore(initial_, 0);
}

void Trainer::restore(const Parameters& parameters, long long iteration,
                      std::span<const double> velocity) {
    current_ = parameters;
    next_ = parameters;
    if (velocity.empty())
        std::fill(velocity_.begin(), velocity_.end(), 0.0);
    else
        velocity_.assign(velocity.begin(), velocity.end());
    nextVelocity_ = velocity_;
    iteration_ = iteration;
    divergence_.reset();
}

}  // namespace core
