// Momentum in the window: its field beside the rate, a new beta as one undoable edit from the
// start, the window's steps equal to the engine's, and its velocity terms in term mode.
#include <gtest/gtest.h>

#include <QDoubleSpinBox>
#include <QTest>
#include <QUndoStack>

#include "../core/workedexample.h"
#include "core/markup.h"
#include "core/trainer.h"
#include "editparts.h"
#include "ui/mainwindow.h"
#include "ui/session/presetlibrary.h"
#include "ui/trainingcontroller.h"

namespace {

session::Session preset(const char* name) {
    return session::PresetLibrary::builtIn().find(name)->session;
}

// Types `text` into the field and presses Enter, as a user does.
void typeInto(QDoubleSpinBox* field, const QString& text) {
    field->setFocus();
    field->selectAll();
    QTest::keyClicks(field, text);
    QTest::keyClick(field, Qt::Key_Return);
}

TEST(MomentumControlTest, ANewBetaStartsOverFromTheStartAndUndoes) {
    auto shown = testing_support::shownWindow();
    ui::TrainingController& model = *shown->controller();
    auto* field = shown->findChild<QDoubleSpinBox*>("momentumField");
    ASSERT_NE(field, nullptr);
    EXPECT_EQ(field->value(), 0.0);
    EXPECT_FALSE(field->toolTip().isEmpty());
    model.run(3);
    typeInto(field, "0.9");
    EXPECT_EQ(model.momentum(), 0.9);
    EXPECT_EQ(model.iteration(), 0);
    const core::Parameters start = core::Trainer(preset("mazur").config).parameters();
    EXPECT_EQ(model.snapshot().parametersBefore(), start);
    // The window's steps are the engine's with beta = 0.9, bit for bit.
    model.run(5);
    core::NetworkConfig config = preset("mazur").config;
    config.momentum = 0.9;
    core::Trainer engine(config);
    engine.run(5);
    EXPECT_EQ(model.snapshot().parametersBefore(), engine.parameters());
    EXPECT_EQ(model.session().config.momentum, 0.9);
    // One edit, named; undo gives back beta 0 and the run at iteration 3.
    EXPECT_EQ(model.undoStack()->undoText(), "set momentum to 0.9");
    model.undoStack()->undo();
    EXPECT_EQ(model.momentum(), 0.0);
    EXPECT_EQ(field->value(), 0.0);
    EXPECT_EQ(model.iteration(), 3);
    model.undoStack()->redo();
    EXPECT_EQ(field->value(), 0.9);
}

TEST(MomentumControlTest, TermModeShowsTheVelocityBeforeEachUpdate) {
    ui::TrainingController controller;
    session::Session session = preset("mazur");
    session.config.momentum = 0.9;
    controller.load(session, "mazur");
    controller.run(1);
    controller.setGranularity(core::Granularity::Term);
    // The second step: v_w5 is the first step's dE/dw5, the article's 0.082167041.
    std::vector<std::string> symbols;
    for (int k = 0; k < 51; ++k) {
        controller.stepForward();
        symbols.push_back(core::plainFromMarkup(
            controller.explanation()->term(controller.position().revealed - 1).symbol));
    }
    ASSERT_EQ(symbols.size(), 51u);
    // 35 forward and backward terms, then each weight's velocity and its update.
    EXPECT_EQ(symbols[35], "v_w1+");
    EXPECT_EQ(symbols[36], "w1+");
    EXPECT_EQ(symbols[50], "w8+");
    EXPECT_EQ(controller.position(), (core::StepPosition{1, 51}));
    const core::Term velocity = controller.explanation()->term(35 + 2 * 4);  // v_w5+
    EXPECT_EQ(core::plainFromMarkup(velocity.symbol), "v_w5+");
    testing_support::expectPublished(controller.snapshot().velocityBefore()[4], "0.082167041");
    EXPECT_EQ(velocity.value, 0.9 * controller.snapshot().velocityBefore()[4] +
                                  controller.snapshot().dLoss_dWeight(4));
}

TEST(MomentumControlTest, ABadBetaIsRefusedAndChangesNothing) {
    ui::TrainingController controller;
    controller.load(preset("mazur"), "mazur");
    QString error;
    for (double beta : {-0.5, 1.0, 2.0}) {
        EXPECT_FALSE(controller.editMomentum(beta, &error)) << beta;
        EXPECT_FALSE(error.isEmpty());
        EXPECT_EQ(controller.momentum(), 0.0);
    }
}

}  // namespace
