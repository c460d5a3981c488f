#include "playback.h"

#include "trainingcontroller.h"

namespace ui {

namespace {

constexpr int kFrameMilliseconds = 16;             // about 60 frames a second
constexpr qint64 kBudgetNanoseconds = 10'000'000;  // of a frame, spent training at full speed
constexpr long long kChunk = 2'000;                // iterations between checks of the budget

}  // namespace

const QList<double>& Playback::speeds() {
    static const QList<double> list = {1,    2,    5,    10,    20,    50,    100,    200, 500,
                                       1000, 2000, 5000, 10000, 20000, 50000, 100000, 0};
    return list;
}

Playback::Playback(TrainingController* controller, QObject* parent)
    : QObject(parent), controller_(controller) {
    timer_.setTimerType(Qt::PreciseTimer);
    timer_.setInterval(kFrameMilliseconds);
    connect(&timer_, &QTimer::timeout, this, &Playback::tick);
}

void Playback::setSpeed(double iterationsPerSecond) {
    speed_ = iterationsPerSecond;
}

void Playback::play() {
    if (isPlaying() || controller_->divergence()) return;
    owed_ = speed_ > 0 ? 1.0 : 0.0;  // the first iteration at once
    clock_.start();
    timer_.start();
    emit playingChanged(true);
    tick();
}

void Playback::pause() {
    if (!isPlaying()) return;
    timer_.stop();
    emit playingChanged(false);
}

void Playback::toggle() {
    isPlaying() ? pause() : play();
}

void Playback::tick() {
    if (speed_ > 0) {
        owed_ += speed_ * clock_.restart() / 1000.0;
        const long long due = static_cast<long long>(owed_);
        owed_ -= due;
        if (due > 0) controller_->run(due);
    } else {
        // Full speed: train in chunks for most of a frame, then let the views draw once.
        const TrainingController::Batch batch(*controller_);
        QElapsedTimer frame;
        frame.start();
        long long made = kChunk;  // fewer: it blew up
        while (made == kChunk && frame.nsecsElapsed() < kBudgetNanoseconds)
            made = controller_->run(kChunk);
    }
    if (controller_->divergence()) pause();
}

}  // namespace ui
