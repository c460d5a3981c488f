#include "statusline.h"

#include "core/divergence.h"
#include "core/markup.h"

namespace ui {

StatusLine::StatusLine(const TrainingController* model, QWidget* parent)
    : QLabel(parent), model_(model) {
    setObjectName("statusLabel");
    connect(model_, &TrainingController::changed, this, &StatusLine::refresh);
}

void StatusLine::refresh(TrainingController::Changes what) {
    using Change = TrainingController::Change;
    if (!(what & (Change::Session | Change::Step | Change::Rate | Change::Display))) return;
    const auto number = [&](double v) {
        return QString::fromStdString(core::formatNumber(v, model_->digits()));
    };
    const core::StepSnapshot& step = model_->snapshot();
    QString text = tr("Iteration %1    E_total %2    learning rate %3    %4")
                       .arg(model_->iteration())
                       .arg(number(step.loss()), number(model_->learningRate()),
                            QString::fromUtf8(core::regimeName(model_->regime()).data()));
    if (const auto& divergence = model_->divergence())
        text += "    " + QString::fromStdString(core::divergenceSentence(
                             step.topology(), step.sampleCount(), *divergence));
    setText(text);
}

}  // namespace ui
