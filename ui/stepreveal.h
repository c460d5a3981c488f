#pragma once

#include <QString>
#include <memory>

#include "core/explanation.h"
#include "core/stepsnapshot.h"

namespace ui {

// A step and how much of it the current position reveals: with no terms, every value but the
// update (a whole iteration); otherwise the first `revealed` terms. A value, like the snapshot.
class StepReveal {
public:
    enum class State { Known, NotYet, Never };

    StepReveal() = default;
    StepReveal(core::StepSnapshot step, std::shared_ptr<const core::Explanation> terms,
               int revealed);

    const core::StepSnapshot& step() const { return step_; }
    bool isEmpty() const { return step_.isEmpty(); }
    // The term revealed last, or null (a whole iteration, or nothing revealed yet).
    const core::Term* currentTerm() const;
    // Whether `ref` is computed yet: Never when no term of this lesson computes it.
    State state(const core::QuantityRef& ref) const;
    bool isKnown(const core::QuantityRef& ref) const { return state(ref) == State::Known; }
    // The value of `ref` with `digits` significant digits, "?" not yet, "—" never.
    QString text(const core::QuantityRef& ref, int digits) const;

private:
    core::StepSnapshot step_;
    std::shared_ptr<const core::Explanation> terms_;
    int revealed_ = 0;
};

}  // namespace ui
