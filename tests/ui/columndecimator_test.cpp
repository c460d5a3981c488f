#include "ui/columndecimator.h"

#include <gtest/gtest.h>

#include <limits>

namespace {

using Point = ui::ColumnDecimator::Point;

// A 400 x 300 plot whose x axis spans `keys` and y axis `values`, laid out.
class ColumnDecimatorTest : public ::testing::Test {
protected:
    void layOut(QCPRange keys, QCPRange values) {
        plot.setViewport(QRect(0, 0, 400, 300));
        plot.xAxis->setRange(keys);
        plot.yAxis->setRange(values);
        plot.replot();
    }
    QPointF pixelOf(double key, double value) const {
        return {plot.xAxis->coordToPixel(key), plot.yAxis->coordToPixel(value)};
    }
    std::vector<QPolygonF> decimate(const std::vector<Point>& points) const {
        return ui::ColumnDecimator(*plot.xAxis, *plot.yAxis).polylines(points);
    }
    QCustomPlot plot;
};

TEST_F(ColumnDecimatorTest, OneColumnBecomesItsSpanFromTheEndNearerItsFirstPoint) {
    layOut({0, 1e6}, {0, 1});
    const auto lines = decimate({{10, 0.6}, {11, 0.9}, {12, 0.1}, {13, 0.4}});
    ASSERT_EQ(lines.size(), 1u);
    const double x = pixelOf(10, 0).x();
    EXPECT_EQ(lines[0], (QPolygonF{{x, pixelOf(0, 0.9).y()}, {x, pixelOf(0, 0.1).y()}}));
}

TEST_F(ColumnDecimatorTest, EachColumnIsEnteredAtTheEndNearerTheLine) {
    layOut({0, 1e6}, {0, 1});
    const double step = plot.xAxis->pixelToCoord(1) - plot.xAxis->pixelToCoord(0);
    const long long next = static_cast<long long>(std::ceil(step)) + 20;  // a column further
    const auto lines = decimate({{10, 0.9}, {11, 0.5}, {next, 0.2}, {next + 1, 0.6}});
    ASSERT_EQ(lines.size(), 1u);
    ASSERT_EQ(lines[0].size(), 4);
    EXPECT_EQ(lines[0][1].y(), pixelOf(0, 0.5).y());  // the first column ends low
    EXPECT_EQ(lines[0][2].y(), pixelOf(0, 0.6).y());  // so the next is entered at its top
    EXPECT_EQ(lines[0][3].y(), pixelOf(0, 0.2).y());
}

TEST_F(ColumnDecimatorTest, AMonotoneColumnNeedsOnlyItsEnds) {
    layOut({0, 1e6}, {0, 1});
    const auto lines = decimate({{10, 0.9}, {11, 0.7}, {12, 0.5}, {13, 0.3}});
    ASSERT_EQ(lines.size(), 1u);
    const double x = pixelOf(10, 0).x();
    EXPECT_EQ(lines[0], (QPolygonF{{x, pixelOf(0, 0.9).y()}, {x, pixelOf(0, 0.3).y()}}));
}

TEST_F(ColumnDecimatorTest, PointsInSeparateColumnsStayPoints) {
    layOut({0, 3}, {0, 1});
    const auto lines = decimate({{0, 0.5}, {1, 0.25}, {2, 0.75}});
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0], (QPolygonF{pixelOf(0, 0.5), pixelOf(1, 0.25), pixelOf(2, 0.75)}));
}

TEST_F(ColumnDecimatorTest, PointsItCannotShowBreakTheLine) {
    layOut({0, 5}, {0, 1});
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const auto lines = decimate({{0, 0.5}, {1, 0.5}, {2, nan}, {3, 0.5}, {4, 0.5}});
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].size(), 2);
    EXPECT_EQ(lines[1].front(), pixelOf(3, 0.5));
    plot.yAxis->setScaleType(QCPAxis::stLogarithmic);
    EXPECT_FALSE(ui::ColumnDecimator(*plot.xAxis, *plot.yAxis).shows({1, 0.0}));
    EXPECT_TRUE(ui::ColumnDecimator(*plot.xAxis, *plot.yAxis).shows({1, 1e-300}));
}

TEST_F(ColumnDecimatorTest, FarEndsArePulledInAlongTheirSegment) {
    layOut({0.5 - 1e-9, 0.5 + 1e-9}, {0, 1});
    const auto lines = decimate({{0, 0.0}, {1, 1.0}});
    ASSERT_EQ(lines.size(), 1u);
    for (QPointF vertex : lines[0]) {
        EXPECT_LT(std::abs(vertex.x()), 2e6);
        EXPECT_NEAR(plot.yAxis->pixelToCoord(vertex.y()), plot.xAxis->pixelToCoord(vertex.x()),
                    1e-9);
    }
}

}  // namespace
