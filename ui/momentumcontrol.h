#pragma once

#include <QWidget>

#include "trainingcontroller.h"

class QDoubleSpinBox;

namespace ui {

// Momentum's beta beside the learning rate: a field from 0 (plain gradient descent) to 0.99
// showing the model's beta. A new beta is one edit, which starts the run over from the start.
class MomentumControl : public QWidget {
    Q_OBJECT

public:
    static constexpr double maximum = 0.99;

    explicit MomentumControl(TrainingController* model, QWidget* parent = nullptr);

private:
    void refresh(TrainingController::Changes what);

    TrainingController* model_;
    QDoubleSpinBox* field_ = nullptr;
};

}  // namespace ui
