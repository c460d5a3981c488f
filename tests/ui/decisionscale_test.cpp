// The decision map's colour scale: its range for each kind of output and its colours, against
// the published colours of its ends and middle.
#include "ui/decisionscale.h"

#include <gtest/gtest.h>

#include <cmath>

namespace {

using core::Activation;

const QColor kOrange(0xE6, 0x9F, 0x00);  // the low end
const QColor kWhite(0xF7, 0xF7, 0xF7);   // the middle
const QColor kBlue(0x00, 0x72, 0xB2);    // the high end

void expectColour(QRgb actual, QColor expected, const char* what) {
    EXPECT_NEAR(qRed(actual), expected.red(), 1) << what;
    EXPECT_NEAR(qGreen(actual), expected.green(), 1) << what;
    EXPECT_NEAR(qBlue(actual), expected.blue(), 1) << what;
}

TEST(DecisionScaleTest, SquashingOutputsSpanTheirRanges) {
    const ui::DecisionScale sigmoid = ui::DecisionScale::forOutput(Activation::Sigmoid, 0.3, 0.4);
    EXPECT_EQ(sigmoid.low(), 0.0);
    EXPECT_EQ(sigmoid.high(), 1.0);
    const ui::DecisionScale tanh = ui::DecisionScale::forOutput(Activation::Tanh, 0.3, 0.4);
    EXPECT_EQ(tanh.low(), -1.0);
    EXPECT_EQ(tanh.high(), 1.0);
}

TEST(DecisionScaleTest, UnboundedOutputsSpanTheValuesToRoundNumbers) {
    const ui::DecisionScale linear = ui::DecisionScale::forOutput(Activation::Linear, 0.03, 2.7);
    EXPECT_DOUBLE_EQ(linear.low(), 0.0);
    EXPECT_DOUBLE_EQ(linear.high(), 3.0);
    // All values alike: half a unit either side at least.
    const ui::DecisionScale flat = ui::DecisionScale::forOutput(Activation::Relu, 2.0, 2.0);
    EXPECT_LE(flat.low(), 1.5);
    EXPECT_GE(flat.high(), 2.5);
    // No finite value: the unit range.
    const ui::DecisionScale none = ui::DecisionScale::forOutput(Activation::Linear, NAN, NAN);
    EXPECT_EQ(none.low(), 0.0);
    EXPECT_EQ(none.high(), 1.0);
}

TEST(DecisionScaleTest, RunsFromOrangeThroughWhiteToBlue) {
    const ui::DecisionScale scale(-1.0, 1.0);
    expectColour(scale.colour(-1.0), kOrange, "low end");
    expectColour(scale.colour(0.0), kWhite, "middle");
    expectColour(scale.colour(1.0), kBlue, "high end");
    // Halfway between the low end and the middle: each channel halfway.
    expectColour(scale.colour(-0.5),
                 QColor((0xE6 + 0xF7) / 2, (0x9F + 0xF7) / 2, (0x00 + 0xF7) / 2), "quarter");
    // Beyond the ends, the ends; a value that is not a number, grey.
    EXPECT_EQ(scale.colour(-7.0), scale.colour(-1.0));
    EXPECT_EQ(scale.colour(7.0), scale.colour(1.0));
    expectColour(scale.colour(NAN), QColor(0x80, 0x80, 0x80), "NaN");
    // In grey the low end is lighter than the high end.
    EXPECT_GT(qGray(scale.colour(-1.0)), qGray(scale.colour(1.0)) + 40);
}

}  // namespace
