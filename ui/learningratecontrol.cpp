#include "learningratecontrol.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QSlider>
#include <cmath>

namespace ui {

namespace {

// The slider counts hundredths of a decade: position p means 10^(p / 100) * minimum.
constexpr int kStepsPerDecade = 100;
const int kDecades =
    int(std::lround(std::log10(LearningRateControl::maximum / LearningRateControl::minimum)));

double rateAt(int position) {
    return LearningRateControl::minimum * std::pow(10.0, double(position) / kStepsPerDecade);
}

int positionOf(double rate) {
    return int(std::lround(std::log10(rate / LearningRateControl::minimum) * kStepsPerDecade));
}

// A field that shows rates with up to 6 significant digits and no trailing zeros.
class RateField : public QDoubleSpinBox {
public:
    using QDoubleSpinBox::QDoubleSpinBox;
    QString textFromValue(double value) const override { return locale().toString(value, 'g', 6); }
    double valueFromText(const QString& text) const override { return locale().toDouble(text); }
    QValidator::State validate(QString& text, int&) const override {
        if (text.isEmpty()) return QValidator::Intermediate;
        bool ok = false;
        const double value = locale().toDouble(text, &ok);
        if (!ok) return QValidator::Intermediate;
        return value >= minimum() && value <= maximum() ? QValidator::Acceptable
                                                        : QValidator::Intermediate;
    }
};

}  // namespace

LearningRateControl::LearningRateControl(QWidget* parent) : QWidget(parent) {
    auto* label = new QLabel(tr("Learning rate"), this);
    slider_ = new QSlider(Qt::Horizontal, this);
    slider_->setObjectName("learningRateSlider");
    slider_->setAccessibleName(tr("Learning rate slider"));
    slider_->setToolTip(
        tr("Learning rate on a log scale from 0.001 to 1000; drag to change it, "
           "also while training runs"));
    slider_->setRange(0, kDecades * kStepsPerDecade);
    slider_->setPageStep(kStepsPerDecade / 2);
    slider_->setMinimumWidth(220);
    slider_->setTickPosition(QSlider::TicksBelow);
    slider_->setTickInterval(kStepsPerDecade);

    field_ = new RateField(this);
    field_->setObjectName("learningRateField");
    field_->setAccessibleName(tr("Learning rate"));
    field_->setToolTip(tr("Learning rate: type a value from 0.001 to 1000"));
    field_->setDecimals(6);
    field_->setRange(minimum, maximum);
    field_->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    field_->setKeyboardTracking(false);
    label->setBuddy(field_);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(slider_, 1);
    layout->addWidget(field_);

    connect(slider_, &QSlider::valueChanged, this, [this](int position) {
        if (dragCancelled_) return;
        const double rate = rateAt(position);
        const QSignalBlocker blocker(field_);
        field_->setValue(rate);
        rate_ = rate;
        emit rateChanged(rate);
    });
    connect(field_, &QDoubleSpinBox::valueChanged, this, [this](double rate) {
        showOnSlider(rate);
        rate_ = rate;
        emit rateChanged(rate);
    });
    connect(slider_, &QSlider::sliderPressed, this, [this] {
        rateBeforeDrag_ = rate_;
        dragCancelled_ = false;
        emit dragStarted();
    });
    connect(slider_, &QSlider::sliderReleased, this, [this] {
        if (dragCancelled_) {
            // The slider followed the mouse: put it back on the restored rate.
            dragCancelled_ = false;
            showOnSlider(rate_);
            return;
        }
        emit dragFinished();
    });
    slider_->installEventFilter(this);
}

bool LearningRateControl::eventFilter(QObject* watched, QEvent* event) {
    if (watched == slider_ && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape && isDragging()) {
        dragCancelled_ = true;
        setRate(rateBeforeDrag_);
        emit rateChanged(rateBeforeDrag_);
        emit dragFinished();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

bool LearningRateControl::isDragging() const {
    return slider_->isSliderDown();
}

void LearningRateControl::setRate(double rate) {
    rate_ = rate;
    const QSignalBlocker blocker(field_);
    field_->setValue(rate);
    showOnSlider(rate);
}

void LearningRateControl::showOnSlider(double rate) {
    const QSignalBlocker blocker(slider_);
    slider_->setValue(positionOf(std::clamp(rate, minimum, maximum)));
}

}  // namespace ui
