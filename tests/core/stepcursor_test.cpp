#include "core/stepcursor.h"

#include <gtest/gtest.h>

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

}  // namespace
