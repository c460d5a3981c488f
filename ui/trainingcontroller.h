#pragma once

#include <QObject>
#include <QString>
#include <memory>
#include <optional>
#include <vector>

#include "core/explanation.h"
#include "core/losshistory.h"
#include "core/regime.h"
#include "core/stepcursor.h"
#include "core/stepsnapshot.h"
#include "core/trainer.h"
#include "core/traininghistory.h"
#include "sessionfile.h"

namespace ui {

// A learning rate in force from `iteration` on.
struct RateChange {
    long long iteration = 0;
    double learningRate = 0.0;
    bool operator==(const RateChange&) const = default;
};

// The one owner of the engine. It holds the trainer, the record of the run (checkpoints and
// learning rates, to go back to any iteration) and its loss curve, and a position in the run: an
// iteration and how many terms of the next step are revealed. It alone changes them, and after
// every change it publishes the step at the current position for the views.
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

    // The step from the current iteration, every value computed (the update too); views show
    // as much of it as the position reveals.
    const core::StepSnapshot& snapshot() const { return preview_; }
    // Its terms, made when first asked for.
    std::shared_ptr<const core::Explanation> explanation() const;
    // The iteration and how many terms of its step are revealed.
    core::StepPosition position() const { return position_; }
    // Whether the position reveals every value of the step but the update (what a whole
    // iteration shows) rather than a number of terms.
    bool showsWholeIteration() const;
    core::Granularity granularity() const { return granularity_; }
    // Updates made since the start.
    long long iteration() const { return position_.iteration; }
    // The furthest iteration the run has reached; the timeline spans 0 to this.
    long long recordedEnd() const;
    double learningRate() const;
    // E_total of every iteration the run reached.
    const core::LossHistory& history() const { return losses_; }
    // Every change of the learning rate, the initial rate first.
    std::vector<RateChange> rateChanges() const;
    // Why training stopped, if a value blew up.
    const std::optional<core::Divergence>& divergence() const;
    // dE/dp of parameter `index` (weights, then biases) by a central difference of the batch
    // loss at the current parameters, to compare with backpropagation's value.
    double finiteDifference(int index) const;
    // How training goes over the last iterations up to the current one.
    core::Regime regime() const { return regime_; }
    // E of the next `iterations` updates from the current state at `learningRate`, and after the
    // last (fewer if it diverges): what the run would do at that rate. The run is not changed.
    std::vector<double> previewRun(double learningRate, int iterations = 200) const;
    // Bytes the record of the run and the loss curve take.
    std::size_t historyBytes() const;

public slots:
    // One step of the current granularity forward.
    void stepForward();
    // One step of the current granularity back; nothing at the very start.
    void stepBack();
    // One whole iteration (the Step of playback and of the plain window).
    void step();
    // Up to `iterations` updates on the engine's fast path; returns how many were made.
    long long run(long long iterations);
    // The same without telling the views; publish() tells them. Playback trains in chunks this
    // way and publishes once a frame.
    long long runQuietly(long long iterations);
    // Makes a snapshot of the current position and tells the views.
    void publish();
    // Goes to `iteration` of the recorded run (the timeline).
    void seek(long long iteration);
    void setGranularity(core::Granularity granularity);
    // Back to the initial parameters and iteration 0, keeping the current learning rate.
    void reset();
    // A rate for the next updates; out-of-range values are clamped to (0, 1e6]. Set before the
    // end of the recorded run, it starts a new run from here.
    void setLearningRate(double learningRate);

signals:
    // A new network was loaded: views rebuild their layout.
    void sessionLoaded();
    // Training starts again from iteration 0 (a new network or a reset): the curve restarts.
    void runStarted();
    // The position or the state changed: views redraw from snapshot() and position().
    void stateChanged();
    // The rate in force changed (set by the user, or met again going through the record).
    void learningRateChanged(double learningRate);
    // The recorded rate changes were edited.
    void rateChangesChanged();
    // A value became infinite or NaN; training holds the last finite state.
    void diverged(const core::Divergence& divergence);

private:
    void start();
    void moveTo(core::StepPosition target);
    void goToIteration(long long iteration);
    void recordLosses(long long firstIteration, const std::vector<double>& losses);
    core::StepPosition wholeIteration(long long iteration) const;
    core::Regime currentRegime();

    session::Session session_;
    QString sessionName_;
    std::unique_ptr<core::Trainer> trainer_;
    std::unique_ptr<core::TrainingHistory> record_;
    core::LossHistory losses_;
    core::StepSnapshot preview_;
    mutable std::shared_ptr<const core::Explanation> explanation_;
    core::StepShape shape_;
    core::StepPosition position_;
    core::Granularity granularity_ = core::Granularity::Iteration;
    double shownRate_ = 0.0;  // the rate last announced
    bool divergenceAnnounced_ = false;
    core::Regime regime_ = core::Regime::Starting;
    std::vector<double> scratch_;  // losses from the fast path
};

}  // namespace ui
