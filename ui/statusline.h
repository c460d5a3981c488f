#pragma once

#include <QLabel>

#include "trainingcontroller.h"

namespace ui {

// The status bar's line: iteration, E_total, learning rate and regime, and what blew up when the
// step from here blows up, in the model's digits; and what is being computed in the background
// (a large network's step, a jump back in its run).
class StatusLine : public QLabel {
    Q_OBJECT

public:
    explicit StatusLine(const TrainingController* model, QWidget* parent = nullptr);

private:
    void refresh(TrainingController::Changes what);

    const TrainingController* model_;
};

}  // namespace ui
