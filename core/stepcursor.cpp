#include "stepcursor.h"

#include <vector>

namespace core {

namespace {

// The `revealed` counts a granularity stops at within iteration `iteration`, in order.
std::vector<int> stopsOf(long long iteration, Granularity granularity, const StepShape& shape) {
    std::vector<int> stops;
    if (iteration == 0 && granularity != Granularity::Iteration) stops.push_back(0);
    switch (granularity) {
        case Granularity::Iteration:
            stops.push_back(shape.backwardEnd);
            break;
        case Granularity::Phase:
            for (int end : {shape.forwardEnd, shape.backwardEnd, shape.total})
                if (stops.empty() || end > stops.back()) stops.push_back(end);
            break;
        case Granularity::Term:
            for (int revealed = 1; revealed <= shape.total; ++revealed)
                stops.push_back(revealed);
            if (shape.summary()) stops.push_back(shape.summary());
            break;
    }
    return stops;
}

}  // namespace

StepPosition StepCursor::next(StepPosition from, Granularity granularity) const {
    for (int stop : stopsOf(from.iteration, granularity, shape_))
        if (stop > from.revealed) return {from.iteration, stop};
    return {from.iteration + 1, stopsOf(from.iteration + 1, granularity, shape_).front()};
}

std::optional<StepPosition> StepCursor::previous(StepPosition from, Granularity granularity) const {
    for (long long iteration = from.iteration; iteration >= 0 && iteration >= from.iteration - 1;
         --iteration) {
        const std::vector<int> stops = stopsOf(iteration, granularity, shape_);
        for (auto it = stops.rbegin(); it != stops.rend(); ++it)
            if (StepPosition{iteration, *it} < from) return StepPosition{iteration, *it};
    }
    return std::nullopt;
}

}  // namespace core
