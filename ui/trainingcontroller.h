#pragma once

#include <QFlags>
#include <QObject>
#include <QString>
#include <QUndoStack>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "backgroundwork.h"
#include "core/explanation.h"
#include "core/losshistory.h"
#include "core/numbertext.h"
#include "core/regime.h"
#include "core/reshape.h"
#include "core/stepcursor.h"
#include "core/stepreveal.h"
#include "core/stepsummary.h"
#include "curvaturewatch.h"
#include "modeledit.h"
#include "pinnedrun.h"
#include "shownstep.h"
#include "trainingrun.h"
#include "ui/session/sessionfile.h"

namespace ui {

// The one model of the window: it owns the engine and everything the views show. State: the
// session, the record of the run and its loss curve, the position in the run (iteration, terms
// revealed, step size), the rate being dragged and its preview, the pinned runs, and what the
// numbers are shown with (digits, sample). It alone changes them. Every change derives what
// follows from it (the step at the position, its terms, the regime) and then publishes once,
// with `changed`, saying what changed; views subscribe themselves and redraw from the getters.
//
// What costs more than a frame is asked of BackgroundWork and comes back as a publication of its
// own: the preview of a dragged rate, the regime's replayed window, the central-difference check,
// and for a large network the step at the position (a snapshot of every value of every sample)
// and a jump back in the run (a replay from a checkpoint). Until it comes, the views show what
// they showed, and the model says what is on its way (isStepPending, pendingIteration, ...).
class TrainingController : public QObject {
    Q_OBJECT

public:
    // What a publication says changed.
    enum class Change : unsigned {
        Session = 1u << 0,      // a new network or samples: layouts rebuild
        Step = 1u << 1,         // the position's iteration or state moved, or the step shown came
        Reveal = 1u << 2,       // how much of the step is revealed moved (a term press)
        Run = 1u << 3,          // the record: the curve, its end, the rate changes
        Rate = 1u << 4,         // the rate in force
        Preview = 1u << 5,      // the curve of the rate being dragged
        Pins = 1u << 6,         // the pinned runs
        Display = 1u << 7,      // digits, or the sample shown
        Granularity = 1u << 8,  // the step size
        Regime = 1u << 9,       // the regime (replayed on a worker when the curve is thinned)
        Check = 1u << 10,       // the central difference of the checked parameter
        Work = 1u << 11,        // what is being computed in the background
        Curvature = 1u << 12,   // a new measure of the curvature at the step shown came
        Zoom = 1u << 13,        // how large the views draw (zoom)
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
    // another problem go unless kept (setKeepPins). An edit called `what` ("open NAME" unless
    // given), undoable once a problem was loaded before.
    void load(const session::Session& session, const QString& name, const QString& what = {});
    // The problem as loaded (its initial parameters), with the learning rate in force now: what
    // Reset returns to and Network... edits.
    session::Session session() const;
    // The same at the current iteration's parameters: what Save writes.
    session::Session trainedSession() const;
    const QString& sessionName() const { return sessionName_; }

