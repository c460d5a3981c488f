#include "statusline.h"

#include "core/divergence.h"
#include "core/markup.h"

namespace ui {

StatusLine::StatusLine(const TrainingController* model, QWidget* parent)
    : QLabel(parent), model_(model) {
    setObjectName("statusLabel");
    connect(model_, &TrainingController::changed, this, &StatusLine::refresh);
    connect(model_, &TrainingController::edited, this, &StatusLine::showNotice);
    noticeTimer_.setSingleShot(true);
    noticeTimer_.setInterval(noticeMilliseconds);
    connect(&noticeTimer_, &QTimer::timeout, this, [this] { showNotice({}); });
}

void StatusLine::showNotice(const QString& sentence) {
    notice_ = sentence;
    if (!notice_.isEmpty()) noticeTimer_.start();
    setToolTip(notice_);
    if (notice_.isEmpty())
        refresh(TrainingController::Change::Step);
    else
        setText(notice_);
}

void StatusLine::refresh(TrainingController::Changes what) {
    using Change = TrainingController::Change;
    // The user's next move (training, a step, another problem or rate) ends the notice.
    if (!notice_.isEmpty() &&
        (what & (Change::Run | Change::Reveal | Change::Rate | Change::Session)))
        notice_.clear();
    if (!notice_.isEmpty()) return setText(notice_);
    if (!(what & (Change::Session | Change::Step | Change::Rate | Change::Display | Change::Regime |
                  Change::Work)))
        return;
    const auto number = [&](double v) {
        return QString::fromStdString(core::formatNumber(v, model_->digits()));
    };
    const core::StepSnapshot& step = model_->snapshot();
    // While the step at the position is computed, its E_total is not known yet.
    const bool pending = model_->isStepPending();
    QString text = tr("Iteration %1    E_total %2    learning rate %3    %4")
                       .arg(model_->iteration())
                       .arg(pending ? QStringLiteral("\u2026") : number(step.loss()),
                            number(model_->learningRate()),
                            QString::fromUtf8(core::regimeName(model_->regime()).data()));
    if (const auto& divergence = model_->divergence(); divergence && !pending)
        text += "    " + QString::fromStdString(core::divergenceSentence(
                             step.topology(), step.sampleCount(), *divergence));
    if (const auto target = model_->pendingIteration())
        text += "    " + tr("going to iteration %1\u2026").arg(*target);
    else if (pending)
        text += "    " + tr("computing the step\u2026");
    setText(text);
}

}  // namespace ui
