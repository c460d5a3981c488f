#include "playback.h"

#include <algorithm>
#include <limits>

#include "trainingcontroller.h"

namespace ui {

namespace {

constexpr int kFrameMilliseconds = 16;             // about 60 frames a second
constexpr qint64 kBudgetNanoseconds = 10'000'000;  // of a frame, spent training at most
constexpr long long kChunk = 2'000;                // most iterations between checks of the budget

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
    // The iterations due: as many as the speed calls for since the last frame, or at full speed
    // as many as the frame's budget holds.
    long long due = std::numeric_limits<long long>::max();
    if (speed_ > 0) {
        owed_ += speed_ * clock_.restart() / 1000.0;
        due = static_cast<long long>(owed_);
        owed_ -= due;
    }
    // Train in chunks sized by what an iteration cost so far, within the frame's budget (at least
    // one iteration a frame), then let the views draw once. What the budget cannot hold is
    // dropped, not owed: a network too large for the speed plays as fast as it can.
    const TrainingController::Batch batch(*controller_);
    QElapsedTimer frame;
    frame.start();
    for (long long trained = 0; due > 0;) {
        const qint64 left = kBudgetNanoseconds - frame.nsecsElapsed();
        if (trained > 0 && left <= 0) break;
        const long long affordable =
            iterationNanoseconds_ > 0 ? std::max<long long>(1, left / iterationNanoseconds_) : 1;
        const long long chunk = std::min({due, affordable, kChunk});
        QElapsedTimer timer;
        timer.start();
        const long long made = controller_->run(chunk);
        if (made > 0) iterationNanoseconds_ = std::max<qint64>(1, timer.nsecsElapsed() / made);
        due -= made;
        trained += made;
        if (made < chunk) break;  // it blew up, or a jump is on its way
    }
    if (due > 0 && speed_ > 0) owed_ = 0;
    if (controller_->divergence()) pause();
}

}  // namespace ui
