#pragma once

#include <memory>
#include <optional>

#include "core/explanation.h"
#include "core/losshistory.h"
#include "core/regime.h"
#include "core/stepcursor.h"
#include "core/stepsnapshot.h"
#include "core/trainer.h"

namespace ui {

// The step the views show, and what follows from it alone: its terms (written one at a time when
// asked for), where its phases end, the phase a position has just finished, and E after it for
// the step's summary. A value, replaced whole when another step is shown.
class ShownStep {
public:
    ShownStep() = default;
    // `step`, its terms written with `digits`.
    ShownStep(core::StepSnapshot step, int digits);

    const core::StepSnapshot& snapshot() const { return step_; }
    // Its terms (null for no step).
    const std::shared_ptr<const core::Explanation>& explanation() const { return explanation_; }
    // Where its phases end; a step that blows up makes no update, so has no update terms.
    core::StepShape shape() const;
    // The position showing all of the step from `iteration` but its update: a whole iteration.
    core::StepPosition wholeIteration(long long iteration) const {
        return {iteration, shape().backwardEnd};
    }
    // The phase a position that reveals `revealed` terms has just finished and shows in summary:
    // in phase mode at the end of each phase, in term mode once past the last term.
    std::optional<core::Phase> finishedPhase(int revealed, core::Granularity granularity) const;
    // The regime at this step, when it blows up or `curve` keeps every loss of the window up to
    // it; nothing when the window must be replayed (the curve is thinned).
    std::optional<core::Regime> regime(const core::LossHistory& curve) const;
    // E_total after the step (NaN when it makes no update): core::lossAfterStep at its state,
    // computed on a copy of `probe` (any trainer of the run) when first asked.
    double lossAfter(const core::Trainer& probe);

private:
    core::StepSnapshot step_;
    std::shared_ptr<const core::Explanation> explanation_;
    std::optional<double> lossAfter_;
};

}  // namespace ui
