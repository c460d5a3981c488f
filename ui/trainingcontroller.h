#pragma once

#include <QFlags>
#include <QObject>
#include <QString>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "core/explanation.h"
#include "core/losshistory.h"
#include "core/regime.h"
#include "core/stepcursor.h"
#include "core/stepreveal.h"
#include "core/stepsummary.h"
#include "pinnedrun.h"
#include "ui/session/sessionfile.h"

namespace core {
class Trainer;
class TrainingHistory;
}  // namespace core

namespace ui {

// A learning rate in force from `iteration` on, as the record of the run keeps it.
struct RateChange {
    long long iteration = 0;
    double learningRate = 0.0;
    bool operator==(const RateChange&) const = default;
};

// The one model of the window: it owns the engine and everything the views show. State: the
// session, the record of the run and its loss curve, the position in the run (iteration, terms
// revealed, step size), the rate being dragged and its preview, the pinned runs, and what the
// numbers are shown with (digits, sample). It alone changes them. Every change derives what
// follows from it (the step at the position, its terms, the regime) and then publishes once,
// with `changed`, saying what changed; views subscribe themselves and redraw from the getters.
class TrainingController : public QObject {
    Q_OBJECT

public:
    // What a publication says changed.
    enum class Change : unsigned {
        Session = 1u << 0,      // a new network or samples: layouts rebuild
        Step = 1u << 1,         // the step at the position is another (iteration or state moved)
        Reveal = 1u << 2,       // how much of the step is revealed moved (a term press)
        Run = 1u << 3,          // the record: the curve, its end, the rate changes
        Rate = 1u << 4,         // the rate in force
        Preview = 1u << 5,      // the curve of the rate being dragged
        Pins = 1u << 6,         // the pinned runs
        Display = 1u << 7,      // digits, or the sample shown
        Granularity = 1u << 8,  // the step size
    };
    Q_DECLARE_FLAGS(Changes, Change)
    Q_FLAG(Changes)

    // Gathers the changes made while it lives into one publication, made when the outermost
    // batch ends (playback trains in chunks inside one batch and so draws once a frame).
    class Batch {
    public:
        explicit Batch(TrainingController& model);
        ~Batch();
        Batch(const Batch&) = delete;
        Batch& operator=(const Batch&) = delete;

    private:
        TrainingController& model_;
    };

    // Iterations the preview of a dragged rate looks ahead.
    static constexpr int previewIterations = 200;

    explicit TrainingController(QObject* parent = nullptr);
    ~TrainingController() override;

    // Starts over from `session`, called `name` (a preset's name or a file's). Pinned runs of
    // another problem go unless kept (setKeepPins).
    void load(const session::Session& session, const QString& name);
    // The problem as loaded (its initial parameters), with the learning rate in force now: what
    // Reset returns to and Network... edits.
    session::Session session() const;
    // The same at the current iteration's parameters: what Save writes.
    session::Session trainedSession() const;
    const QString& sessionName() const { return sessionName_; }

    // The step from the current iteration, every value computed (the update too).
    const core::StepSnapshot& snapshot() const { return preview_; }
    // That step as far as the position reveals it: what the views show.
    const core::StepReveal& reveal() const { return reveal_; }
    // Its terms, each written when asked for: cheap to make for any network (made when first
    // asked for, also in iteration mode).
    std::shared_ptr<const core::Explanation> explanation() const;
    // The iteration and how many terms of its step are revealed.
    core::StepPosition position() const { return position_; }
    // Whether the position shows a whole iteration (every value but the update) rather than a
    // number of terms.
    bool showsWholeIteration() const { return !reveal_.terms(); }
    core::Granularity granularity() const { return granularity_; }
    // The phase the position has just finished and shows in summary: in phase mode at the end
    // of each phase, in term mode once past the last term (the update: the whole step).
    std::optional<core::Phase> finishedPhase() const;
    // What the step did (E_total before and after, every parameter's update), while the position
    // shows the update's summary; empty otherwise.
    const std::optional<core::StepSummary>& stepSummary() const { return stepSummary_; }
    // Updates made since the start.
    long long iteration() const { return position_.iteration; }
    // The furthest iteration the run has reached; the timeline spans 0 to this.
    long long recordedEnd() const;
    double learningRate() const;
    // E_total of every iteration the run reached: the one loss curve, which the plot draws.
    const core::LossHistory& history() const { return losses_; }
    // Every change of the learning rate in the record, the initial rate first.
    std::vector<RateChange> rateChanges() const;
    // The changes as the user made them: one per typed rate or per drag (a drag while playing
    // records a change at every iteration it crossed), at its first iteration with its last rate.
    std::vector<RateChange> rateMarkers() const;
    // What blew up, when the step from the current iteration blows up: wherever the position
    // came from (training into it, Back and Step, the timeline), the same.
    const std::optional<core::Divergence>& divergence() const { return preview_.divergence(); }
    // How training goes over the last iterations up to the current one.
    core::Regime regime() const { return regime_; }
    // dE/dp of parameter `index` (weights, then biases) by a central difference at the current
    // parameters, to compare with backpropagation's value.
    double finiteDifference(int index) const;
    // Bytes the record of the run and the loss curve take.
    std::size_t historyBytes() const;

