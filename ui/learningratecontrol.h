#pragma once

#include <QWidget>

#include "rateslider.h"
#include "trainingcontroller.h"

class QDoubleSpinBox;
class QLabel;

namespace ui {

// The learning rate: a slider on a log scale from 0.001 to 1000 beside a numeric field, both
// showing the model's rate. Typing a rate is one change; a drag of the slider is one change
// however many rates it passes (the model records each for replay); Escape during a drag gives
// back the rate and the run from before it. A triangle under the slider and a label beside it show
// the model's stable rate at the step shown (TrainingController::stableRate).
class LearningRateControl : public QWidget {
    Q_OBJECT

public:
    static constexpr double minimum = 0.001;
    static constexpr double maximum = 1000.0;

    explicit LearningRateControl(TrainingController* model, QWidget* parent = nullptr);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    // A new theme: the stable rate's text takes its shade of the colour.
    void changeEvent(QEvent* event) override;

private:
    void refresh(TrainingController::Changes what);
    void showRate(double rate);
    void showStableRate();
    void colourStableLabel();

    TrainingController* model_;
    RateSlider* slider_ = nullptr;
    QLabel* stableLabel_ = nullptr;
    QDoubleSpinBox* field_ = nullptr;
    bool dragCancelled_ = false;  // Escape ended the drag while the button is still down
};

}  // namespace ui
