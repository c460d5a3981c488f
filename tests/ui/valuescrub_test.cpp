// A drag along a number of the network changes it: a hundredth a pixel, a thousandth with Shift,
// the model following every move, the drag one edit, Escape putting it back.
#include "ui/valuescrub.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QMouseEvent>
#include <QUndoStack>

#include "ui/networkview.h"
#include "ui/session/presetlibrary.h"
#include "ui/trainingcontroller.h"

namespace {

constexpr int kW1 = 0;

class ValueScrubTest : public testing::Test {
protected:
    ValueScrubTest() : view(&model) {
        model.load(session::PresetLibrary::builtIn().find("mazur")->session, "mazur");
        view.resize(1280, 600);
        view.show();
        QApplication::processEvents();
        label = view.networkLayout().weightLabel(kW1).center();
    }
    void mouse(QEvent::Type type, QPointF at, Qt::MouseButtons held,
               Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
        const Qt::MouseButton button = type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton;
        QMouseEvent event(type, at, view.mapToGlobal(at), button, held, modifiers);
        QApplication::sendEvent(&view, &event);
    }
    double w1() const { return model.snapshot().weightsBefore()[kW1]; }

    ui::TrainingController model;
    ui::NetworkView view;
    QPointF label;
};

TEST_F(ValueScrubTest, DraggingRightAddsAHundredthAPixelAndIsOneEdit) {
    model.run(0);
    mouse(QEvent::MouseButtonPress, label, Qt::LeftButton);
    mouse(QEvent::MouseMove, label + QPointF(2, 0), Qt::LeftButton);
    EXPECT_EQ(w1(), 0.15);  // not yet a drag: a click may still be meant
    mouse(QEvent::MouseMove, label + QPointF(10, 0), Qt::LeftButton);
    EXPECT_EQ(w1(), 0.25);
    EXPECT_EQ(model.iteration(), 0);
    // The whole network follows: net_h1 = w1 i1 + w2 i2 + b1.
    EXPECT_NEAR(model.snapshot().node(0, 1, 0).net, 0.25 * 0.05 + 0.2 * 0.1 + 0.35, 1e-15);
    mouse(QEvent::MouseMove, label + QPointF(30, 0), Qt::LeftButton);
    EXPECT_EQ(w1(), 0.45);
    // With Shift, a thousandth a pixel from where it is.
    mouse(QEvent::MouseMove, label + QPointF(30, 0), Qt::LeftButton, Qt::ShiftModifier);
    mouse(QEvent::MouseMove, label + QPointF(23, 0), Qt::LeftButton, Qt::ShiftModifier);
    EXPECT_EQ(w1(), 0.443);
    mouse(QEvent::MouseButtonRelease, label + QPointF(23, 0), Qt::NoButton);
    ASSERT_EQ(model.undoStack()->count(), 1);
    EXPECT_EQ(model.undoStack()->undoText(), "set w1 to 0.443");
    model.undoStack()->undo();
    EXPECT_EQ(w1(), 0.15);
    EXPECT_EQ(model.session(), session::PresetLibrary::builtIn().find("mazur")->session);
}

TEST_F(ValueScrubTest, EscapePutsTheValueBackAndAClickChangesNothing) {
    model.run(5);
    const core::Parameters before = model.snapshot().parametersBefore();
    mouse(QEvent::MouseButtonPress, label, Qt::LeftButton);
    mouse(QEvent::MouseMove, label - QPointF(40, 0), Qt::LeftButton);
    EXPECT_NE(w1(), before.weights[kW1]);
    EXPECT_EQ(model.iteration(), 0);
    view.setFocus();
    QKeyEvent escape(QEvent::KeyPress, Qt::Key_Escape, Qt::NoModifier);
    QApplication::sendEvent(&view, &escape);
    mouse(QEvent::MouseButtonRelease, label, Qt::NoButton);
    EXPECT_EQ(model.snapshot().parametersBefore(), before);
    EXPECT_EQ(model.iteration(), 5);
    EXPECT_EQ(model.undoStack()->count(), 0);
    // A click: no drag, no edit.
    mouse(QEvent::MouseButtonPress, label, Qt::LeftButton);
    mouse(QEvent::MouseButtonRelease, label, Qt::NoButton);
    EXPECT_EQ(model.undoStack()->count(), 0);
    EXPECT_EQ(model.iteration(), 5);
}

}  // namespace