    // Whether the rate is being dragged, and the curve the dragged rate would give from here:
    // E at the current iteration and the next ones (empty when not dragging).
    bool isDraggingRate() const { return beforeDrag_ != nullptr; }
    const std::vector<double>& previewLosses() const { return previewLosses_; }

    // The pinned runs shown on the plot, oldest first.
    const std::vector<PinnedRun>& pins() const { return pins_; }
    // Whether pinned runs stay when another problem is loaded.
    bool keepsPins() const { return keepPins_; }
    // Whether `pin` ran on the problem loaded now (the same network, start and samples).
    bool isCurrentProblem(const PinnedRun& pin) const;

    // Significant digits of the numbers the views show.
    int digits() const { return digits_; }
    // The sample the user chose to look at.
    int chosenSample() const { return chosenSample_; }
    // The sample the network shows: the current term's own sample in term mode, else the chosen.
    int shownSample() const;

public slots:
    // One step of the current granularity forward.
    void stepForward();
    // One step of the current granularity back; nothing at the very start.
    void stepBack();
    // One whole iteration.
    void step();
    // Up to `iterations` updates on the engine's fast path; returns how many were made.
    long long run(long long iterations);
    // Goes to `iteration` of the recorded run (the timeline).
    void seek(long long iteration);
    void setGranularity(core::Granularity granularity);
    // Back to the initial parameters and iteration 0, keeping the current learning rate.
    void reset();
    // A rate for the next updates, clamped into (0, 1e6]. Set before the end of the recorded
    // run, it starts a new run from here. Each call outside a drag is one marked change.
    void setLearningRate(double learningRate);
    // A drag of the rate: its changes make one marked change; cancelling it restores the rate
    // and the run as they were before it, the future beyond the current iteration included.
    void beginRateDrag();
    void endRateDrag();
    void cancelRateDrag();
    // Keeps the current run as a faded curve; false when PinnedRun::maximum are pinned.
    bool pinRun();
    void removePin(int index);
    void setKeepPins(bool keep);
    void setDigits(int digits);
    void setChosenSample(int sample);

signals:
    // The state changed; `what` says which parts. Sent once per change.
    void changed(ui::TrainingController::Changes what);

private:
    struct RunState;  // the trainer, the record and the curve, saved while the rate is dragged

    void mark(Changes what);
    void publish();
    void derive(Changes& what);
    void start();
    void moveTo(core::StepPosition target);
    void goToIteration(long long iteration);
    void recordLosses(long long firstIteration, const std::vector<double>& losses);
    core::StepPosition wholeIteration(long long iteration) const;
    core::StepShape shape() const;
    void noteRateGesture();

    session::Session session_;
    QString sessionName_;
    std::unique_ptr<core::Trainer> trainer_;
    std::unique_ptr<core::TrainingHistory> record_;
    core::LossHistory losses_;
    std::map<long long, int> gestureAt_;  // for each rate change: the user action it came from
    int gesture_ = 0;                     // the current or last user action on the rate
    core::StepSnapshot preview_;
    mutable std::shared_ptr<const core::Explanation> explanation_;
    core::StepReveal reveal_;
    int forwardEnd_ = 0;   // terms of the forward pass
    int backwardEnd_ = 0;  // terms up to the end of the backward pass
    core::StepPosition position_;
    core::Granularity granularity_ = core::Granularity::Iteration;
    core::Regime regime_ = core::Regime::Starting;
    std::optional<core::StepSummary> stepSummary_;
    std::unique_ptr<RunState> beforeDrag_;
    std::vector<double> previewLosses_;
    std::vector<PinnedRun> pins_;
    bool keepPins_ = false;
    int digits_ = 4;
    int chosenSample_ = 0;
    std::vector<double> scratch_;  // losses from the fast path
    int batchDepth_ = 0;
    Changes pending_;
};

}  // namespace ui

Q_DECLARE_OPERATORS_FOR_FLAGS(ui::TrainingController::Changes)
