#include "core/markup.h"

#include <gtest/gtest.h>

namespace {

TEST(MarkupTest, PlainTextReadsAsTheWorkedExampleWritesIt) {
    EXPECT_EQ(core::plainFromMarkup("@{d}E_{total}/@{d}w_[5]"), "dE_total/dw5");
    EXPECT_EQ(core::plainFromMarkup("1/(1 + e^{-net_{h1}})"), "1/(1 + e^(-net_h1))");
    EXPECT_EQ(core::plainFromMarkup("@{half}(0.01 - 0.75)^{2}"), "1/2(0.01 - 0.75)^2");
    EXPECT_EQ(core::plainFromMarkup("w_[5]^{+} = w_[5] - @{eta} * g"), "w5+ = w5 - lr * g");
    EXPECT_EQ(core::plainFromMarkup("@{delta}_{o1}^{(2)}"), "delta_o1^(2)");
}

TEST(MarkupTest, HtmlUsesRealSubscriptsAndSymbols) {
    EXPECT_EQ(core::htmlFromMarkup("@{d}E_{total}/@{d}w_[5]"),
              "&part;E<sub>total</sub>/&part;w<sub>5</sub>");
    EXPECT_EQ(core::htmlFromMarkup("e^{-net_{h1}}"), "e<sup>-net<sub>h1</sub></sup>");
    EXPECT_EQ(core::htmlFromMarkup("a * b < c & d"), "a &times; b &lt; c &amp; d");
}

TEST(MarkupTest, FactorMarksLeavePlainTextUnchanged) {
    EXPECT_EQ(core::plainFromMarkup("#0{w_[5]} * #1{out_{h1}^{(2)}} + #12{b_[1]} * 1"),
              "w5 * out_h1^(2) + b1 * 1");
    EXPECT_EQ(core::plainFromMarkup("1/(1 + e^{-#0{net_{h1}}})"), "1/(1 + e^(-net_h1))");
    EXPECT_EQ(core::plainFromMarkup("#0{0.75}(1 - #0{0.75}) + (#1{-0.5})"),
              "0.75(1 - 0.75) + (-0.5)");
    // A '#' that does not open a mark is text.
    EXPECT_EQ(core::plainFromMarkup("# #a{x} #{y} #3"), "# #a{x} #{y} #3");
}

TEST(MarkupTest, FactorMarksBecomeSpansOfTheirClass) {
    EXPECT_EQ(core::htmlFromMarkup("#0{w_[5]} * #1{0.5}"),
              "<span class=\"f0\">w<sub>5</sub></span> &times; <span class=\"f1\">0.5</span>");
    EXPECT_EQ(core::htmlFromMarkup("e^{-#12{net_{h1}^{(2)}}}"),
              "e<sup>-<span class=\"f12\">net<sub>h1</sub><sup>(2)</sup></span></sup>");
    EXPECT_EQ(core::htmlFromMarkup("#3"), "#3");
}

TEST(MarkupTest, MarkFactorWritesTheMark) {
    EXPECT_EQ(core::markFactor(0, "w_[1]"), "#0{w_[1]}");
    EXPECT_EQ(core::markFactor(17, "-0.5"), "#17{-0.5}");
}

}  // namespace
