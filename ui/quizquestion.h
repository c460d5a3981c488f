#pragma once

#include <optional>
#include <string>

#include "core/explanation.h"

namespace ui {

// The kinds of term a quiz can ask for, as a teacher groups them.
enum class QuizKind {
    Forward,      // a net input, an output, an error or the loss
    OutputDelta,  // dE/dout, dout/dnet or delta of an output node
    HiddenDelta,  // a path share, dE/dout, dout/dnet or delta of a hidden node
    Gradient,     // dE/dw or dE/db, of a sample or of the batch
    Update,       // a new weight or bias, or its velocity under momentum
};
inline constexpr int kQuizKindCount = 5;

// The kind of the term `term` of a step of `topology`.
QuizKind quizKindOf(const core::Term& term, const core::Topology& topology);

// How an answer compares with the term's value.
struct QuizVerdict {
    bool right = false;
    double relativeError = 0.0;  // |answer - value| / |value| (the absolute error when value is 0)
};

// Right when within a relative 1e-3 of `value`, or equal to it at the digits `shown` writes it
// with (the number the window shows); 0 takes an absolute 1e-12.
QuizVerdict checkAnswer(double answer, double value, const std::string& shown);

// The two hints of a term, in core's markup: the formula in symbols, then with its numbers and
// the result left blank ("symbol = formula = numbers = ?").
std::string firstHint(const core::Term& term);
std::string secondHint(const core::Term& term);

}  // namespace ui
