#include "ui/lossplot.h"
#include "core/trainer.h"

#include <gtest/gtest.h>

#include <qcustomplot.h>
#include <QCheckBox>
#include <QTest>
#include <QToolButton>
#include <cmath>
#include <set>

#include "ui/losscurve.h"
#include "ui/session/presetlibrary.h"
#include "ui/trainingcontroller.h"
#include "windowparts.h"

namespace {

using testing_support::plotTexts;

session::Session preset(const char* name) {
    return session::PresetLibrary::builtIn().find(name)->session;
}

// A plot of a fixed size showing a model, drawn, so that pixels and coordinates correspond.
class LossPlotTest : public ::testing::Test {
protected:
    void SetUp() override {
        model.load(preset("mazur"), "mazur");
        plot.resize(800, 400);
        plot.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&plot));
    }
    QCustomPlot* custom() { return plot.customPlot(); }
    ui::LossCurve* curve() {
        for (int i = 0; i < custom()->plottableCount(); ++i)
            if (auto* found = qobject_cast<ui::LossCurve*>(custom()->plottable(i))) return found;
        return nullptr;
    }
    // The boxes in pixels of the shown texts of the plot called `name`.
    std::vector<QRectF> shownBoxes(const char* name) {
        custom()->replot();
        std::vector<QRectF> boxes;
        for (const QCPItemText* text : custom()->findChildren<QCPItemText*>(name))
            if (text->visible())
                boxes.push_back(
                    QRectF(text->topLeft->pixelPosition(), text->bottomRight->pixelPosition()));
        return boxes;
    }
    QStringList tickLabels() {
        custom()->replot();
        const QVector<QString> labels = custom()->yAxis->tickVectorLabels();
        return QStringList(labels.begin(), labels.end());
    }
    ui::TrainingController model;
    ui::LossPlot plot{&model};
};

TEST_F(LossPlotTest, DrawsTheModelsOwnCurveAndFollowsIt) {
    model.run(999);
    QTest::qWait(1);
    // The curve reads the model's history: no second copy of the points.
    ASSERT_NE(curve(), nullptr);
    EXPECT_EQ(curve()->history(), &model.history());
    for (int i = 0; i < custom()->graphCount(); ++i)
        EXPECT_TRUE(custom()->graph(i)->data()->isEmpty());
    // Following, the x axis reaches the newest point.
    EXPECT_GE(custom()->xAxis->range().upper, 999.0);
}

TEST_F(LossPlotTest, LogScaleToggles) {
    auto* box = plot.findChild<QCheckBox*>("logScaleBox");
    box->click();
    EXPECT_TRUE(plot.logScale());
    EXPECT_EQ(custom()->yAxis->scaleType(), QCPAxis::stLogarithmic);
    plot.setLogScale(false);
    EXPECT_EQ(custom()->yAxis->scaleType(), QCPAxis::stLinear);
    EXPECT_FALSE(box->isChecked());
}

TEST_F(LossPlotTest, RateMarkersFollowTheRecordAndReset) {
    model.run(10);
    model.setLearningRate(2.5);
    model.run(10);
    model.setLearningRate(0.123456);
    model.run(10);
    model.setLearningRate(7);
    EXPECT_EQ(int(plotTexts(plot, "rateMarkerLabel", true).size()), 3);
    // A new rate in the past starts a new branch: the later markers go.
    model.seek(15);
    model.setLearningRate(3);
    EXPECT_EQ(int(plotTexts(plot, "rateMarkerLabel", true).size()), 2);
    EXPECT_EQ(plotTexts(plot, "rateMarkerLabel"), (QStringList{"lr 2.5", "lr 3"}));
    model.reset();
    EXPECT_EQ(int(plotTexts(plot, "rateMarkerLabel", true).size()), 0);
}

TEST_F(LossPlotTest, HoverNamesTheNearestPoint) {
    model.run(100);
    custom()->replot();
    // The loss at iteration 40, from an independent run of the worked example.
    core::Trainer reference(preset("mazur").config);
    reference.run(40);
    const double loss = reference.evaluate().loss();
    const QPoint near(int(custom()->xAxis->coordToPixel(40)) + 1,
                      int(custom()->yAxis->coordToPixel(loss)) - 2);
    EXPECT_EQ(plot.hoverText(near), QString("iteration 40\nloss %1").arg(loss, 0, 'g', 6));
    const QPoint far(int(custom()->xAxis->coordToPixel(40)),
                     int(custom()->yAxis->coordToPixel(loss)) - 150);
    EXPECT_EQ(plot.hoverText(far), "");
}

