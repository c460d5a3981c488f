#include "core/stepcursor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <vector>

namespace {

using core::Granularity;
using core::StepPosition;

// A step of 11 forward, 24 backward and 8 update terms, as the worked example's.
const core::StepCursor kCursor({11, 35, 43});

TEST(StepCursorTest, IterationsStopWhenAllValuesOfTheStepAreKnown) {
    EXPECT_EQ(kCursor.next({0, 0}, Granularity::Iteration), (StepPosition{0, 35}));
    EXPECT_EQ(kCursor.next({0, 35}, Granularity::Iteration), (StepPosition{1, 35}));
    EXPECT_EQ(kCursor.next({3, 40}, Granularity::Iteration), (StepPosition{4, 35}));
    EXPECT_EQ(kCursor.previous({4, 35}, Granularity::Iteration), (StepPosition{3, 35}));
    EXPECT_EQ(kCursor.previous({4, 2}, Granularity::Iteration), (StepPosition{3, 35}));
    EXPECT_EQ(kCursor.previous({0, 35}, Granularity::Iteration), std::nullopt);
}

TEST(StepCursorTest, PhasesStopAtTheEndOfEachPhase) {
    StepPosition at{0, 0};
    const StepPosition expected[] = {{0, 11}, {0, 35}, {0, 43}, {1, 11}, {1, 35}, {1, 43}};
    for (const StepPosition& stop : expected) {
        at = kCursor.next(at, Granularity::Phase);
        EXPECT_EQ(at, stop);
    }
    for (int i = 4; i >= 0; --i) {
        at = *kCursor.previous(at, Granularity::Phase);
        EXPECT_EQ(at, expected[i]);
    }
    EXPECT_EQ(kCursor.previous(at, Granularity::Phase), (StepPosition{0, 0}));
    EXPECT_EQ(kCursor.previous({0, 0}, Granularity::Phase), std::nullopt);
}

TEST(StepCursorTest, TermsStopAfterEveryTermThenAtTheSummaryAndStepBackRetracesThem) {
    StepPosition at{0, 0};
    for (int i = 0; i < 43; ++i)
        at = kCursor.next(at, Granularity::Term);
    EXPECT_EQ(at, (StepPosition{0, 43}));
    // After the last term, the step's summary; then the first term of the next step.
    at = kCursor.next(at, Granularity::Term);
    EXPECT_EQ(at, (StepPosition{0, 44}));
    for (int i = 0; i < 44; ++i)
        at = kCursor.next(at, Granularity::Term);
    EXPECT_EQ(at, (StepPosition{1, 44}));
    for (int i = 0; i < 2 * 44; ++i)
        at = *kCursor.previous(at, Granularity::Term);
    EXPECT_EQ(at, (StepPosition{0, 0}));
    EXPECT_EQ(kCursor.next({2, 44}, Granularity::Term), (StepPosition{3, 1}));
    EXPECT_EQ(kCursor.previous({3, 1}, Granularity::Term), (StepPosition{2, 44}));
}

TEST(StepCursorTest, StepsWithoutUpdateTermsKeepTheirStops) {
    const core::StepCursor frozen({5, 9, 9});  // a step that diverged has no update terms
    EXPECT_EQ(frozen.next({0, 5}, Granularity::Phase), (StepPosition{0, 9}));
    EXPECT_EQ(frozen.next({0, 9}, Granularity::Phase), (StepPosition{1, 5}));
    // No update, no summary: the last term is the step's last stop.
    EXPECT_EQ(frozen.next({0, 9}, Granularity::Term), (StepPosition{1, 1}));
}

// Every stop of iterations 0..`iterations` in order, listed from the documented rules: for a
// cursor that must work without listing them.
std::vector<StepPosition> listedStops(const core::StepShape& shape, Granularity granularity,
                                      long long iterations) {
    std::vector<StepPosition> stops;
    for (long long iteration = 0; iteration <= iterations; ++iteration) {
        std::vector<int> within;
        if (iteration == 0 && granularity != Granularity::Iteration) within.push_back(0);
        if (granularity == Granularity::Iteration) within.push_back(shape.backwardEnd);
        if (granularity == Granularity::Phase)
            for (int end : {shape.forwardEnd, shape.backwardEnd, shape.total})
                if (within.empty() || end > within.back()) within.push_back(end);
        if (granularity == Granularity::Term) {
            for (int term = 1; term <= shape.total; ++term)
                within.push_back(term);
            if (shape.total > shape.backwardEnd) within.push_back(shape.total + 1);
        }
        for (int revealed : within)
            stops.push_back({iteration, revealed});
    }
    return stops;
}

TEST(StepCursorTest, NextAndPreviousFromAnyPlaceMatchTheListedStops) {
    const core::StepShape shapes[] = {{1, 2, 3}, {2, 2, 2}, {3, 7, 7}, {11, 35, 43}, {1, 1, 4}};
    for (const core::StepShape& shape : shapes) {
        const core::StepCursor cursor(shape);
        for (Granularity granularity :
             {Granularity::Iteration, Granularity::Phase, Granularity::Term}) {
            const std::vector<StepPosition> stops = listedStops(shape, granularity, 3);
            // From every place of iterations 0-2, stops or not (a jump lands anywhere).
            for (long long iteration = 0; iteration <= 2; ++iteration) {
                for (int revealed = 0; revealed <= shape.total + 1; ++revealed) {
                    const StepPosition from{iteration, revealed};
                    const auto after = std::find_if(stops.begin(), stops.end(),
                                                    [&](StepPosition s) { return s > from; });
                    ASSERT_NE(after, stops.end());
                    EXPECT_EQ(cursor.next(from, granularity), *after)
                        << "shape " << shape.total << " from " << iteration << "," << revealed;
                    std::optional<StepPosition> before;
                    for (StepPosition stop : stops)
                        if (stop < from) before = stop;
                    EXPECT_EQ(cursor.previous(from, granularity), before)
                        << "shape " << shape.total << " from " << iteration << "," << revealed;
                }
            }
        }
    }
}

TEST(StepCursorTest, AStepOfTheLargestNetworkMovesWithoutListingItsTerms) {
    // A step as long as the largest session's: tens of millions of terms.
    const core::StepCursor cursor({9'000'000, 44'753'157, 44'779'587});
    EXPECT_EQ(cursor.next({5, 44'779'587}, Granularity::Term), (StepPosition{5, 44'779'588}));
    EXPECT_EQ(cursor.next({5, 44'779'588}, Granularity::Term), (StepPosition{6, 1}));
    EXPECT_EQ(cursor.previous({6, 1}, Granularity::Term), (StepPosition{5, 44'779'588}));
    EXPECT_EQ(cursor.previous({5, 44'779'588}, Granularity::Term), (StepPosition{5, 44'779'587}));
    EXPECT_EQ(cursor.next({5, 44'753'157}, Granularity::Term), (StepPosition{5, 44'753'158}));
    EXPECT_EQ(cursor.next({5, 10}, Granularity::Phase), (StepPosition{5, 9'000'000}));
}

}  // namespace
