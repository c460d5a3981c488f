#pragma once

#include <QString>
#include <QUndoCommand>
#include <cstddef>

#include "core/stepcursor.h"
#include "trainingrun.h"
#include "ui/session/sessionfile.h"

namespace ui {

class TrainingController;

// What an edit of the model changes, kept whole so that undoing gives it back bit for bit: the
// problem (its session and name), the run with its record and loss curve, and the position in it.
struct ModelState {
    session::Session session;
    QString name;
    TrainingRun run;
    core::StepPosition position;

    std::size_t bytes() const;
};

// One edit the user made of the model (a number typed, a problem loaded, Reset, a new rate),
// undone by putting back the state before it and redone by putting back the state after it.
// Made after the edit took effect: the first redo (QUndoStack::push) has nothing to do.
class ModelEdit : public QUndoCommand {
public:
    ModelEdit(TrainingController& model, const QString& text, ModelState before, ModelState after);

    void undo() override;
    void redo() override;
    // Bytes the two states hold.
    std::size_t bytes() const { return before_.bytes() + after_.bytes(); }
    // A new command with this one's text and states (moved out of it), not yet pushed: for the
    // stack to be made again without the oldest edits.
    ModelEdit* moved();

private:
    TrainingController& model_;
    ModelState before_;
    ModelState after_;
    bool pushed_ = false;
};

}  // namespace ui
