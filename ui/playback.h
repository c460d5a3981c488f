#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace ui {

class TrainingController;

// Plays training: a timer ticking every 16 ms (about 60 frames a second) asks the model for as
// many iterations per tick as the speed calls for, in one batch, so a burst of iterations costs
// one redraw. A frame trains for at most 10 ms (or one iteration, when one costs more), so that
// the window stays responsive whatever the network's size.
class Playback : public QObject {
    Q_OBJECT

public:
    // Speeds offered, in iterations per second; 0 means as fast as the machine goes.
    static const QList<double>& speeds();

    explicit Playback(TrainingController* controller, QObject* parent = nullptr);

    bool isPlaying() const { return timer_.isActive(); }
    // Iterations per second; 0: as fast as possible.
    void setSpeed(double iterationsPerSecond);

public slots:
    void play();
    void pause();
    void toggle();

signals:
    void playingChanged(bool playing);

private:
    void tick();

    TrainingController* controller_;
    QTimer timer_;
    QElapsedTimer clock_;
    double speed_ = 10.0;
    double owed_ = 0.0;                // iterations due but not yet run (fractions carry over)
    qint64 iterationNanoseconds_ = 0;  // what the last iterations cost each; 0: not known yet
};

}  // namespace ui
