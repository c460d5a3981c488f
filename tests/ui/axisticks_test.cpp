// Round numbers for an axis: the step, the values and how they are written, worked out by hand.
#include "ui/axisticks.h"

#include <gtest/gtest.h>

namespace {

void expectValues(const ui::AxisTicks& ticks, const std::vector<double>& expected) {
    ASSERT_EQ(ticks.values().size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        EXPECT_DOUBLE_EQ(ticks.values()[i], expected[i]) << "value " << i;
}

TEST(AxisTicksTest, TakesTheSmallestRoundStepThatFits) {
    // XOR's plane, -0.1 to 1.1, in at most 7 numbers: a step of 0.1 gives 11, 0.2 gives 6.
    const ui::AxisTicks xor_(-0.1, 1.1, 7);
    EXPECT_DOUBLE_EQ(xor_.step(), 0.2);
    expectValues(xor_, {0.0, 0.2, 0.4, 0.6, 0.8, 1.0});
    // The worked example's, -0.45 to 0.55, in at most 5.
    const ui::AxisTicks mazur(-0.45, 0.55, 5);
    expectValues(mazur, {-0.4, -0.2, 0.0, 0.2, 0.4});
    // 0 to 1000 in 3: steps of 100 and 200 give too many, 500 fits.
    expectValues(ui::AxisTicks(0, 1000, 3), {0, 500, 1000});
}

TEST(AxisTicksTest, WritesAsManyDecimalsAsTheStepNeeds) {
    const ui::AxisTicks tenths(-0.45, 0.55, 5);
    EXPECT_EQ(tenths.text(tenths.values()[0]), "-0.4");
    EXPECT_EQ(tenths.text(tenths.values()[2]), "0.0");  // never "-0.0"
    EXPECT_EQ(tenths.text(-0.0), "0.0");
    const ui::AxisTicks hundreds(0, 1000, 3);
    EXPECT_EQ(hundreds.text(500), "500");
    const ui::AxisTicks hundredths(0, 0.1, 3);
    EXPECT_EQ(hundredths.text(hundredths.values()[1]), "0.05");
}

TEST(AxisTicksTest, AnEmptySpanHasItsOneValue) {
    expectValues(ui::AxisTicks(2, 2, 5), {2});
}

}  // namespace
