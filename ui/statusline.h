#pragma once

#include <QLabel>

#include "trainingcontroller.h"

namespace ui {

// The status bar's line: iteration, E_total, learning rate and regime, and what blew up when the
// step from here blows up, in the model's digits.
class StatusLine : public QLabel {
    Q_OBJECT

public:
    explicit StatusLine(const TrainingController* model, QWidget* parent = nullptr);

private:
    void refresh(TrainingController::Changes what);

    const TrainingController* model_;
};

}  // namespace ui
