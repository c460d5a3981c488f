#include "stepreveal.h"

#include "markup.h"

namespace core {

StepReveal::StepReveal(StepSnapshot step, std::shared_ptr<const Explanation> terms, int revealed)
    : step_(std::move(step)), terms_(std::move(terms)), revealed_(terms_ ? revealed : 0) {
    if (terms_ && revealed_ > 0 && revealed_ <= terms_->size())
        current_ = std::make_shared<const Term>(terms_->term(revealed_ - 1));
}

StepReveal::State StepReveal::state(const QuantityRef& ref) const {
    // The step's givens (weights, biases, targets, the rate) are known before any term.
    switch (ref.quantity) {
        case Quantity::Weight:
        case Quantity::Bias:
        case Quantity::Target:
        case Quantity::LearningRate:
        case Quantity::WeightVelocity:
        case Quantity::BiasVelocity:
        case Quantity::Momentum:
            return State::Known;
        default:
            break;
    }
    if (!terms_) {
        const bool update = ref.quantity == Quantity::NewWeight ||
                            ref.quantity == Quantity::NewBias ||
                            ref.quantity == Quantity::NewWeightVelocity ||
                            ref.quantity == Quantity::NewBiasVelocity;
        return update ? State::NotYet : State::Known;
    }
    const int index = terms_->indexOf(ref);
    if (index < 0) return State::Never;
    return index < revealed_ ? State::Known : State::NotYet;
}

bool StepReveal::showsDivergence() const {
    const auto& divergence = step_.divergence();
    if (!divergence) return false;
    switch (state(divergence->where)) {
        case State::Known:
            return true;
        case State::NotYet:
            return false;
        case State::Never:
            break;
    }
    return !terms_ || revealed_ >= terms_->size();
}

std::string StepReveal::text(const QuantityRef& ref, int digits) const {
    switch (state(ref)) {
        case State::Known:
            return formatNumber(step_.value(ref), digits);
        case State::NotYet:
            return "?";
        case State::Never:
            break;
    }
    return "\u2014";
}

}  // namespace core
