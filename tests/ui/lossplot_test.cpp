#include "ui/lossplot.h"

#include <gtest/gtest.h>

#include <qcustomplot.h>
#include <QSignalSpy>
#include <QTest>
#include <cmath>

namespace {

// A plot of a fixed size, drawn, so that pixels and coordinates correspond.
class LossPlotTest : public ::testing::Test {
protected:
    void SetUp() override {
        plot.resize(800, 400);
        plot.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&plot));
    }
    QCustomPlot* custom() { return plot.customPlot(); }
    // The texts of the learning-rate markers, in the order they were made.
    QStringList markerLabels() {
        QStringList labels;
        for (int i = 0; i < custom()->itemCount(); ++i)
            if (auto* text = qobject_cast<QCPItemText*>(custom()->item(i));
                text && text->text().startsWith("lr "))
                labels.append(text->text());
        return labels;
    }
    ui::LossPlot plot;
};

TEST_F(LossPlotTest, ShowsEveryPointAndAppendsOnlyWhatIsNew) {
    core::LossHistory history;
    for (int i = 0; i < 600; ++i)
        history.append(1.0 / (1 + i));
    plot.showHistory(history);
    for (int i = 600; i < 1000; ++i)
        history.append(1.0 / (1 + i));
    plot.showHistory(history);
    const auto data = custom()->graph(0)->data();
    ASSERT_EQ(data->size(), 1000);
    EXPECT_EQ(data->at(999)->key, 999.0);
    EXPECT_DOUBLE_EQ(data->at(999)->value, 1.0 / 1000);
    // Following, the x axis reaches the newest point.
    EXPECT_GE(custom()->xAxis->range().upper, 999.0);
}

TEST_F(LossPlotTest, MergedHistoryReplacesTheCurve) {
    core::LossHistory history(64);
    for (int i = 0; i < 50; ++i)
        history.append(i % 2 ? 3.0 : 1.0);
    plot.showHistory(history);
    for (int i = 50; i < 1003; ++i) {
        history.append(i % 2 ? 3.0 : 1.0);
        if (i % 97 == 0) plot.showHistory(history);
    }
    plot.showHistory(history);
    const auto data = custom()->graph(0)->data();
    ASSERT_EQ(std::size_t(data->size()), history.points().size());
    for (int i = 0; i < data->size(); ++i) {
        EXPECT_EQ(data->at(i)->key, double(history.points()[i].iteration));
        EXPECT_EQ(data->at(i)->value, history.points()[i].loss);
    }
}

TEST_F(LossPlotTest, LogScaleToggles) {
    QSignalSpy changed(&plot, &ui::LossPlot::logScaleChanged);
    plot.findChild<QCheckBox*>("logScaleBox")->click();
    EXPECT_TRUE(plot.logScale());
    EXPECT_EQ(custom()->yAxis->scaleType(), QCPAxis::stLogarithmic);
    plot.setLogScale(false);
    EXPECT_EQ(custom()->yAxis->scaleType(), QCPAxis::stLinear);
    EXPECT_EQ(changed.count(), 2);
}

TEST_F(LossPlotTest, RateMarkersAreReplacedAndCleared) {
    plot.setRateMarkers({{10, 2.5}, {20, 0.1}, {30, 7}});
    plot.setRateMarkers({{10, 3.0}, {20, 0.123456}});  // a new branch: the third is gone
    EXPECT_EQ(plot.rateMarkerCount(), 2);
    EXPECT_EQ(markerLabels(), (QStringList{"lr 3", "lr 0.1235"}));
    plot.clear();
    EXPECT_EQ(plot.rateMarkerCount(), 0);
    EXPECT_TRUE(markerLabels().isEmpty());
    EXPECT_TRUE(custom()->graph(0)->data()->isEmpty());
}

TEST_F(LossPlotTest, HoverNamesTheNearestPoint) {
    core::LossHistory history;
    for (int i = 0; i <= 100; ++i)
        history.append(0.5 - 0.004 * i);
    plot.showHistory(history);
    custom()->replot();
    // The pixel of iteration 40 (loss 0.34), a few pixels off.
    const QPoint near(int(custom()->xAxis->coordToPixel(40)) + 2,
                      int(custom()->yAxis->coordToPixel(0.34)) - 3);
    EXPECT_EQ(plot.hoverText(near), "iteration 40\nloss 0.34");
    const QPoint far(int(custom()->xAxis->coordToPixel(40)),
                     int(custom()->yAxis->coordToPixel(0.34)) - 120);
    EXPECT_EQ(plot.hoverText(far), "");
}

TEST_F(LossPlotTest, ZoomingHoldsTheViewAndDoubleClickFollowsAgain) {
    core::LossHistory history;
    for (int i = 0; i < 100; ++i)
        history.append(1.0);
    plot.showHistory(history);
    QSignalSpy following(&plot, &ui::LossPlot::followNewestChanged);
    QTest::mousePress(custom(), Qt::LeftButton, {}, QPoint(400, 200));
    QTest::mouseRelease(custom(), Qt::LeftButton, {}, QPoint(400, 200));
    EXPECT_FALSE(plot.followsNewest());
    custom()->xAxis->setRange(10, 20);
    for (int i = 100; i < 200; ++i)
        history.append(1.0);
    plot.showHistory(history);
    EXPECT_EQ(custom()->xAxis->range().upper, 20.0);  // held
    QTest::mouseDClick(custom(), Qt::LeftButton, {}, QPoint(400, 200));
    EXPECT_TRUE(plot.followsNewest());
    EXPECT_GE(custom()->xAxis->range().upper, 199.0);
    EXPECT_EQ(following.count(), 2);
}

TEST_F(LossPlotTest, RescalingIgnoresNonFiniteLossesAndShorterHistories) {
    core::LossHistory history;
    history.append(1.0);
    history.append(INFINITY);
    for (int i = 0; i < 10; ++i)
        history.append(50.0 + i);
    plot.showHistory(history);
    EXPECT_TRUE(std::isfinite(custom()->yAxis->range().upper));
    EXPECT_GE(custom()->yAxis->range().upper, 59.0);
    // Another, shorter history of the same generation is shown whole, not read past its end.
    core::LossHistory shorter;
    for (int i = 0; i < 3; ++i)
        shorter.append(2.0);
    plot.showHistory(shorter);
    EXPECT_EQ(custom()->graph(0)->dataCount(), 3);
}

}  // namespace
