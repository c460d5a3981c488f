#include "learningratecontrol.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QSlider>
#include <cmath>

#include "palette.h"
#include "ratetexts.h"

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
    explicit RateField(QWidget* parent) : QDoubleSpinBox(parent) {
        // "1000", not "1,000", which reads as one in half the world.
        QLocale plain = locale();
        plain.setNumberOptions(QLocale::OmitGroupSeparator);
        setLocale(plain);
    }
    QString textFromValue(double value) const override { return locale().toString(value, 'g', 6); }
    // Wide enough for any rate it writes ("0.00123457"), not just for its ends.
    QSize sizeHint() const override { return widened(QDoubleSpinBox::sizeHint()); }
    QSize minimumSizeHint() const override { return widened(QDoubleSpinBox::minimumSizeHint()); }
    double valueFromText(const QString& text) const override { return locale().toDouble(text); }
    QValidator::State validate(QString& text, int&) const override {
        if (text.isEmpty()) return QValidator::Intermediate;
        bool ok = false;
        const double value = locale().toDouble(text, &ok);
        if (!ok) return QValidator::Intermediate;
        return value >= minimum() && value <= maximum() ? QValidator::Acceptable
                                                        : QValidator::Intermediate;
    }

private:
    QSize widened(QSize hint) const {
        const QFontMetrics metrics(font());
        hint.rwidth() += std::max(0, metrics.horizontalAdvance(QStringLiteral("0.00888888")) -
                                         metrics.horizontalAdvance(textFromValue(maximum())));
        return hint;
    }
};

}  // namespace

LearningRateControl::LearningRateControl(TrainingController* model, QWidget* parent)
    : QWidget(parent), model_(model) {
    auto* label = new QLabel(tr("&Learning rate"), this);
    slider_ = new RateSlider(this);
    slider_->setObjectName("learningRateSlider");
    slider_->setAccessibleName(tr("Learning rate slider"));
    slider_->setToolTip(
        tr("Learning rate on a log scale from 0.001 to 1000; drag to change it, "
           "also while training runs"));
    slider_->setRange(0, kDecades * kStepsPerDecade);
    slider_->setPageStep(kStepsPerDecade / 2);
    slider_->setMinimumWidth(180);
    slider_->setTickPosition(QSlider::TicksBelow);
    slider_->setTickInterval(kStepsPerDecade);

    field_ = new RateField(this);
    field_->setObjectName("learningRateField");
    field_->setAccessibleName(tr("Learning rate"));
    field_->setToolTip(
        tr("Learning rate: type a value from 0.001 to 1000 (Alt+L); Enter gives the keys back"));
    field_->setDecimals(6);
    field_->setRange(minimum, maximum);
    field_->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    field_->setKeyboardTracking(false);
    label->setBuddy(field_);

    stableLabel_ = new QLabel(this);
    stableLabel_->setObjectName("stableRateLabel");
    stableLabel_->setAccessibleName(tr("Stable learning rate"));
    colourStableLabel();
    // As wide as its longest usual text, so that the bar does not move while it changes.
    stableLabel_->setMinimumWidth(
        fontMetrics().horizontalAdvance(QStringLiteral("\u25b2 stable below 0.0123")));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(slider_, 1);
    layout->addWidget(field_);
    layout->addWidget(stableLabel_);

    // The slider's own moves (a drag, a click on the groove, its keys) and the field's entries
    // ask the model; what is shown always comes back from it.
    connect(slider_, &QSlider::valueChanged, this, [this](int position) {
        if (!dragCancelled_) model_->setLearningRate(rateAt(position));
    });
    connect(field_, &QDoubleSpinBox::valueChanged, model_, &TrainingController::setLearningRate);
    connect(slider_, &QSlider::sliderPressed, this, [this] {
        dragCancelled_ = false;
        model_->beginRateDrag();
    });
    connect(slider_, &QSlider::sliderReleased, this, [this] {
        dragCancelled_ = false;
        model_->endRateDrag();
        showRate(model_->learningRate());
    });
    slider_->installEventFilter(this);
    connect(model_, &TrainingController::changed, this, &LearningRateControl::refresh);
}

void LearningRateControl::colourStableLabel() {
    QPalette colours = stableLabel_->palette();
    colours.setColor(QPalette::WindowText, Palette::stableRate());
    stableLabel_->setPalette(colours);
}

void LearningRateControl::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && stableLabel_) colourStableLabel();
}

bool LearningRateControl::eventFilter(QObject* watched, QEvent* event) {
    if (watched == slider_ && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape && model_->isDraggingRate()) {
        dragCancelled_ = true;
        model_->cancelRateDrag();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void LearningRateControl::refresh(TrainingController::Changes what) {
    using Change = TrainingController::Change;
    if (what & (Change::Session | Change::Step | Change::Rate)) showRate(model_->learningRate());
    if (what & (Change::Session | Change::Step | Change::Curvature)) showStableRate();
}

void LearningRateControl::showStableRate() {
    const auto rate = model_->stableRate();
    slider_->setMark(rate ? std::optional(std::log10(*rate / minimum) * kStepsPerDecade)
                          : std::nullopt);
    // The triangle beside the text, as under the slider (an arrow when the rate is off it).
    QString sign;
    if (rate)
        sign = *rate > maximum   ? QStringLiteral("\u25b6 ")
               : *rate < minimum ? QStringLiteral("\u25c0 ")
                                 : QStringLiteral("\u25b2 ");
    stableLabel_->setText(sign + stableRateLabel(*model_));
    const QString explanation = stableRateExplanation(*model_);
    stableLabel_->setToolTip(explanation);
    slider_->setToolTip(
        tr("Learning rate on a log scale from 0.001 to 1000; drag to change it, also while "
           "training runs. The green triangle under it marks the stable rate.") +
        "\n\n" + explanation);
}

void LearningRateControl::showRate(double rate) {
    const QSignalBlocker fieldBlocker(field_);
    field_->setValue(rate);
    // The slider follows the model, except under the mouse of a drag that was cancelled.
    if (dragCancelled_) return;
    const QSignalBlocker sliderBlocker(slider_);
    slider_->setValue(positionOf(std::clamp(rate, minimum, maximum)));
}

}  // namespace ui
