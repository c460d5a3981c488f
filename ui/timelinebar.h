#pragma once

#include <QWidget>

#include "trainingcontroller.h"

class QLabel;
class QSlider;

namespace ui {

class Playback;

// The timeline of the run under the loss plot: a slider over every iteration recorded, at the
// model's iteration, and "iteration 20 of 41". Dragging it pauses playback and goes there.
class TimelineBar : public QWidget {
    Q_OBJECT

public:
    TimelineBar(TrainingController* model, Playback* playback, QWidget* parent = nullptr);

private:
    void refresh(TrainingController::Changes what);

    TrainingController* model_;
    QSlider* slider_ = nullptr;
    QLabel* label_ = nullptr;
};

}  // namespace ui
