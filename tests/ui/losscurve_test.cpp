#include "ui/losscurve.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace {

constexpr int kWidth = 400;
constexpr int kHeight = 300;
const QColor kCurveColor(255, 0, 0);
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

class LossCurveTest : public ::testing::Test {
protected:
    void SetUp() override {
        plot.setViewport(QRect(0, 0, kWidth, kHeight));
        plot.setNotAntialiasedElements(QCP::aeAll);  // exact pen colours to look for
        curve = new ui::LossCurve(plot.xAxis, plot.yAxis);
        curve->setPen(QPen(kCurveColor, 1));
        curve->setHistory(&history);
    }
    void append(std::initializer_list<double> losses) {
        for (double loss : losses)
            history.append(loss);
    }
    void setRanges(QCPRange keys, QCPRange values) {
        curve->keyAxis()->setRange(keys);
        curve->valueAxis()->setRange(values);
    }
    // The plot as drawn; lays it out first, so call it before pixelOf().
    QImage render() {
        plot.replot();
        return plot.toPixmap(kWidth, kHeight).toImage();
    }
    QPoint pixelOf(double iteration, double loss) const {
        return curve->coordsToPixels(iteration, loss).toPoint();
    }
    // Whether the curve's colour is within `radius` pixels (a square) of `pixel`.
    static bool paintedNear(const QImage& image, QPoint pixel, int radius = 1) {
        for (int y = pixel.y() - radius; y <= pixel.y() + radius; ++y)
            for (int x = pixel.x() - radius; x <= pixel.x() + radius; ++x)
                if (image.valid(x, y) && image.pixelColor(x, y) == kCurveColor) return true;
        return false;
    }
    // The topmost and bottommost row painted in the curve's colour in column `x`.
    static std::pair<int, int> paintedRows(const QImage& image, int x) {
        int top = image.height(), bottom = -1;
        for (int y = 0; y < image.height(); ++y) {
            if (image.pixelColor(x, y) != kCurveColor) continue;
            top = std::min(top, y);
            bottom = std::max(bottom, y);
        }
        return {top, bottom};
    }

    core::LossHistory history;  // declared first: it outlives the plot
    QCustomPlot plot;
    ui::LossCurve* curve = nullptr;
};

TEST_F(LossCurveTest, PaintsKnownPointsAndNothingFarFromThem) {
    for (int i = 0; i < 100; ++i)
        history.append(1.0 - i / 100.0);
    curve->setDotLimit(0);
    setRanges({-5, 104}, {-0.1, 1.1});
    const QImage image = render();
    for (int i : {10, 50, 90})
        EXPECT_TRUE(paintedNear(image, pixelOf(i, 1.0 - i / 100.0))) << i;
    EXPECT_FALSE(paintedNear(image, pixelOf(90, 0.9), 10));
    EXPECT_FALSE(paintedNear(image, pixelOf(10, 0.1), 10));
}

TEST_F(LossCurveTest, DotsAShortCurveSoItsFirstPointShows) {
    append({0.5});
    setRanges({-1, 1}, {0, 1});
    const QImage dotted = render();
    EXPECT_TRUE(paintedNear(dotted, pixelOf(0, 0.5), 1));
    EXPECT_TRUE(paintedNear(dotted, pixelOf(0, 0.5) + QPoint(2, 0), 0));
    curve->setDotLimit(0);
    const QImage undotted = render();
    EXPECT_FALSE(paintedNear(undotted, pixelOf(0, 0.5), 3));
}

