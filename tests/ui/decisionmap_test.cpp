// The decision map: its values against a forward pass written here at the points where it
// computed them, its colours read back from the pixels, following the model along the run,
// the output chosen, the grid of the largest network, and the sentence for other networks.
#include "ui/decisionmap.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QComboBox>
#include <QImage>

#include "../core/workedexample.h"
#include "core/trainer.h"
#include "handforward.h"
#include "largesessions.h"
#include "ui/session/presetlibrary.h"
#include "ui/trainingcontroller.h"
#include "windowparts.h"

namespace {

using testing_support::expectPublished;
using testing_support::forwardByHand;
using testing_support::named;

const session::Session& preset(const char* name) {
    return session::PresetLibrary::builtIn().find(name)->session;
}

// The parameters after `iterations` updates, from a trainer of the test's own.
core::Parameters trainedParameters(const session::Session& session, long long iterations) {
    core::Trainer trainer(session.config);
    trainer.run(iterations);
    return trainer.parameters();
}

// The map's value at `point` is output `output` of the network at `parameters`, computed by
// hand where the map computed it: at the centre of the cell holding `point`, at most half a
// cell of `cell` (the cell's size in inputs) away.
void expectValueAt(const ui::DecisionMap& map, QPointF point, const core::Topology& topology,
                   const core::Parameters& parameters, int output, QSizeF cell) {
    SCOPED_TRACE(testing::Message() << "at (" << point.x() << ", " << point.y() << ")");
    const QPointF centre = map.evaluatedAt(point);
    EXPECT_LE(std::abs(centre.x() - point.x()), cell.width() / 2 + 1e-12);
    EXPECT_LE(std::abs(centre.y() - point.y()), cell.height() / 2 + 1e-12);
    const double expected = forwardByHand(topology, parameters, {centre.x(), centre.y()})[output];
    EXPECT_NEAR(map.valueAt(point), expected, 1e-12);
}

// The value a colour of the map stands for, read back from the scale's published colours:
// 0 orange #E69F00, 0.5 near white #F7F7F7, 1 blue #0072B2, straight lines between them.
double valueOfColour(QColor colour) {
    if (colour.red() > colour.blue()) return 0.5 * colour.blue() / 247.0;  // orange to white
    return 0.5 + 0.5 * (247.0 - colour.red()) / 247.0;                     // white to blue
}

// The mazur preset's plane: its one sample (0.05, 0.10) with 0.5 on every side.
constexpr double kLeft = -0.45, kRight = 0.55, kBottom = -0.4, kTop = 0.6;

TEST(DecisionMapTest, ValuesAreTheForwardPassWhereTheyWereComputed) {
    ui::TrainingController model;
    model.load(preset("mazur"), "mazur");
    ui::DecisionMap map(&model);
    map.resize(400, 300);
    const QSize cells = map.cells();
    ASSERT_GT(cells.width(), 50);
    ASSERT_GT(cells.height(), 50);
    const QSizeF cell((kRight - kLeft) / cells.width(), (kTop - kBottom) / cells.height());
    const core::Topology& topology = model.snapshot().topology();
    const core::Parameters parameters = core::initialParameters(preset("mazur").config);
    for (const QPointF point :
         {QPointF(kLeft, kBottom), QPointF(kRight, kBottom), QPointF(kLeft, kTop),
          QPointF(kRight, kTop), QPointF((kLeft + kRight) / 2, (kBottom + kTop) / 2)})
        expectValueAt(map, point, topology, parameters, 0, cell);
    // At the sample, Mazur's out_o1, to within what half a cell changes it.
    EXPECT_NEAR(map.valueAt({0.05, 0.10}), 0.75136507, 1e-4);
    // Outside the plane, the nearest cell's value.
    EXPECT_EQ(map.valueAt({kRight + 5, kTop + 5}), map.valueAt({kRight, kTop}));
}

TEST(DecisionMapTest, PixelsShowTheValuesOnTheScale) {
    ui::TrainingController model;
    model.load(preset("xor"), "xor");
    model.run(3000);
    ui::DecisionMap map(&model);
    map.resize(400, 300);
    const QImage image = map.grab().toImage();
    const core::Parameters parameters = trainedParameters(preset("xor"), 3000);
    const core::Topology& topology = model.snapshot().topology();
    // Points between the samples (0 or 1 on each axis), away from their dots.
    for (const QPointF point : {QPointF(0.5, 0.5), QPointF(0.25, 0.5), QPointF(0.5, 0.1),
                                QPointF(-0.05, 0.5), QPointF(0.8, 0.8), QPointF(0.2, 0.75)}) {
        SCOPED_TRACE(testing::Message() << "at (" << point.x() << ", " << point.y() << ")");
        const double expected = forwardByHand(topology, parameters, {point.x(), point.y()})[0];
        const QPoint pixel = map.pixelAt(point).toPoint();
        EXPECT_NEAR(valueOfColour(image.pixelColor(pixel)), expected, 0.02);
    }
}

TEST(DecisionMapTest, FollowsTrainingStepsAndTheTimeline) {
    ui::TrainingController model;
    model.load(preset("mazur"), "mazur");
    ui::DecisionMap map(&model);
    map.resize(400, 300);
    const QSizeF cell((kRight - kLeft) / map.cells().width(),
                      (kTop - kBottom) / map.cells().height());
    const core::Topology topology = model.snapshot().topology();
    const QPointF corner(kLeft, kTop);
    const double before = map.valueAt(corner);
    model.run(100);
    EXPECT_NE(map.valueAt(corner), before);
    expectValueAt(map, corner, topology, trainedParameters(preset("mazur"), 100), 0, cell);
    model.seek(40);
    expectValueAt(map, corner, topology, trainedParameters(preset("mazur"), 40), 0, cell);
    model.step();
    expectValueAt(map, corner, topology, trainedParameters(preset("mazur"), 41), 0, cell);
    model.reset();
    EXPECT_EQ(map.valueAt(corner), before);
}

TEST(DecisionMapTest, ShowsTheChosenOutput) {
    ui::TrainingController model;
    model.load(preset("mazur"), "mazur");
    ui::DecisionMap map(&model);
    map.resize(400, 300);
    EXPECT_EQ(map.objectName(), "decisionMap");
    EXPECT_EQ(map.shownOutput(), 0);
    EXPECT_TRUE(map.toolTip().contains("o1's output")) << map.toolTip().toStdString();
    auto* choice = named<QComboBox>(map, "decisionMapOutput");
    ASSERT_NE(choice, nullptr);
    EXPECT_FALSE(choice->isHidden());
    ASSERT_EQ(choice->count(), 2);
    choice->setCurrentIndex(1);
    EXPECT_EQ(map.shownOutput(), 1);
    EXPECT_TRUE(map.toolTip().contains("o2's output")) << map.toolTip().toStdString();
    expectPublished(map.valueAt({0.05, 0.10}), "0.7729");  // Mazur's out_o2 = 0.772928465
    const QSizeF cell((kRight - kLeft) / map.cells().width(),
                      (kTop - kBottom) / map.cells().height());
    expectValueAt(map, {kLeft, kBottom}, model.snapshot().topology(),
                  core::initialParameters(preset("mazur").config), 1, cell);
    // Another network with as many outputs keeps the choice.
    model.load(preset("xor"), "xor");
    EXPECT_EQ(map.shownOutput(), 1);
}

TEST(DecisionMapTest, KeepsTheLargestNetworkWithinItsBudget) {
    const session::Session session = testing_support::largestSession();
    ui::TrainingController model;
    model.load(session, "largest");
    ASSERT_TRUE(model.waitForBackgroundWork());
    ui::DecisionMap map(&model);
    map.resize(400, 300);
    const QSize cells = map.cells();
    // 2-64x6-2: 20,736 multiply-adds and 386 activations a point.
    const double work = 20'736 + 386 * ui::DecisionGrid::kActivationCost;
    EXPECT_LE(cells.width() * cells.height() * work, ui::DecisionGrid::kWorkBudget);
    EXPECT_GE(cells.width(), 8);
    const core::Sample& sample = session.config.samples.front();
    const QPointF inputs(sample.input[0], sample.input[1]);
    const QPointF centre = map.evaluatedAt(inputs);
    const std::vector<double> expected =
        forwardByHand(model.snapshot().topology(), core::initialParameters(session.config),
                      {centre.x(), centre.y()});
    EXPECT_NEAR(map.valueAt(inputs), expected[0], 1e-12);
}

TEST(DecisionMapTest, SpansTheSamplesWithAMargin) {
    ui::TrainingController model;
    model.load(preset("xor"), "xor");
    ui::DecisionMap map(&model);
    map.resize(400, 300);
    // XOR's inputs are 0 and 1: the plane spans -0.1 to 1.1 both ways; the cells at its corners
    // are centred half a cell inside.
    const QSizeF cell(1.2 / map.cells().width(), 1.2 / map.cells().height());
    const QPointF lowest = map.evaluatedAt({-50, -50});
    const QPointF highest = map.evaluatedAt({50, 50});
    EXPECT_NEAR(lowest.x(), -0.1 + cell.width() / 2, 1e-12);
    EXPECT_NEAR(lowest.y(), -0.1 + cell.height() / 2, 1e-12);
    EXPECT_NEAR(highest.x(), 1.1 - cell.width() / 2, 1e-12);
    EXPECT_NEAR(highest.y(), 1.1 - cell.height() / 2, 1e-12);
    // And the map lies where the plane is drawn: i1 across, i2 up.
    EXPECT_LT(map.pixelAt({0, 0}).x(), map.pixelAt({1, 0}).x());
    EXPECT_GT(map.pixelAt({0, 0}).y(), map.pixelAt({0, 1}).y());
}

TEST(DecisionMapTest, SaysWhyThereIsNoMapWithoutTwoInputs) {
    session::Session session;
    session.config.layers = {3, 2, 1};
    session.config.samples = {{{0.1, 0.2, 0.3}, {1.0}}};
    ui::TrainingController model;
    model.load(session, "three inputs");
    ui::DecisionMap map(&model);
    map.resize(400, 300);
    EXPECT_EQ(map.message().toStdString(),
              "The decision map needs a network with two inputs; this one has 3.");
    EXPECT_TRUE(std::isnan(map.valueAt({0.1, 0.2})));
    EXPECT_TRUE(named<QComboBox>(map, "decisionMapOutput")->parentWidget()->isHidden());
    EXPECT_EQ(map.toolTip(), map.message());
    // A network with two inputs again: the map is back.
    model.load(preset("mazur"), "mazur");
    EXPECT_TRUE(map.message().isEmpty());
    EXPECT_FALSE(std::isnan(map.valueAt({0.05, 0.10})));
}

}  // namespace