    // The step from the current iteration, every value computed (the update too). While
    // isStepPending(), the step shown before, from iteration snapshot().iteration().
    const core::StepSnapshot& snapshot() const { return shown_.snapshot(); }
    // Whether the step at the position is being computed (a large network's, on a worker).
    bool isStepPending() const { return work_.isBusy(BackgroundWork::Lane::Step); }
    // The iteration a jump in the run is on its way to (a large network's replay), if any; the
    // position stays where it was until it gets there.
    std::optional<long long> pendingIteration() const {
        return pendingPosition_ ? std::optional(pendingPosition_->iteration) : std::nullopt;
    }
    // Handles events until nothing is computed in the background (or the time is out); false on
    // time out. For tests and images of the window: the window itself never waits.
    bool waitForBackgroundWork(int timeoutMilliseconds = 60'000);
    // That step as far as the position reveals it: what the views show.
    const core::StepReveal& reveal() const { return reveal_; }
    // Its terms, each written when asked for: cheap to make for any network.
    std::shared_ptr<const core::Explanation> explanation() const { return shown_.explanation(); }
    // The iteration and how many terms of its step are revealed.
    core::StepPosition position() const { return position_; }
    // Whether the position shows a whole iteration (every value but the update) rather than a
    // number of terms.
    bool showsWholeIteration() const { return !reveal_.terms(); }
    core::Granularity granularity() const { return granularity_; }
    // The phase the position has just finished and shows in summary: in phase mode at the end
    // of each phase, in term mode once past the last term (the update: the whole step).
    std::optional<core::Phase> finishedPhase() const {
        return shown_.finishedPhase(position_.revealed, granularity_);
    }
    // What the step did (E_total before and after, every parameter's update), while the position
    // shows the update's summary; empty otherwise.
    const std::optional<core::StepSummary>& stepSummary() const { return stepSummary_; }
    // Updates made since the start.
    long long iteration() const { return position_.iteration; }
    // The furthest iteration the run has reached; the timeline spans 0 to this.
    long long recordedEnd() const { return run_.end(); }
    double learningRate() const { return run_.learningRate(); }
    // beta of momentum, from 0 (plain gradient descent) up to 1; part of the problem.
    double momentum() const { return session_.config.momentum; }
    // E_total of every iteration the run reached: the one loss curve, which the plot draws.
    const core::LossHistory& history() const { return run_.losses(); }
    // Every change of the learning rate in the record, the initial rate first.
    std::vector<RateChange> rateChanges() const { return run_.rateChanges(); }
    // The changes as the user made them: one per typed rate or per drag (a drag while playing
    // records a change at every iteration it crossed), at its first iteration with its last rate.
    std::vector<RateChange> rateMarkers() const { return run_.rateMarkers(); }
    // What blew up, when the step from the current iteration blows up: wherever the position
    // came from (training into it, Back and Step, the timeline), the same.
    const std::optional<core::Divergence>& divergence() const { return snapshot().divergence(); }
    // How training goes over the last iterations up to the current one (the step shown).
    core::Regime regime() const { return regime_; }
    // The curvature of the loss (Hessian of E over the trained parameters, core::curvatureAt) at
    // the step shown, measured on a worker at most every CurvatureWatch::interval: while a newer
    // state is measured, the newest measure of the same problem, of iteration
    // curvatureIteration(); nothing until the problem's first comes.
    const std::optional<core::Curvature>& curvature() const { return curvature_.curvature(); }
    long long curvatureIteration() const { return curvature_.iteration(); }
    // Whether the step shown is still to be measured.
    bool isCurvaturePending() const { return curvature_.isPending(); }
    // The stable rate of that curvature, 2(1 + beta) / lambda_max (core::stableRate): none while
    // unknown, when lambda_max <= 0 (no local limit) or when the values are not finite.
    std::optional<double> stableRate() const;
    // The parameter whose gradient is checked by a central difference (weights, then biases), or
    // -1; and that check at the step shown, once computed: dE/dp by a central difference of the
    // batch loss, to compare with backpropagation's value.
    int checkedParameter() const { return checkedParameter_; }
    std::optional<double> checkedGradient() const { return checkedGradient_; }
    // Bytes the record of the run and the loss curve take.
    std::size_t historyBytes() const { return run_.bytes(); }

    // The user's edits of the model, to undo and redo: every number typed, problem loaded,
    // Reset and change of the learning rate (a drag of it is one). Undoing puts back the state
    // before the edit bit for bit: the problem, the whole run and the position in it. Pinned
    // runs, the digits, the sample and the step size are views of it, not edits.
    QUndoStack* undoStack() { return &undoStack_; }
    // Forgets every edit: the state now is where undoing stops (the window's start, once the
    // command line's choices are made).
    void forgetEdits();
    // Edits kept for undo, and by default the most bytes their states may hold together (each holds
    // two states of the run, see ModelEdit::bytes; the newest edit is always kept). A large
    // network's long run holds tens of megabytes: fewer of its edits are kept.
    static constexpr int undoLimit = 50;
    static constexpr std::size_t defaultUndoBudgetBytes = std::size_t(256) << 20;
    void setUndoBudgetBytes(std::size_t bytes) { undoBudgetBytes_ = bytes; }
    // Sets parameter `index` (weights, then biases) to `value` in the current iteration's state
    // and starts the run over from there: the edited state is iteration 0. Returns false with
    // `error` set, changing nothing, when there is no such parameter or the value is not allowed
    // (see editedValueProblem).
    bool editParameter(int index, double value, QString* error = nullptr);
    // The same for an input (`target` false) or a target value `index` of sample `sample`.
    bool editSampleValue(int sample, bool target, int index, double value,
                         QString* error = nullptr);
    // A drag along a number (ValueScrub): the edits made while it lasts are one edit, named
    // after the last of them; cancelling puts the model back as the drag found it.
    void beginValueDrag();
    void endValueDrag();
    void cancelValueDrag();
    // Changes the network's shape (a node or a hidden layer more or less) in the current
    // iteration's state, keeping every parameter whose nodes remain (core::changedShape), and
    // starts the run over from there. False with `error` set, changing nothing, beyond the
    // engine's bounds (2 to 8 layers of 1 to 64 nodes).
    bool editShape(core::ShapeChange change, QString* error = nullptr);
    // Sets momentum's beta (0 <= beta < 1) and starts the run over from the current iteration's
    // parameters with a velocity of 0, as one edit. False with `error` set, changing nothing,
    // for a beta outside that range.
    bool editMomentum(double beta, QString* error = nullptr);
    // Replaces every sample (each with as many inputs and targets as the network has input and
    // output nodes, 1 to ConfigLimits::maxSamples of them, every value allowed by
    // editedValueProblem) as one edit called `what` ("add a sample", "import samples.csv"),
    // starting the run over from the current iteration's parameters. False with `error` set,
    // changing nothing, otherwise.
    bool editSamples(const std::vector<core::Sample>& samples, const QString& what,
                     QString* error = nullptr);

    // Whether the rate is being dragged, and the curve the dragged rate would give from here:
    // E at the current iteration and the next ones (empty when not dragging, and until the
    // first of them are computed; it grows as they come for a large network).
    bool isDraggingRate() const { return beforeDrag_ != nullptr; }
    const std::vector<double>& previewLosses() const { return previewLosses_; }
    // The regime that preview ends in (core::previewRegime), once all of it came; Starting
    // before.
    core::Regime previewRegime() const { return previewRegime_; }

    // The pinned runs shown on the plot, oldest first.
    const std::vector<PinnedRun>& pins() const { return pins_; }
    // Whether pinned runs stay when another problem is loaded.
    bool keepsPins() const { return keepPins_; }
    // Whether `pin` ran on the problem loaded now (the same network, start and samples).
    bool isCurrentProblem(const PinnedRun& pin) const;

    // Significant digits of the numbers the views show.
    int digits() const { return digits_; }
    // How large the network, the equation, the samples and the plot draw their texts, nodes and
    // pens, in percent of their natural size (ZoomLevels::smallest to largest).
    int zoom() const { return zoom_; }
    // The same as a factor: 1 at 100%.
    qreal zoomFactor() const { return zoom_ / 100.0; }
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
    // A zoom in percent, clamped into ZoomLevels' range.
    void setZoom(int percent);
    void setChosenSample(int sample);
    // Checks the gradient of parameter `index` (weights, then biases) by a central difference at
    // every step shown from now on; -1: none.
    void setCheckedParameter(int index);

signals:
    // The state changed; `what` says which parts. Sent once per change.
    void changed(ui::TrainingController::Changes what);
    // An edit started the run over from an edited state, or an edit was undone or redone;
    // `sentence` says so for the status bar ("set w5 to 0.9: the run starts over from here at
    // iteration 0 ..."). Empty when the edits were forgotten.
    void edited(const QString& sentence);

private:
    friend class ModelEdit;
    // Significant digits the step's terms are written with (the views show fewer).
    static constexpr int explanationDigits = core::DigitsRange::workedExample;

    // Makes `change` (which returns whether it changed anything) one undoable edit called `text`;
    // when it starts the run over, the status line says `news` (default: it starts over from
    // the current iteration's parameters).
    bool edit(const QString& text, const std::function<bool()>& change, const QString& news = {});
    ModelState capture() const;
    // Pushes the edit called `text` from `before` to the model now, within the undo budget.
    void pushEdit(const QString& text, ModelState before);
    // Puts back a state an edit kept.
    void restore(const ModelState& state);
    // Starts the run over from `session`, an edit of the current problem, keeping the pins and
    // what is looked at.
    void startOver(const session::Session& session);
    void mark(Changes what);
    void publish();
    void derive(Changes& what);
    void deriveStep(Changes& what);
    void deriveRegime();
    void start(const core::Trainer& start);
    void moveTo(core::StepPosition target);
    void restoreTo(core::StepPosition target);
    void arrive(core::StepPosition target);
    void dropPendingRestore();
    void askStep();
    void askPreview();
    void askCheck();
    void noteRateGesture();

    session::Session session_;
    QString sessionName_;
    TrainingRun run_;
    int gesture_ = 0;  // the current or last user action on the rate
    ShownStep shown_;
    bool stepKnown_ = false;  // shown_ is the step at the position already
    // Counts the changes of the run's content (a new start, a new rate, a cancelled drag): a step
    // computed for an older one is never shown; and the one the step shown was computed for.
    unsigned long long runGeneration_ = 0;
    unsigned long long shownGeneration_ = 0;
    std::optional<core::StepPosition> pendingPosition_;  // where a replay on a worker goes
    core::StepReveal reveal_;
    core::StepPosition position_;
    core::Granularity granularity_ = core::Granularity::Iteration;
    core::Regime regime_ = core::Regime::Starting;
    std::optional<core::StepSummary> stepSummary_;
    std::unique_ptr<ModelState> beforeDrag_;  // the model as the drag of the rate found it
    std::vector<double> previewLosses_;
    core::Regime previewRegime_ = core::Regime::Starting;
    int checkedParameter_ = -1;
    std::optional<double> checkedGradient_;
    std::vector<PinnedRun> pins_;
    bool keepPins_ = false;
    int digits_ = 4;
    int zoom_ = 100;
    int chosenSample_ = 0;
    int batchDepth_ = 0;
    Changes pending_;
    QUndoStack undoStack_;
    long long starts_ = 0;  // edits that started the run over from an edited state
    std::size_t undoBudgetBytes_ = defaultUndoBudgetBytes;
    std::unique_ptr<ModelState> beforeValueDrag_;  // the model as a drag along a number found it
    QString valueDragEdit_;                        // the last edit the drag made
    // Asks work_, declared after it: destroyed after work_, which drops its answers first.
    CurvatureWatch curvature_{work_, [this] {
                                  const Batch batch(*this);
                                  pending_ |= Changes(Change::Curvature) | Change::Work;
                              }};
    // Last: destroyed first, so that no answer comes to a model half gone.
    BackgroundWork work_;
};

}  // namespace ui

Q_DECLARE_OPERATORS_FOR_FLAGS(ui::TrainingController::Changes)
