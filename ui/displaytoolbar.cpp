#include "displaytoolbar.h"

#include <QComboBox>
#include <QLabel>
#include <QSpinBox>

#include "core/markup.h"
#include "learningratecontrol.h"
#include "momentumcontrol.h"

namespace ui {

namespace {

constexpr int kRateControlWidth = 520;

}  // namespace

DisplayToolBar::DisplayToolBar(TrainingController* model, QWidget* parent)
    : QToolBar(tr("Learning rate and display"), parent), model_(model) {
    setObjectName("displayToolBar");
    setMovable(false);
    learningRate_ = new LearningRateControl(model_);
    learningRate_->setMinimumWidth(kRateControlWidth);
    addWidget(learningRate_);
    addWidget(new MomentumControl(model_));
    addSeparator();

    sampleChooser_ = new QComboBox;
    sampleChooser_->setObjectName("sampleChooser");
    sampleChooser_->setAccessibleName(tr("Sample shown"));
    sampleChooser_->setToolTip(
        tr("Which training sample's forward and backward values the nodes show; the "
           "gradients are those of the whole batch"));
    connect(sampleChooser_, &QComboBox::currentIndexChanged, model_,
            &TrainingController::setChosenSample);
    addWidget(sampleChooser_);
    addSeparator();

    auto* digitsLabel = new QLabel(tr(" Digits "));
    digitsField_ = new QSpinBox;
    digitsField_->setObjectName("digitsField");
    digitsField_->setAccessibleName(tr("Significant digits"));
    digitsField_->setToolTip(tr("Significant digits of the numbers on the network"));
    digitsField_->setRange(core::DigitsRange::min, core::DigitsRange::max);
    digitsLabel->setBuddy(digitsField_);
    connect(digitsField_, &QSpinBox::valueChanged, model_, &TrainingController::setDigits);
    addWidget(digitsLabel);
    addWidget(digitsField_);
    connect(model_, &TrainingController::changed, this, &DisplayToolBar::refresh);
}

void DisplayToolBar::refresh(TrainingController::Changes what) {
    using Change = TrainingController::Change;
    if (what & Change::Session) listSamples();
    if (what & (Change::Session | Change::Display)) {
        const QSignalBlocker sampleBlocker(sampleChooser_);
        sampleChooser_->setCurrentIndex(model_->chosenSample());
        const QSignalBlocker digitsBlocker(digitsField_);
        digitsField_->setValue(model_->digits());
    }
}

// One entry per sample: "Sample 2: (0, 1) → (1)".
void DisplayToolBar::listSamples() {
    const QSignalBlocker blocker(sampleChooser_);
    sampleChooser_->clear();
    const auto& samples = model_->snapshot().samples();
    const auto list = [](const std::vector<double>& values) {
        QStringList texts;
        for (double v : values)
            texts << QString::number(v);
        return texts.join(", ");
    };
    for (std::size_t s = 0; s < samples.size(); ++s)
        sampleChooser_->addItem(tr("Sample %1: (%2) \u2192 (%3)")
                                    .arg(s + 1)
                                    .arg(list(samples[s].input), list(samples[s].target)));
    sampleChooser_->setEnabled(samples.size() > 1);
}

}  // namespace ui
