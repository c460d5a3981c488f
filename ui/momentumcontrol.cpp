#include "momentumcontrol.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

namespace ui {

MomentumControl::MomentumControl(TrainingController* model, QWidget* parent)
    : QWidget(parent), model_(model) {
    auto* label = new QLabel(tr("&Momentum \u03b2"), this);
    field_ = new QDoubleSpinBox(this);
    field_->setObjectName("momentumField");
    field_->setAccessibleName(tr("Momentum beta"));
    field_->setToolTip(
        tr("Momentum \u03b2: each weight keeps a velocity v \u2190 \u03b2v + \u2202E/\u2202w and "
           "moves by \u2212lr\u00b7v. 0 is plain gradient descent; 0.9 damps an oscillation and "
           "speeds a plateau. A new \u03b2 starts the run over from the start (Alt+M)."));
    field_->setRange(0.0, maximum);
    field_->setDecimals(3);
    field_->setSingleStep(0.05);
    field_->setKeyboardTracking(false);
    label->setBuddy(field_);

    auto* layout = new QHBoxLayout(this);
    // Apart from the stable rate before it, whatever its length.
    layout->setContentsMargins(fontMetrics().averageCharWidth(), 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(field_);

    connect(field_, &QDoubleSpinBox::valueChanged, this, [this](double beta) {
        if (!model_->editMomentum(beta)) refresh(TrainingController::Change::Session);
    });
    connect(model_, &TrainingController::changed, this, &MomentumControl::refresh);
}

void MomentumControl::refresh(TrainingController::Changes what) {
    if (!(what & TrainingController::Change::Session)) return;
    const QSignalBlocker blocker(field_);
    field_->setValue(model_->momentum());
}

}  // namespace ui