TEST_F(LossCurveTest, DrawsTheFullEnvelopeOfAMillionOscillatingPoints) {
    for (int i = 0; i < 1'000'000; ++i)
        history.append(i % 2 == 0 ? 0.2 : 0.8);
    ASSERT_EQ(history.stride(), 1);
    setRanges({0, 999'999}, {0, 1});
    const QImage image = render();
    const QRect rect = plot.axisRect()->rect();
    for (int x = rect.left() + 5; x < rect.right() - 5; x += rect.width() / 9) {
        const auto [top, bottom] = paintedRows(image, x);
        EXPECT_NEAR(top, pixelOf(0, 0.8).y(), 1) << "column " << x;
        EXPECT_NEAR(bottom, pixelOf(0, 0.2).y(), 1) << "column " << x;
    }
}

TEST_F(LossCurveTest, LeavesOutNonFiniteLossesAndBreaksTheLineThere) {
    append({0.5, 0.5, kNaN, 0.5, 0.5, std::numeric_limits<double>::infinity(), 0.5, 0.5});
    curve->setDotLimit(0);
    setRanges({-1, 8}, {0, 1});
    const QImage image = render();
    for (double iteration : {0.5, 3.5, 6.5})
        EXPECT_TRUE(paintedNear(image, pixelOf(iteration, 0.5)));
    EXPECT_FALSE(paintedNear(image, pixelOf(2, 0.5), 1));
    EXPECT_FALSE(paintedNear(image, pixelOf(5, 0.5), 1));
}

TEST_F(LossCurveTest, LeavesOutNonPositiveLossesOnALogAxis) {
    append({0.5, 0.5, 0.0, 0.5, 0.5});
    curve->setDotLimit(0);
    plot.yAxis->setScaleType(QCPAxis::stLogarithmic);
    setRanges({-1, 5}, {0.1, 1});
    const QImage image = render();
    EXPECT_TRUE(paintedNear(image, pixelOf(0.5, 0.5)));
    EXPECT_TRUE(paintedNear(image, pixelOf(3.5, 0.5)));
    EXPECT_FALSE(paintedNear(image, pixelOf(2, 0.5), 1));
}

TEST_F(LossCurveTest, RangesCoverFiniteLossesInTheirSignDomain) {
    append({0.5, 0.0, 0.25, -1.0, 4.0, std::numeric_limits<double>::infinity(), 1e-3, kNaN});
    bool found = false;
    EXPECT_EQ(curve->getKeyRange(found), QCPRange(0, 6));
    EXPECT_TRUE(found);
    EXPECT_EQ(curve->getKeyRange(found, QCP::sdPositive), QCPRange(1, 6));
    curve->getKeyRange(found, QCP::sdNegative);
    EXPECT_FALSE(found);
    EXPECT_EQ(curve->getValueRange(found), QCPRange(-1, 4));
    EXPECT_EQ(curve->getValueRange(found, QCP::sdPositive), QCPRange(1e-3, 4));
    EXPECT_EQ(curve->getValueRange(found, QCP::sdNegative), QCPRange(-1, -1));
    EXPECT_EQ(curve->getValueRange(found, QCP::sdBoth, QCPRange(1, 3)), QCPRange(-1, 0.25));
    EXPECT_EQ(curve->getValueRange(found, QCP::sdPositive, QCPRange(1, 3)), QCPRange(0.25, 0.25));
    // A log axis asks for the positive domain.
    plot.yAxis->setScaleType(QCPAxis::stLogarithmic);
    curve->rescaleAxes();
    EXPECT_EQ(plot.yAxis->range(), QCPRange(1e-3, 4));
    EXPECT_EQ(plot.xAxis->range(), QCPRange(0, 6));
}

TEST_F(LossCurveTest, FindsNoRangeWithoutFiniteLosses) {
    bool found = true;
    curve->getKeyRange(found);
    EXPECT_FALSE(found);
    append({kNaN, kNaN});
    curve->getValueRange(found);
    EXPECT_FALSE(found);
    curve->setHistory(nullptr);
    curve->getKeyRange(found);
    EXPECT_FALSE(found);
    EXPECT_FALSE(curve->nearestPoint(QPointF(10, 10), 1e9));
}

TEST_F(LossCurveTest, NearestPointIsTheClosestDrawnPointWithinReach) {
    append({1.0, 0.8, kNaN, 0.4, 0.2});
    setRanges({-1, 5}, {0, 1.2});
    render();
    const QPointF near = curve->coordsToPixels(3, 0.4) + QPointF(3, 4);  // 5 px away
    const auto nearest = curve->nearestPoint(near, 10);
    ASSERT_TRUE(nearest);
    EXPECT_EQ(*nearest, (core::LossHistory::Point{3, 0.4}));
    EXPECT_FALSE(curve->nearestPoint(near, 4.9));
    EXPECT_FALSE(curve->nearestPoint(pixelOf(2, 0.6), 10));  // the left-out point
}

TEST_F(LossCurveTest, SelectTestIsNearOnlyNearTheCurve) {
    append({1.0, 0.0});
    setRanges({-1, 2}, {-0.5, 1.5});
    render();
    const double onTheLine = curve->selectTest(pixelOf(0.5, 0.5), false);
    EXPECT_GE(onTheLine, 0.0);
    EXPECT_LT(onTheLine, 1.5);
    EXPECT_EQ(curve->selectTest(pixelOf(0.5, 1.2), false), -1.0);
}

TEST_F(LossCurveTest, DrawsTheHistoryAsItIsAtEachReplot) {
    for (int i = 0; i < 10; ++i)
        history.append(0.5);
    curve->setDotLimit(0);
    setRanges({-1, 20}, {0, 1});
    const QImage before = render();
    EXPECT_FALSE(paintedNear(before, pixelOf(15, 0.5)));
    for (int i = 0; i < 10; ++i)
        history.append(0.5);
    const QImage after = render();
    EXPECT_TRUE(paintedNear(after, pixelOf(15, 0.5)));
}

TEST_F(LossCurveTest, DrawsASegmentZoomedFarIntoIt) {
    for (int i = 0; i < 100; ++i)
        history.append(i % 2 == 0 ? 0.0 : 1.0);
    setRanges({50.5 - 1e-6, 50.5 + 1e-6}, {0, 1});
    const QImage image = render();
    // So far in, the segment from (50, 0) to (51, 1) crosses the view all but level.
    for (double iteration : {50.5 - 0.9e-6, 50.5, 50.5 + 0.9e-6})
        EXPECT_TRUE(paintedNear(image, pixelOf(iteration, 0.5))) << iteration;
    EXPECT_FALSE(paintedNear(image, pixelOf(50.5, 0.25), 5));
}

TEST_F(LossCurveTest, DrawsOnAVerticalKeyAxis) {
    curve->setKeyAxis(plot.yAxis);
    curve->setValueAxis(plot.xAxis);
    for (int i = 0; i < 100; ++i)
        history.append(1.0 - i / 100.0);
    curve->setDotLimit(0);
    setRanges({-5, 104}, {-0.1, 1.1});
    const QImage image = render();
    EXPECT_TRUE(paintedNear(image, pixelOf(50, 0.5)));
    EXPECT_FALSE(paintedNear(image, pixelOf(90, 0.9), 10));
}

}  // namespace
