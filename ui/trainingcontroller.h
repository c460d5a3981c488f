#pragma once

#include <QObject>
#include <QString>
#include <memory>
#include <optional>
#include <vector>

#include "core/losshistory.h"
#include "core/stepsnapshot.h"
#include "core/trainer.h"
#include "sessionfile.h"

namespace ui {

// A learning rate in force from `iteration` on.
struct RateChange {
    long long iteration = 0;
    double learningRate = 0.0;
    bool operator==(const RateChange&) const = default;
};

// The one owner of the engine. It holds the trainer, the loss history and the learning-rate
// changes, is the only thing that changes them, and after every change offers the views a fresh
// snapshot of the current state. Views and controls ask it and listen to its signals.
class TrainingController : public QObject {
    Q_OBJECT

public:
    explicit TrainingController(QObject* parent = nullptr);
    ~TrainingController() override;

    // Starts over from `session`, called `name` (a preset's name or a file's).
    void load(const session::Session& session, const QString& name);
    const session::Session& session() const { return session_; }
    // The session as it stands now: current parameters and learning rate, to save.
    session::Session currentSession() const;
    const QString& sessionName() const { return sessionName_; }

    // The current state: every forward and backward value at the current parameters, whose
    // gradient the next update will use.
    const core::StepSnapshot& snapshot() const { return snapshot_; }
    // Updates made since the start.
    long long iteration() const;
    double learningRate() const;
    // E_total of every iteration so far, the current one included.
    const core::LossHistory& history() const { return history_; }
    // Every change of the learning rate, the initial rate first.
    const std::vector<RateChange>& rateChanges() const { return rateChanges_; }
    // Why training stopped, if a value blew up.
    const std::optional<core::Divergence>& divergence() const;

public slots:
    // One update.
    void step();
    // Up to `iterations` updates on the engine's fast path; returns how many were made (fewer
    // when the run diverges). Views hear of it once.
    long long run(long long iterations);
    // The same without telling the views; publish() tells them. Playback trains in chunks this
    // way and publishes once a frame.
    long long runQuietly(long long iterations);
    // Takes a snapshot of the current state and tells the views.
    void publish();
    // Back to the initial parameters and iteration 0, keeping the current learning rate.
    void reset();
    // A rate for the next updates; out-of-range values are clamped to (0, 1e6].
    void setLearningRate(double learningRate);

signals:
    // A new network was loaded: views rebuild their layout.
    void sessionLoaded();
    // Training starts again from iteration 0 (a new network or a reset): the curve restarts.
    void runStarted();
    // The state changed (iteration, parameters, history): views redraw from snapshot().
    void stateChanged();
    void learningRateChanged(double learningRate);
    // A value became infinite or NaN; training holds the last finite state.
    void diverged(const core::Divergence& divergence);

private:
    void start(double learningRate);

    session::Session session_;
    QString sessionName_;
    std::unique_ptr<core::Trainer> trainer_;
    core::StepSnapshot snapshot_;
    core::LossHistory history_;
    std::vector<RateChange> rateChanges_;
    std::vector<double> losses_;        // scratch for the fast path
    bool currentLossRecorded_ = false;  // whether history_ ends with the current state's loss
    bool divergenceAnnounced_ = false;
};

}  // namespace ui
