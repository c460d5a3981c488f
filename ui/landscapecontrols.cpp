#include "landscapecontrols.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>

namespace ui {

namespace {

constexpr double kLargestSpan = 1000.0;

// A control named for tests (`name`) and for people (`accessible`, `tip`).
template <class Widget>
Widget* named(Widget* widget, const char* name, const QString& accessible, const QString& tip) {
    widget->setObjectName(name);
    widget->setAccessibleName(accessible);
    widget->setToolTip(tip);
    return widget;
}

}  // namespace

LandscapeControls::LandscapeControls(QWidget* parent)
    : QWidget(parent),
      plane_(named(new QComboBox, "landscapePlane", tr("Landscape plane"),
                   tr("Which plane through the parameters the loss is drawn over"))),
      first_(named(new QComboBox, "landscapeFirst", tr("Parameter across"),
                   tr("The parameter the map moves across (the other parameters stay fixed)"))),
      second_(named(new QComboBox, "landscapeSecond", tr("Parameter up"),
                    tr("The parameter the map moves up (the other parameters stay fixed)"))),
      span_(named(new QDoubleSpinBox, "landscapeSpan", tr("Landscape span"),
                  tr("How far the map reaches each way from its centre; auto fits the path"))),
      centre_(named(new QPushButton(tr("Centre")), "landscapeCentre", tr("Centre the landscape"),
                    tr("Centre the map on the current point (it also re-centres by itself when "
                       "the point leaves the middle of the map)"))) {
    // Short names: the row must fit beside the loss plot in a small window; tooltips say more.
    plane_->addItem(tr("Steepest"), int(LandscapeAxes::Steepest));
    plane_->addItem(tr("Chosen"), int(LandscapeAxes::Chosen));
    plane_->addItem(tr("Hessian"), int(LandscapeAxes::Curvature));
    plane_->setItemData(
        0, tr("The two trained parameters with the largest |dE/dp| when the map is centred"),
        Qt::ToolTipRole);
    plane_->setItemData(1, tr("The two parameters picked across and up"), Qt::ToolTipRole);
    plane_->setItemData(2,
                        tr("The Hessian's top two eigenvectors: the directions in which E "
                           "curves most, at the map's centre"),
                        Qt::ToolTipRole);
    for (QComboBox* box : {first_, second_}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(4);
    }
    span_->setRange(0.0, kLargestSpan);
    span_->setDecimals(2);
    span_->setSingleStep(0.5);
    span_->setSpecialValueText(tr("auto"));
    // Two short rows, so that every name shows whole beside the loss plot of a small window: the
    // plane, its span and Centre; then the two parameters.
    auto* rows = new QGridLayout(this);
    rows->setContentsMargins(4, 2, 4, 0);
    rows->setHorizontalSpacing(4);
    rows->setVerticalSpacing(2);
    auto* across = new QLabel(tr("across"));
    across->setBuddy(first_);
    auto* up = new QLabel(tr("up"));
    up->setBuddy(second_);
    auto* span = new QLabel(tr("±"));
    span->setBuddy(span_);
    rows->addWidget(plane_, 0, 0, 1, 2);
    rows->addWidget(span, 0, 2, Qt::AlignRight);
    rows->addWidget(span_, 0, 3);
    rows->addWidget(centre_, 0, 4);
    rows->addWidget(across, 1, 0);
    rows->addWidget(first_, 1, 1);
    rows->addWidget(up, 1, 2, Qt::AlignRight);
    rows->addWidget(second_, 1, 3);
    rows->setColumnStretch(5, 1);
    connect(plane_, &QComboBox::currentIndexChanged, this, [this] {
        updateEnabled();
        emit changed();
    });
    for (QComboBox* box : {first_, second_})
        connect(box, &QComboBox::activated, this, [this] { choose(first(), second()); });
    connect(span_, &QDoubleSpinBox::valueChanged, this, &LandscapeControls::changed);
    connect(centre_, &QPushButton::clicked, this, &LandscapeControls::centreRequested);
    updateEnabled();
}

void LandscapeControls::setTopology(const core::Topology& topology) {
    const int count = topology.weightCount() + topology.biasCount();
    const int keptFirst = first(), keptSecond = second();
    const QSignalBlocker quietFirst(first_), quietSecond(second_);
    for (QComboBox* box : {first_, second_}) {
        box->clear();
        for (int w = 0; w < topology.weightCount(); ++w)
            box->addItem(QString::fromStdString(topology.weightName(w)));
        for (int b = 0; b < topology.biasCount(); ++b)
            box->addItem(QString::fromStdString(topology.biasName(b)));
    }
    const bool fits = keptFirst != keptSecond && keptFirst < count && keptSecond < count;
    first_->setCurrentIndex(fits ? keptFirst : 0);
    second_->setCurrentIndex(fits ? keptSecond : std::min(1, count - 1));
}

LandscapeAxes LandscapeControls::axes() const {
    return LandscapeAxes(plane_->currentData().toInt());
}

void LandscapeControls::setAxes(LandscapeAxes axes) {
    plane_->setCurrentIndex(plane_->findData(int(axes)));
}

int LandscapeControls::first() const {
    return std::max(first_->currentIndex(), 0);
}

int LandscapeControls::second() const {
    return std::max(second_->currentIndex(), 0);
}

void LandscapeControls::choose(int first, int second) {
    if (first == second) second = first == 0 ? 1 : 0;  // a plane needs two parameters
    showPair(first, second);
    const QSignalBlocker quiet(plane_);
    setAxes(LandscapeAxes::Chosen);
    updateEnabled();
    emit changed();
}

void LandscapeControls::showPair(int first, int second) {
    const QSignalBlocker quietFirst(first_), quietSecond(second_);
    first_->setCurrentIndex(first);
    second_->setCurrentIndex(second);
}

std::optional<double> LandscapeControls::span() const {
    if (span_->value() <= span_->minimum()) return std::nullopt;
    return span_->value();
}

void LandscapeControls::setSpan(std::optional<double> span) {
    span_->setValue(span.value_or(0.0));
}

// The parameter boxes name the axes of a plane along parameters; eigenvectors have none.
void LandscapeControls::updateEnabled() {
    const bool parameters = axes() != LandscapeAxes::Curvature;
    first_->setEnabled(parameters);
    second_->setEnabled(parameters);
}

}  // namespace ui
