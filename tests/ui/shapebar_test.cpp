// The shape buttons above the network: a node or a hidden layer more or less, the weights that
// still fit kept, the run started over, and the change undone bit for bit.
#include "ui/shapebar.h"

#include <gtest/gtest.h>

#include <QLabel>
#include <QToolButton>
#include <QUndoStack>

#include "ui/session/presetlibrary.h"

namespace {

using Kind = core::ShapeChange::Kind;

class ShapeBarTest : public testing::Test {
protected:
    ShapeBarTest() : bar(&model) {
        model.load(session::PresetLibrary::builtIn().find("mazur")->session, "mazur");
    }
    QString sizeText(int layer) const {
        return bar.findChild<QLabel*>(QStringLiteral("layerSize%1").arg(layer))->text();
    }

    ui::TrainingController model;
    ui::ShapeBar bar;
};

TEST_F(ShapeBarTest, APlusAddsAHiddenNodeAndKeepsTheArticlesWeights) {
    model.run(0);
    QToolButton* plus = bar.button({Kind::AddNode, 1});
    ASSERT_NE(plus, nullptr);
    EXPECT_EQ(sizeText(1), "h: 2");
    plus->click();
    const core::StepSnapshot& step = model.snapshot();
    EXPECT_EQ(step.topology().layerSizes(), (std::vector<int>{2, 3, 2}));
    EXPECT_EQ(sizeText(1), "h: 3");
    const auto w = step.weightsBefore();
    const core::Topology& shape = step.topology();
    // The article's w1..w8 where their nodes still are.
    EXPECT_EQ(w[shape.weightIndex(1, 0, 0)], 0.15);
    EXPECT_EQ(w[shape.weightIndex(1, 0, 1)], 0.20);
    EXPECT_EQ(w[shape.weightIndex(1, 1, 0)], 0.25);
    EXPECT_EQ(w[shape.weightIndex(1, 1, 1)], 0.30);
    EXPECT_EQ(w[shape.weightIndex(2, 0, 0)], 0.40);
    EXPECT_EQ(w[shape.weightIndex(2, 0, 1)], 0.45);
    EXPECT_EQ(w[shape.weightIndex(2, 1, 0)], 0.50);
    EXPECT_EQ(w[shape.weightIndex(2, 1, 1)], 0.55);
    EXPECT_EQ(model.undoStack()->undoText(), "add a node to the hidden layer");
    EXPECT_EQ(model.iteration(), 0);

    model.undoStack()->undo();
    EXPECT_EQ(model.snapshot().topology().layerSizes(), (std::vector<int>{2, 2, 2}));
    EXPECT_EQ(sizeText(1), "h: 2");
    EXPECT_EQ(model.session(), session::PresetLibrary::builtIn().find("mazur")->session);
}

TEST_F(ShapeBarTest, LayersComeAndGoWithinTheEnginesBounds) {
    ASSERT_NE(bar.button({Kind::AddLayer, 2}), nullptr);
    for (int i = 0; i < 5; ++i)
        bar.button({Kind::AddLayer, int(model.snapshot().topology().layerCount()) - 1})->click();
    EXPECT_EQ(model.snapshot().topology().layerCount(), 8);
    EXPECT_FALSE(bar.button({Kind::AddLayer, 7})->isEnabled());
    // Removing the last hidden layer: the outputs keep their bias.
    bar.button({Kind::RemoveLayer, 6})->click();
    EXPECT_EQ(model.snapshot().topology().layerCount(), 7);
    EXPECT_EQ(model.snapshot().biasesBefore().back(), 0.60);
    // One node is the least a layer keeps.
    bar.button({Kind::RemoveNode, 0})->click();
    EXPECT_EQ(model.snapshot().topology().layerSize(0), 1);
    EXPECT_EQ(model.session().config.samples[0].input, (std::vector<double>{0.05}));
    EXPECT_FALSE(bar.button({Kind::RemoveNode, 0})->isEnabled());
    EXPECT_EQ(model.undoStack()->count(), 7);
}

}  // namespace
