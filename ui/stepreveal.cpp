#include "stepreveal.h"

#include "core/markup.h"

namespace ui {

StepReveal::StepReveal(core::StepSnapshot step, std::shared_ptr<const core::Explanation> terms,
                       int revealed)
    : step_(std::move(step)), terms_(std::move(terms)), revealed_(revealed) {}

const core::Term* StepReveal::currentTerm() const {
    if (!terms_ || revealed_ <= 0 || revealed_ > terms_->size()) return nullptr;
    return &terms_->terms()[revealed_ - 1];
}

StepReveal::State StepReveal::state(const core::QuantityRef& ref) const {
    if (!terms_) {
        const bool update =
            ref.quantity == core::Quantity::NewWeight || ref.quantity == core::Quantity::NewBias;
        return update ? State::NotYet : State::Known;
    }
    const int index = terms_->indexOf(ref);
    if (index < 0) return State::Never;
    return index < revealed_ ? State::Known : State::NotYet;
}

QString StepReveal::text(const core::QuantityRef& ref, int digits) const {
    switch (state(ref)) {
        case State::Known:
            return QString::fromStdString(core::formatNumber(step_.value(ref), digits));
        case State::NotYet:
            return QStringLiteral("?");
        case State::Never:
            break;
    }
    return QStringLiteral("\u2014");
}

}  // namespace ui
