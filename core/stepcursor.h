#pragma once

#include <compare>
#include <optional>

namespace core {

// What one press of Step does: a whole iteration, one phase (forward, backward, update), or one
// term of the explanation.
enum class Granularity { Iteration, Phase, Term };

// A place in a run: `iteration` updates made, and `revealed` terms of the next step shown.
struct StepPosition {
    long long iteration = 0;
    int revealed = 0;
    auto operator<=>(const StepPosition&) const = default;
};

// Where the terms of a step end: the forward pass, the backward pass, and the whole step. The
// backward end is where a whole iteration stops: all values of the step known, no update made.
struct StepShape {
    int forwardEnd = 0;
    int backwardEnd = 0;
    int total = 0;

    // Whether the step makes an update (a step that blows up has no update terms).
    bool updates() const { return total > backwardEnd; }
    // The stop after the last term where the step's summary shows, or 0 when it has none.
    int summary() const { return updates() ? total + 1 : 0; }
};

// The places each granularity stops at, and the next and previous one from any place. Iteration
// steps stop at (k, backwardEnd); phases at the end of each phase; terms after every term and,
// in a step that updates, once more at its summary (total + 1); phase and term steps also stop
// at the very start, (0, 0).
class StepCursor {
public:
    explicit StepCursor(StepShape shape) : shape_(shape) {}

    // The first stop after `from`.
    StepPosition next(StepPosition from, Granularity granularity) const;
    // The last stop before `from`, or nothing at the very start.
    std::optional<StepPosition> previous(StepPosition from, Granularity granularity) const;

private:
    StepShape shape_;
};

}  // namespace core
