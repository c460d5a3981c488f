#pragma once

#include <memory>
#include <string>

#include "explanation.h"
#include "stepsnapshot.h"

namespace core {

// A step and how much of it a position in the run reveals: with no terms, every value but the
// update (a whole iteration); otherwise the first `revealed` terms. A value, like the snapshot:
// it holds the term revealed last, written once when it is made.
class StepReveal {
public:
    enum class State { Known, NotYet, Never };

    StepReveal() = default;
    StepReveal(StepSnapshot step, std::shared_ptr<const Explanation> terms, int revealed);

    const StepSnapshot& step() const { return step_; }
    bool isEmpty() const { return step_.isEmpty(); }
    // The terms of the step, or null for a whole iteration.
    const std::shared_ptr<const Explanation>& terms() const { return terms_; }
    // How many terms are revealed (0 for a whole iteration).
    int revealed() const { return revealed_; }
    // The term revealed last, or null (a whole iteration, or nothing revealed yet); valid as
    // long as this reveal (or a copy of it) lives.
    const Term* currentTerm() const { return current_.get(); }
    // Whether `ref` is computed yet: Never when no term of this lesson computes it.
    State state(const QuantityRef& ref) const;
    bool isKnown(const QuantityRef& ref) const { return state(ref) == State::Known; }
    // Whether the value that blew up, if the step blows up, is shown: always for a whole
    // iteration; in term mode once its term is revealed (an update that blew up, when every
    // term of the step is).
    bool showsDivergence() const;
    // The value of `ref` with `digits` significant digits, "?" not yet, "—" never.
    std::string text(const QuantityRef& ref, int digits) const;

private:
    StepSnapshot step_;
    std::shared_ptr<const Explanation> terms_;
    int revealed_ = 0;
    std::shared_ptr<const Term> current_;
};

}  // namespace core
