#pragma once

#include <QLabel>
#include <QTimer>

#include "trainingcontroller.h"

namespace ui {

// The status bar's line: iteration, E_total, learning rate and regime, and what blew up when the
// step from here blows up, in the model's digits; and what is being computed in the background
// (a large network's step, a jump back in its run). After an edit is made, undone or redone, it
// says that instead (the model's `edited` sentence) for a few seconds or until the next move.
class StatusLine : public QLabel {
    Q_OBJECT

public:
    explicit StatusLine(const TrainingController* model, QWidget* parent = nullptr);

    // How long the sentence of an edit shows.
    static constexpr int noticeMilliseconds = 6000;

private:
    void refresh(TrainingController::Changes what);
    void showNotice(const QString& sentence);

    const TrainingController* model_;
    QString notice_;
    QTimer noticeTimer_;
};

}  // namespace ui
