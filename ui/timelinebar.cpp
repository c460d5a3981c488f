#include "timelinebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <algorithm>
#include <climits>

#include "playback.h"

namespace ui {

namespace {

int sliderValue(long long iteration) {
    return int(std::min<long long>(iteration, INT_MAX));
}

}  // namespace

TimelineBar::TimelineBar(TrainingController* model, Playback* playback, QWidget* parent)
    : QWidget(parent), model_(model) {
    slider_ = new QSlider(Qt::Horizontal);
    slider_->setObjectName("timeline");
    slider_->setAccessibleName(tr("Timeline"));
    slider_->setToolTip(
        tr("Drag to go back to any iteration of the run; the network, the equation and the "
           "plot follow"));
    connect(slider_, &QSlider::valueChanged, this, [this, playback](int iteration) {
        playback->pause();
        model_->seek(iteration);
    });
    label_ = new QLabel;
    label_->setObjectName("timelineLabel");
    label_->setMinimumWidth(fontMetrics().horizontalAdvance(tr("iteration 10000000 of 10000000")));
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(6, 0, 6, 2);
    row->addWidget(new QLabel(tr("Timeline")));
    row->addWidget(slider_, 1);
    row->addWidget(label_);
    connect(model_, &TrainingController::changed, this, &TimelineBar::refresh);
}

void TimelineBar::refresh(TrainingController::Changes what) {
    using Change = TrainingController::Change;
    if (!(what & (Change::Session | Change::Step | Change::Run | Change::Work))) return;
    const QSignalBlocker blocker(slider_);
    slider_->setRange(0, sliderValue(model_->recordedEnd()));
    // A jump on its way (a large network's replay) keeps the handle where it goes, under the
    // user's hand; the label says what is shown.
    const auto target = model_->pendingIteration();
    slider_->setValue(sliderValue(target.value_or(model_->iteration())));
    label_->setText(tr("iteration %1 of %2").arg(model_->iteration()).arg(model_->recordedEnd()));
}

}  // namespace ui
