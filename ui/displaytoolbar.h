#pragma once

#include <QToolBar>

#include "trainingcontroller.h"

class QComboBox;
class QSpinBox;

namespace ui {

class LearningRateControl;

// The second tool bar: the learning rate and momentum, the sample the network shows and the digits of its
// numbers, each showing the model's and asking it for changes.
class DisplayToolBar : public QToolBar {
    Q_OBJECT

public:
    explicit DisplayToolBar(TrainingController* model, QWidget* parent = nullptr);

    LearningRateControl* learningRateControl() const { return learningRate_; }

private:
    void refresh(TrainingController::Changes what);
    void listSamples();

    TrainingController* model_;
    LearningRateControl* learningRate_ = nullptr;
    QComboBox* sampleChooser_ = nullptr;
    QSpinBox* digitsField_ = nullptr;
};

}  // namespace ui