// A single click on the plot leaves Follow newest on; a drag that pans or a wheel turns it off;
// a double click turns it on again.
TEST_F(LossPlotTest, OnlyPanningOrZoomingHoldsTheView) {
    model.run(100);
    auto* follow = plot.findChild<QToolButton*>("followButton");
    QTest::mouseClick(custom(), Qt::LeftButton, {}, QPoint(400, 200));
    EXPECT_TRUE(plot.followsNewest());
    QTest::mousePress(custom(), Qt::LeftButton, {}, QPoint(400, 200));
    QTest::mouseMove(custom(), QPoint(300, 200));
    QTest::mouseRelease(custom(), Qt::LeftButton, {}, QPoint(300, 200));
    EXPECT_FALSE(plot.followsNewest());
    EXPECT_FALSE(follow->isChecked());
    const QCPRange held = custom()->xAxis->range();
    model.run(100);
    EXPECT_EQ(custom()->xAxis->range(), held);
    QTest::mouseDClick(custom(), Qt::LeftButton, {}, QPoint(400, 200));
    EXPECT_TRUE(plot.followsNewest());
    EXPECT_GE(custom()->xAxis->range().upper, 200.0);
    EXPECT_TRUE(follow->isChecked());
}

// Labels of the log axis never repeat (the oscillating run spans less than a decade, the
// diverging one many), and the highest point is inside the plot, not on its edge.
TEST_F(LossPlotTest, LogAxisLabelsAreDistinctAndTheTopPointShows) {
    plot.setLogScale(true);
    for (const char* name : {"oscillate", "diverge", "mazur"}) {
        model.load(preset(name), name);
        model.run(name == std::string("diverge") ? 30 : 300);
        const QStringList labels = tickLabels();
        EXPECT_GE(labels.size(), 2) << name;
        EXPECT_EQ(std::set<QString>(labels.begin(), labels.end()).size(),
                  std::size_t(labels.size()))
            << name << ": " << labels.join(" | ").toStdString();
        double highest = 0;
        for (const auto& point : model.history().points())
            highest = std::max(highest, point.loss);
        const double top = custom()->yAxis->coordToPixel(highest);
        EXPECT_GT(top, custom()->axisRect()->top() + 3) << name;
    }
}

// Many changes close together: their labels take rows and never cover one another or the
// regime's name; the changes of one drag make one marker with the drag's last rate.
TEST_F(LossPlotTest, MarkerLabelsNeverOverlapAndOneDragIsOneMarker) {
    for (int i = 1; i <= 6; ++i) {
        model.run(1);
        model.setLearningRate(0.5 + 0.25 * i);
    }
    const std::vector<QRectF> labels = shownBoxes("rateMarkerLabel");
    const std::vector<QRectF> regime = shownBoxes("regimeLabel");
    ASSERT_EQ(regime.size(), 1u);
    EXPECT_GE(labels.size(), 3u);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        EXPECT_FALSE(labels[i].intersects(regime[0])) << i;
        for (std::size_t j = i + 1; j < labels.size(); ++j)
            EXPECT_FALSE(labels[i].intersects(labels[j])) << i << " " << j;
    }

    // A drag while playing: a change at every iteration it crossed, shown as one marker.
    model.reset();
    model.run(5);
    model.beginRateDrag();
    for (double rate : {1.0, 2.0, 3.0, 4.0, 5.0}) {
        model.setLearningRate(rate);
        model.run(1);
    }
    model.endRateDrag();
    EXPECT_EQ(model.rateChanges().size(), 6u);  // kept exactly, for replay
    EXPECT_EQ(int(plotTexts(plot, "rateMarkerLabel", true).size()), 1);
    EXPECT_EQ(plotTexts(plot, "rateMarkerLabel"), QStringList{"lr 5"});
}

// A pinned run of another problem goes when the problem changes, or stays on request without
// setting the view.
TEST_F(LossPlotTest, PinnedRunsBelongToTheirProblem) {
    model.run(5000);
    ASSERT_TRUE(model.pinRun());
    model.reset();
    EXPECT_EQ(plotTexts(plot, "pinnedRunLabel"), QStringList{"lr 0.5"});  // the same problem: kept
    model.load(preset("xor"), "xor");
    EXPECT_TRUE(plotTexts(plot, "pinnedRunLabel").isEmpty());

    model.load(preset("mazur"), "mazur");
    model.run(5000);
    model.pinRun();
    model.setKeepPins(true);
    model.load(preset("xor"), "xor");
    model.run(50);
    EXPECT_EQ(plotTexts(plot, "pinnedRunLabel"), QStringList{"mazur: lr 0.5"});
    EXPECT_LT(custom()->xAxis->range().upper, 100.0);  // the xor run is not squashed
}

}  // namespace
