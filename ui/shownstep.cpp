#include "shownstep.h"

#include <algorithm>
#include <limits>

#include "workerprobes.h"

namespace ui {

ShownStep::ShownStep(core::StepSnapshot step, int digits) : step_(std::move(step)) {
    // Cheap for any network: a term is written only when asked for.
    if (!step_.isEmpty()) explanation_ = std::make_shared<const core::Explanation>(step_, digits);
}

core::StepShape ShownStep::shape() const {
    if (!explanation_) return {};
    return {explanation_->phaseEnd(core::Phase::Forward),
            explanation_->phaseEnd(core::Phase::Backward), explanation_->size()};
}

std::optional<core::Phase> ShownStep::finishedPhase(int revealed,
                                                    core::Granularity granularity) const {
    const core::StepShape shape = this->shape();
    switch (granularity) {
        case core::Granularity::Iteration:
            break;
        case core::Granularity::Phase:
            if (revealed == shape.forwardEnd) return core::Phase::Forward;
            if (revealed == shape.backwardEnd) return core::Phase::Backward;
            if (revealed == shape.total && shape.updates()) return core::Phase::Update;
            break;
        case core::Granularity::Term:
            if (revealed == shape.summary() && shape.updates()) return core::Phase::Update;
            break;
    }
    return std::nullopt;
}

std::optional<core::Regime> ShownStep::regime(const core::LossHistory& curve) const {
    const long long now = step_.iteration();
    core::RegimeEvidence evidence{{}, core::trainedGradientNorm(step_), bool(step_.divergence())};
    if (evidence.diverged) return core::classifyRegime(evidence);
    if (curve.stride() != 1 || curve.size() <= now) return std::nullopt;
    for (long long i = std::max(0LL, now - core::RegimeRule::window); i <= now; ++i)
        evidence.losses.push_back(curve.points()[i].loss);
    return core::classifyRegime(evidence);
}

double ShownStep::lossAfter(const core::Trainer& probe) {
    if (lossAfter_) return *lossAfter_;
    lossAfter_ = std::numeric_limits<double>::quiet_NaN();
    if (step_.updated()) {
        // E at the parameters the update gives, as the step after this one starts from them.
        core::Trainer after = probe;
        after.restore(step_.parametersAfter(), step_.iteration() + 1, step_.velocityAfter());
        lossAfter_ = lossAt(after);
    }
    return *lossAfter_;
}

}  // namespace ui
