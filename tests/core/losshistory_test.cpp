#include "core/losshistory.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace {

using Point = core::LossHistory::Point;

TEST(LossHistoryTest, KeepsEveryPointWhileTheyFit) {
    core::LossHistory history(8);
    for (int i = 0; i < 8; ++i)
        history.append(10.0 - i);
    EXPECT_EQ(history.stride(), 1);
    ASSERT_EQ(history.points().size(), 8u);
    EXPECT_EQ(history.points()[3], (Point{3, 7.0}));
    EXPECT_EQ(history.settledCount(), 8u);
}

TEST(LossHistoryTest, MergesIntoBucketsOfLowestAndHighest) {
    core::LossHistory history(8);
    // A period-2 oscillation 1, 3, 1, 3, .. must keep its amplitude after any number of merges.
    for (int i = 0; i < 1000; ++i)
        history.append(i % 2 ? 3.0 : 1.0);
    EXPECT_EQ(history.size(), 1000);
    EXPECT_LE(history.points().size(), 8u);
    EXPECT_GE(history.stride(), 256);
    for (std::size_t k = 0; k + 1 < history.points().size(); k += 2) {
        EXPECT_EQ(history.points()[k].loss, 1.0);
        EXPECT_EQ(history.points()[k + 1].loss, 3.0);
    }
    EXPECT_TRUE(
        std::is_sorted(history.points().begin(), history.points().end(),
                       [](const Point& a, const Point& b) { return a.iteration < b.iteration; }));
}

TEST(LossHistoryTest, BucketsHoldTheTrueExtremes) {
    core::LossHistory history(16);
    std::vector<double> losses;
    for (int i = 0; i < 333; ++i)
        losses.push_back(std::sin(i * 0.37) * (1 + i % 7));
    for (double loss : losses)
        history.append(loss);
    // Every stored point is a real (iteration, loss) pair, and each bucket's two points are the
    // minimum and maximum of the losses in its span (checked against the raw data).
    const long long stride = history.stride();
    for (std::size_t k = 0; k < history.points().size(); k += 2) {
        const Point& a = history.points()[k];
        const Point& b = history.points()[k + 1];
        EXPECT_EQ(losses[a.iteration], a.loss);
        EXPECT_EQ(losses[b.iteration], b.loss);
        const long long start = a.iteration - a.iteration % stride;
        const long long end = std::min<long long>(start + stride, losses.size());
        const auto [low, high] = std::minmax_element(losses.begin() + start, losses.begin() + end);
        EXPECT_EQ(std::min(a.loss, b.loss), *low);
        EXPECT_EQ(std::max(a.loss, b.loss), *high);
    }
}

TEST(LossHistoryTest, TruncateDropsTheBucketAndReportsWhereToResume) {
    core::LossHistory history(8);
    for (int i = 0; i < 5; ++i)
        history.append(i);
    EXPECT_EQ(history.truncate(3), 3);
    EXPECT_EQ(history.size(), 3);
    EXPECT_EQ(history.points().back(), (Point{2, 2.0}));
    for (int i = 0; i < 100; ++i)
        history.append(i);
    const long long stride = history.stride();
    const long long resume = history.truncate(stride + 1);
    EXPECT_EQ(resume, stride);
    EXPECT_EQ(history.size(), stride);
    EXPECT_LT(history.points().back().iteration, stride);
    const long long generation = history.generation();
    history.clear();
    EXPECT_GT(history.generation(), generation);
    EXPECT_TRUE(history.points().empty());
}

TEST(LossHistoryTest, SummaryKeepsTheEnvelopeInFewPoints) {
    core::LossHistory history;
    for (int i = 0; i < 10000; ++i)
        history.append(i % 2 ? 3.0 : 1.0);
    const auto summary = history.summary(100);
    EXPECT_LE(summary.size(), 100u);
    EXPECT_GE(summary.size(), 90u);
    for (std::size_t k = 0; k + 1 < summary.size(); k += 2) {
        EXPECT_EQ(summary[k].loss, 1.0);
        EXPECT_EQ(summary[k + 1].loss, 3.0);
    }
    EXPECT_EQ(history.summary(20000), history.points());
}

}  // namespace
