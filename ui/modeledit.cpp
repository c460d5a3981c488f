#include "modeledit.h"

#include "trainingcontroller.h"

namespace ui {

std::size_t ModelState::bytes() const {
    return sizeof(ModelState) + run.bytes() +
           std::size_t(session.description.size()) * sizeof(QChar);
}

ModelEdit::ModelEdit(TrainingController& model, const QString& text, ModelState before,
                     ModelState after)
    : QUndoCommand(text), model_(model), before_(std::move(before)), after_(std::move(after)) {}

ModelEdit* ModelEdit::moved() {
    return new ModelEdit(model_, text(), std::move(before_), std::move(after_));
}

void ModelEdit::undo() {
    model_.restore(before_);
    emit model_.edited(TrainingController::tr("Undone: %1.").arg(text()));
}

void ModelEdit::redo() {
    if (!std::exchange(pushed_, true)) return;
    model_.restore(after_);
    emit model_.edited(TrainingController::tr("Redone: %1.").arg(text()));
}

}  // namespace ui
