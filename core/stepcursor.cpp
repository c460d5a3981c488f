#include "stepcursor.h"

#include <algorithm>
#include <limits>

namespace core {

namespace {

// The `revealed` counts a granularity stops at within one iteration, found by arithmetic: a step
// of the largest network has 57 million terms, too many to list for one press.
class Stops {
public:
    Stops(long long iteration, Granularity granularity, const StepShape& shape)
        : granularity_(granularity), shape_(shape), atStart_(iteration == 0) {
        // Iteration and phase stops are few: listed, in order, without repeats.
        const auto add = [this](int stop) {
            if (count_ == 0 || stop > few_[count_ - 1]) few_[count_++] = stop;
        };
        if (atStart_ && granularity != Granularity::Iteration) add(0);
        if (granularity == Granularity::Iteration) add(shape.backwardEnd);
        if (granularity == Granularity::Phase)
            for (int end : {shape.forwardEnd, shape.backwardEnd, shape.total})
                add(end);
    }

    // The first stop.
    int first() const { return *after(-1); }

    // The first stop above `revealed`, if any.
    std::optional<int> after(int revealed) const {
        if (granularity_ != Granularity::Term) {
            for (int i = 0; i < count_; ++i)
                if (few_[i] > revealed) return few_[i];
            return std::nullopt;
        }
        // 0 at the very start, every term 1..total, then the summary.
        if (revealed < 0 && atStart_) return 0;
        const int next = std::max(revealed, 0) + 1;
        if (next <= shape_.total) return next;
        if (shape_.summary() > revealed) return shape_.summary();
        return std::nullopt;
    }

    // The last stop below `revealed`, if any.
    std::optional<int> before(int revealed) const {
        if (granularity_ != Granularity::Term) {
            for (int i = count_ - 1; i >= 0; --i)
                if (few_[i] < revealed) return few_[i];
            return std::nullopt;
        }
        if (shape_.summary() && shape_.summary() < revealed) return shape_.summary();
        const int term = std::min(revealed - 1, shape_.total);
        if (term >= 1) return term;
        if (atStart_ && revealed > 0) return 0;
        return std::nullopt;
    }

private:
    Granularity granularity_;
    StepShape shape_;
    bool atStart_;
    int few_[4] = {};
    int count_ = 0;
};

}  // namespace

StepPosition StepCursor::next(StepPosition from, Granularity granularity) const {
    if (const auto stop = Stops(from.iteration, granularity, shape_).after(from.revealed))
        return {from.iteration, *stop};
    return {from.iteration + 1, Stops(from.iteration + 1, granularity, shape_).first()};
}

std::optional<StepPosition> StepCursor::previous(StepPosition from, Granularity granularity) const {
    if (const auto stop = Stops(from.iteration, granularity, shape_).before(from.revealed))
        return StepPosition{from.iteration, *stop};
    if (from.iteration == 0) return std::nullopt;
    const auto last = Stops(from.iteration - 1, granularity, shape_)
                          .before(std::numeric_limits<int>::max());
    if (last) return StepPosition{from.iteration - 1, *last};
    return std::nullopt;
}

}  // namespace core
