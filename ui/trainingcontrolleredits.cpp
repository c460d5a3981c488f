// The model's edits: what changes the problem or the run at the user's word, each one undoable
// (see TrainingController::undoStack). The rest of the class is in trainingcontroller.cpp.
#include <QLocale>
#include <algorithm>
#include <cmath>

#include "core/numbertext.h"
#include "trainingcontroller.h"
#include "valueentry.h"

namespace ui {

namespace {

constexpr double kSmallestRate = 1e-12;  // a rate of 0 or below is taken as this

// `value` as an edit's name says it: the shortest text that reads back as the same number.
QString valueText(double value) {
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

// What the status line says after `edit` started the run over.
QString startsOverSentence(const QString& edit) {
    return TrainingController::tr(
               "%1: the run starts over from here at iteration 0 (Ctrl+Z undoes).")
        .arg(edit);
}

bool refuse(QString* error, const QString& why) {
    if (error) *error = why;
    return false;
}

}  // namespace

bool TrainingController::edit(const QString& text, const std::function<bool()>& change,
                              const QString& news) {
    // The first problem loaded has nothing before it to go back to.
    if (run_.isEmpty()) return change();
    // Within a drag along a number, the drag is the edit (endValueDrag).
    if (beforeValueDrag_) {
        if (!change()) return false;
        valueDragEdit_ = text;
        return true;
    }
    ModelState before = capture();
    const long long startsBefore = starts_;
    if (!change()) return false;
    pushEdit(text, std::move(before));
    // A new start from an edited state is news; a problem loaded, Reset or a new rate shows.
    if (starts_ != startsBefore) emit edited(news.isEmpty() ? startsOverSentence(text) : news);
    return true;
}

void TrainingController::beginValueDrag() {
    if (run_.isEmpty() || beforeValueDrag_) return;
    beforeValueDrag_ = std::make_unique<ModelState>(capture());
    valueDragEdit_.clear();
}

void TrainingController::endValueDrag() {
    if (!beforeValueDrag_) return;
    ModelState before = std::move(*std::exchange(beforeValueDrag_, nullptr));
    if (valueDragEdit_.isEmpty()) return;  // it changed nothing
    pushEdit(valueDragEdit_, std::move(before));
    emit edited(startsOverSentence(valueDragEdit_));
}

void TrainingController::cancelValueDrag() {
    if (!beforeValueDrag_) return;
    const ModelState before = std::move(*std::exchange(beforeValueDrag_, nullptr));
    if (!valueDragEdit_.isEmpty()) restore(before);
}

void TrainingController::pushEdit(const QString& text, ModelState before) {
    undoStack_.push(new ModelEdit(*this, text, std::move(before), capture()));
    // Pushing dropped whatever was undone: every edit kept is done. Over the budget, the stack
    // is made again of the newest edits that fit (the newest always), their states moved.
    std::size_t total = 0;
    for (int i = 0; i < undoStack_.count(); ++i)
        total += static_cast<const ModelEdit*>(undoStack_.command(i))->bytes();
    if (total <= undoBudgetBytes_) return;
    std::vector<ModelEdit*> kept;
    std::size_t bytes = 0;
    for (int i = undoStack_.count() - 1; i >= 0; --i) {
        const auto* edit = static_cast<const ModelEdit*>(undoStack_.command(i));
        if (!kept.empty() && bytes + edit->bytes() > undoBudgetBytes_) break;
        bytes += edit->bytes();
        kept.push_back(const_cast<ModelEdit*>(edit)->moved());
    }
    undoStack_.clear();
    for (auto edit = kept.rbegin(); edit != kept.rend(); ++edit)
        undoStack_.push(*edit);
}

void TrainingController::forgetEdits() {
    undoStack_.clear();
    emit edited({});
}

ModelState TrainingController::capture() const {
    return {session_, sessionName_, run_, position_};
}

void TrainingController::restore(const ModelState& state) {
    const Batch batch(*this);
    pendingPosition_.reset();
    work_.cancelAll();
    beforeDrag_.reset();
    previewLosses_.clear();
    ++runGeneration_;
    const bool sameProblem = state.session == session_;
    if (!sameProblem || state.name != sessionName_) pending_ |= Change::Session;
    session_ = state.session;
    sessionName_ = state.name;
    run_ = state.run;
    position_ = state.position;
    if (sameProblem) {
        stepKnown_ = false;  // derived as after any move: at once, or on a worker when large
    } else {
        // Another shape may come back: every view is built for the step, so it is made here.
        shown_ = ShownStep(run_.trainer().preview(), explanationDigits);
        stepKnown_ = true;
        shownGeneration_ = runGeneration_;
        const core::Topology& topology = run_.trainer().topology();
        if (checkedParameter_ >= topology.weightCount() + topology.biasCount())
            checkedParameter_ = -1;
        chosenSample_ = std::min<int>(chosenSample_, int(session_.config.samples.size()) - 1);
    }
    if (granularity_ == core::Granularity::Iteration)
        position_ = shown_.wholeIteration(position_.iteration);
    pending_ |= Change::Step | Change::Run | Change::Rate | Change::Reveal | Change::Preview |
                Change::Work | Change::Display | Change::Check;
}

void TrainingController::load(const session::Session& session, const QString& name,
                              const QString& what) {
    edit(what.isEmpty() ? tr("open %1").arg(name) : what, [&] {
        const Batch batch(*this);
        const core::Trainer initial(session.config);
        session_ = session;
        sessionName_ = name;
        // The first step is computed here, whatever the size: every view is built for it.
        shown_ = ShownStep(initial.preview(), explanationDigits);
        stepKnown_ = true;
        if (!keepPins_)
            std::erase_if(pins_, [&](const PinnedRun& pin) {
                return pin.problem != problemOf(session.config);
            });
        chosenSample_ = 0;
        checkedParameter_ = -1;
        pending_ |= Change::Session | Change::Pins | Change::Display;
        start(initial);
        shownGeneration_ = runGeneration_;
        return true;
    });
}

void TrainingController::startOver(const session::Session& session) {
    const Batch batch(*this);
    ++starts_;
    const core::Trainer initial(session.config);
    session_ = session;
    if (!sessionName_.endsWith(tr(" (edited)"))) sessionName_ += tr(" (edited)");
    const core::Topology& topology = initial.topology();
    if (checkedParameter_ >= topology.weightCount() + topology.biasCount()) checkedParameter_ = -1;
    chosenSample_ = std::min<int>(chosenSample_, int(session.config.samples.size()) - 1);
    shown_ = ShownStep(initial.preview(), explanationDigits);
    stepKnown_ = true;
    pending_ |= Change::Session | Change::Display;
    start(initial);
    shownGeneration_ = runGeneration_;
}

void TrainingController::reset() {
    if (run_.isEmpty()) return;
    edit(tr("reset"), [&] {
        const Batch batch(*this);
        core::Trainer initial(session_.config);
        initial.setLearningRate(learningRate());
        start(initial);
        return true;
    });
}

bool TrainingController::editParameter(int index, double value, QString* error) {
    if (run_.isEmpty()) return refuse(error, tr("no network is loaded"));
    const core::Topology& topology = run_.trainer().topology();
    const int weights = topology.weightCount();
    if (index < 0 || index >= weights + topology.biasCount())
        return refuse(error, tr("no such parameter"));
    if (const QString problem = editedValueProblem(value); !problem.isEmpty())
        return refuse(error, problem);
    session::Session edited = trainedSession();
    core::Parameters parameters = run_.trainer().parameters();
    (index < weights ? parameters.weights[index] : parameters.biases[index - weights]) = value;
    core::storeParameters(parameters, edited.config);
    // A run that blew up holds values that cannot start one.
    if (const std::string problem = core::validateConfig(edited.config); !problem.empty())
        return refuse(error, QString::fromStdString(problem));
    const QString name = QString::fromStdString(
        index < weights ? topology.weightName(index) : topology.biasName(index - weights));
    return edit(tr("set %1 to %2").arg(name, valueText(value)), [&] {
        startOver(edited);
        return true;
    });
}

bool TrainingController::editSampleValue(int sample, bool target, int index, double value,
                                         QString* error) {
    if (run_.isEmpty()) return refuse(error, tr("no network is loaded"));
    if (sample < 0 || sample >= int(session_.config.samples.size()))
        return refuse(error, tr("no such sample"));
    if (const QString problem = editedValueProblem(value); !problem.isEmpty())
        return refuse(error, problem);
    session::Session edited = trainedSession();
    core::Sample& row = edited.config.samples[sample];
    std::vector<double>& values = target ? row.target : row.input;
    if (index < 0 || index >= int(values.size())) return refuse(error, tr("no such value"));
    values[index] = value;
    if (const std::string problem = core::validateConfig(edited.config); !problem.empty())
        return refuse(error, QString::fromStdString(problem));
    const core::Topology& topology = run_.trainer().topology();
    const QString name = QString::fromStdString(
        target ? topology.nodeName(topology.layerCount() - 1, index) : topology.nodeName(0, index));
    const QString what =
        target ? tr("set the target of %1 in sample %2 to %3") : tr("set %1 in sample %2 to %3");
    return edit(what.arg(name).arg(sample + 1).arg(valueText(value)), [&] {
        startOver(edited);
        return true;
    });
}

bool TrainingController::editShape(core::ShapeChange change, QString* error) {
    if (run_.isEmpty()) return refuse(error, tr("no network is loaded"));
    session::Session edited = trainedSession();
    std::string problem;
    edited.config = core::changedShape(edited.config, run_.trainer().parameters(), change, problem);
    if (problem.empty()) problem = core::validateConfig(edited.config);
    if (!problem.empty()) return refuse(error, QString::fromStdString(problem));
    return edit(QString::fromStdString(core::describe(session_.config, change)), [&] {
        startOver(edited);
        return true;
    });
}

bool TrainingController::editMomentum(double beta, QString* error) {
    if (run_.isEmpty()) return refuse(error, tr("no network is loaded"));
    if (!(beta >= 0.0 && beta < 1.0))
        return refuse(error, tr("momentum must be from 0 up to, not including, 1"));
    if (beta == momentum()) return true;
    // From the problem's start, as Reset does, so that a run pinned before compares with it.
    session::Session edited = session_;
    edited.config.momentum = beta;
    edited.config.learningRate = learningRate();
    if (const std::string problem = core::validateConfig(edited.config); !problem.empty())
        return refuse(error, QString::fromStdString(problem));
    const QString text = tr("set momentum to %1").arg(valueText(beta));
    return edit(
        text,
        [&] {
            startOver(edited);
            return true;
        },
        tr("%1: the run starts over from the start (Ctrl+Z undoes).").arg(text));
}

bool TrainingController::editSamples(const std::vector<core::Sample>& samples, const QString& what,
                                     QString* error) {
    if (run_.isEmpty()) return refuse(error, tr("no network is loaded"));
    const core::Topology& topology = run_.trainer().topology();
    if (samples.empty() || int(samples.size()) > core::ConfigLimits::maxSamples)
        return refuse(error,
                      tr("there must be 1 to %1 samples").arg(core::ConfigLimits::maxSamples));
    const int inputs = topology.layerSize(0),
              outputs = topology.layerSize(topology.layerCount() - 1);
    for (int s = 0; s < int(samples.size()); ++s) {
        const core::Sample& sample = samples[s];
        if (int(sample.input.size()) != inputs || int(sample.target.size()) != outputs)
            return refuse(error, tr("sample %1: expected %2 inputs and %3 targets")
                                     .arg(s + 1)
                                     .arg(inputs)
                                     .arg(outputs));
        for (const std::vector<double>* values : {&sample.input, &sample.target})
            for (double value : *values)
                if (const QString problem = editedValueProblem(value); !problem.isEmpty())
                    return refuse(error, tr("sample %1: %2").arg(s + 1).arg(problem));
    }
    session::Session edited = trainedSession();
    edited.config.samples = samples;
    if (const std::string problem = core::validateConfig(edited.config); !problem.empty())
        return refuse(error, QString::fromStdString(problem));
    if (edited.config.samples == session_.config.samples) return true;  // nothing to change
    return edit(what, [&] {
        startOver(edited);
        return true;
    });
}

void TrainingController::noteRateGesture() {
    // Outside a drag, every change is a gesture of its own.
    if (!beforeDrag_) ++gesture_;
}

void TrainingController::setLearningRate(double learningRate) {
    if (run_.isEmpty()) return;
    if (!std::isfinite(learningRate) || learningRate <= 0.0) learningRate = kSmallestRate;
    learningRate = std::min(learningRate, core::ConfigLimits::maxLearningRate);
    if (learningRate == run_.trainer().learningRate() && !run_.trainer().divergence()) return;
    const auto change = [&] {
        const Batch batch(*this);
        dropPendingRestore();
        noteRateGesture();
        run_.changeRate(learningRate, gesture_);
        ++runGeneration_;
        pending_ |= Change::Step | Change::Run | Change::Rate;
        return true;
    };
    // Within a drag, the drag as a whole is the edit (endRateDrag).
    if (beforeDrag_)
        change();
    else
        edit(tr("set the learning rate to %1").arg(valueText(learningRate)), change);
}

void TrainingController::beginRateDrag() {
    if (run_.isEmpty() || beforeDrag_) return;
    const Batch batch(*this);
    ++gesture_;
    beforeDrag_ = std::make_unique<ModelState>(capture());
    pending_ |= Change::Preview;
}

void TrainingController::endRateDrag() {
    if (!beforeDrag_) return;
    const Batch batch(*this);
    work_.cancel(BackgroundWork::Lane::Preview);
    previewLosses_.clear();
    pending_ |= Change::Preview | Change::Work;
    if (beforeDrag_->run.rateChanges() == run_.rateChanges()) {
        beforeDrag_.reset();  // let go where it was taken: no edit
        return;
    }
    // The drag is one edit, from the model as it found it.
    ModelState before = std::move(*std::exchange(beforeDrag_, nullptr));
    const QString text = tr("drag the learning rate to %1").arg(valueText(learningRate()));
    pushEdit(text, std::move(before));
}

void TrainingController::cancelRateDrag() {
    if (!beforeDrag_) return;
    const Batch batch(*this);
    dropPendingRestore();
    work_.cancel(BackgroundWork::Lane::Preview);
    run_ = std::move(beforeDrag_->run);
    ++runGeneration_;
    position_ = beforeDrag_->position;
    beforeDrag_.reset();
    previewLosses_.clear();
    pending_ |=
        Change::Step | Change::Run | Change::Rate | Change::Reveal | Change::Preview | Change::Work;
}

}  // namespace ui
