#include "quizquestion.h"

#include <cmath>
#include <cstdlib>

namespace ui {

QuizKind quizKindOf(const core::Term& term, const core::Topology& topology) {
    using core::Quantity;
    switch (term.phase) {
        case core::Phase::Forward:
            return QuizKind::Forward;
        case core::Phase::Update:
            return QuizKind::Update;
        case core::Phase::Backward:
            break;
    }
    switch (term.quantity.quantity) {
        case Quantity::SampleDLoss_dWeight:
        case Quantity::SampleDLoss_dBias:
        case Quantity::DLoss_dWeight:
        case Quantity::DLoss_dBias:
            return QuizKind::Gradient;
        default:
            break;
    }
    return term.quantity.layer == topology.layerCount() - 1 ? QuizKind::OutputDelta
                                                            : QuizKind::HiddenDelta;
}

QuizVerdict checkAnswer(double answer, double value, const std::string& shown) {
    if (!std::isfinite(answer) || !std::isfinite(value)) return {false, INFINITY};
    const double error = std::abs(answer - value);
    if (value == 0.0) return {error <= 1e-12, error};
    const double relative = error / std::abs(value);
    // The value as shown, read back: typing what the window shows is right too.
    const double asShown = std::strtod(shown.c_str(), nullptr);
    return {relative <= 1e-3 || (!shown.empty() && answer == asShown), relative};
}

std::string firstHint(const core::Term& term) {
    return term.symbol + " = " + term.formula;
}

std::string secondHint(const core::Term& term) {
    std::string text = firstHint(term);
    if (!term.numbers.empty()) text += " = " + term.numbers;
    return text + " = ?";
}

}  // namespace ui
