// The loss plot's row of controls and what they set: the log scale, following the newest point,
// pinning the run and the menu of pinned runs. The rest of LossPlot is in lossplot.cpp.
#include <qcustomplot.h>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QMenu>
#include <QToolButton>

#include "lossaxisticker.h"
#include "lossplot.h"

namespace ui {

QWidget* LossPlot::buildControls() {
    logScaleBox_ = new QCheckBox(tr("Log scale"));
    logScaleBox_->setObjectName("logScaleBox");
    logScaleBox_->setAccessibleName(tr("Logarithmic loss axis"));
    logScaleBox_->setToolTip(tr("Show E_total on a logarithmic axis, to see a slow descent"));
    connect(logScaleBox_, &QCheckBox::toggled, this, &LossPlot::setLogScale);
    followButton_ = new QToolButton;
    followButton_->setObjectName("followButton");
    followButton_->setText(tr("Follow newest"));
    followButton_->setCheckable(true);
    followButton_->setChecked(true);
    followButton_->setAccessibleName(tr("Follow the newest point"));
    followButton_->setToolTip(
        tr("Keep the newest point in view; dragging or zooming the plot turns this off, a "
           "double click turns it on"));
    connect(followButton_, &QToolButton::toggled, this, &LossPlot::setFollowNewest);
    pinButton_ = new QToolButton;
    pinButton_->setObjectName("pinRunButton");
    pinButton_->setText(tr("Pin run"));
    pinButton_->setAccessibleName(tr("Pin the current run"));
    pinButton_->setToolTip(tr("Keep this curve as a faded ghost labelled with its learning rate; "
                              "Reset then starts again from the same weights, to compare rates "
                              "(up to %1 runs)")
                               .arg(PinnedRun::maximum));
    connect(pinButton_, &QToolButton::clicked, model_, &TrainingController::pinRun);
    pinnedButton_ = new QToolButton;
    pinnedButton_->setObjectName("pinnedRunsButton");
    pinnedButton_->setAccessibleName(tr("Pinned runs"));
    pinnedButton_->setToolTip(
        tr("The pinned runs: remove one or all, or keep them when the "
           "network changes"));
    pinnedButton_->setPopupMode(QToolButton::InstantPopup);
    pinnedButton_->setMenu(new QMenu(pinnedButton_));
    updatePinnedMenu();

    auto* controls = new QWidget;
    auto* row = new QHBoxLayout(controls);
    row->setContentsMargins(4, 2, 4, 0);
    for (QWidget* control :
         std::initializer_list<QWidget*>{logScaleBox_, followButton_, pinButton_, pinnedButton_})
        row->addWidget(control);
    row->addStretch(1);
    return controls;
}

void LossPlot::updatePinnedMenu() {
    QMenu* menu = pinnedButton_->menu();
    menu->clear();
    const QStringList labels = pinned_.labels();
    for (int i = 0; i < labels.size(); ++i)
        menu->addAction(tr("Remove \u201c%1\u201d").arg(labels[i]), this,
                        [this, i] { model_->removePin(i); });
    if (!labels.isEmpty())
        menu->addAction(tr("Remove all"), this, [this] {
            const TrainingController::Batch batch(*model_);
            while (!model_->pins().empty())
                model_->removePin(0);
        });
    menu->addSeparator();
    QAction* keep = menu->addAction(tr("Keep them when the network changes"));
    keep->setObjectName("keepPinsAction");
    keep->setCheckable(true);
    keep->setChecked(model_->keepsPins());
    connect(keep, &QAction::toggled, model_, &TrainingController::setKeepPins);
    pinnedButton_->setText(tr("Pinned (%1)").arg(labels.size()));
    pinButton_->setEnabled(int(model_->pins().size()) < PinnedRun::maximum);
}

bool LossPlot::logScale() const {
    return plot_->yAxis->scaleType() == QCPAxis::stLogarithmic;
}

void LossPlot::setLogScale(bool on) {
    if (on == logScale()) return;
    const QSignalBlocker blocker(logScaleBox_);
    logScaleBox_->setChecked(on);
    plot_->yAxis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    plot_->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new LossAxisTicker(
        on ? LossAxisTicker::Scale::Logarithmic : LossAxisTicker::Scale::Linear)));
    plot_->yAxis->setNumberFormat(on ? "eb" : "g");
    plot_->yAxis->setNumberPrecision(on ? 0 : 6);
    rescale();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

bool LossPlot::followsNewest() const {
    return following_;
}

void LossPlot::setFollowNewest(bool on) {
    if (on == following_) return;
    following_ = on;
    const QSignalBlocker blocker(followButton_);
    followButton_->setChecked(on);
    if (on) {
        rescale();
        plot_->replot(QCustomPlot::rpQueuedReplot);
    }
}

}  // namespace ui
