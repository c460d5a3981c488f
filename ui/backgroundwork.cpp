#include "backgroundwork.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QThread>
#include <QTimer>
#include <algorithm>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "workerprobes.h"

namespace ui {

namespace {

// A preview longer than this (in multiply-adds) is answered in parts of this much as it grows.
constexpr double kPartialPreviewWork = 5e7;

// `answer` as a lane calls it, for a question whose superseded answers are dropped.
template <class Result>
std::function<void(Result, bool)> latestOnly(std::function<void(Result)> answer) {
    return [answer = std::move(answer)](Result result, bool) { answer(std::move(result)); };
}

// Niceness a worker adds to its thread (on Linux, where QThread's priorities do nothing for
// ordinary threads): when the cores are busy, the window's own thread comes first.
constexpr int kWorkerNiceness = 10;

}  // namespace

void BackgroundWork::yieldToInterface() {
    thread_local bool lowered = false;
    if (std::exchange(lowered, true)) return;
    QThread::currentThread()->setPriority(QThread::LowPriority);
#ifdef Q_OS_LINUX
    const auto thread = static_cast<id_t>(syscall(SYS_gettid));
    setpriority(PRIO_PROCESS, thread, getpriority(PRIO_PROCESS, thread) + kWorkerNiceness);
#endif
}

BackgroundWork::BackgroundWork(QObject* parent) : QObject(parent) {
    // One worker a lane at most: a lane never runs two questions at once.
    pool_.setMaxThreadCount(laneCount);
}

BackgroundWork::~BackgroundWork() {
    for (LaneState& lane : lanes_) {
        lane.waiting = nullptr;
        if (lane.stop) *lane.stop = true;
    }
    // The answers they post are dropped with this object.
    pool_.waitForDone();
}

void BackgroundWork::askStep(const core::Trainer& at,
                             std::function<void(core::StepSnapshot step, bool latest)> answer) {
    ask<core::StepSnapshot>(
        Lane::Step, [at](const Job<core::StepSnapshot>&) { return at.preview(); },
        std::move(answer), true);
}

void BackgroundWork::askRestore(const core::Trainer& from, const std::map<long long, double>& rates,
                                long long target, std::function<void(core::Trainer)> answer) {
    ask<core::Trainer>(
        Lane::Restore,
        [from, rates, target](const Job<core::Trainer>& job) {
            core::Trainer trainer = from;
            replayRecorded(trainer, rates, target, job.cancelled);
            return trainer;
        },
        latestOnly(std::move(answer)));
}

void BackgroundWork::askPreview(const core::Trainer& from, int iterations,
                                std::function<void(std::vector<double>)> answer) {
    const double work = passWork(from);
    const int partEvery = work * iterations > kPartialPreviewWork
                              ? std::max(1, static_cast<int>(kPartialPreviewWork / work))
                              : 0;
    ask<std::vector<double>>(
        Lane::Preview,
        [from, iterations, partEvery](const Job<std::vector<double>>& job) {
            return previewCurve(from, iterations, job.cancelled, job.partial, partEvery);
        },
        latestOnly(std::move(answer)));
}

void BackgroundWork::askRegime(const core::Trainer& start, const std::map<long long, double>& rates,
                               long long now, const core::StepSnapshot& step,
                               std::function<void(core::Regime)> answer) {
    ask<core::Regime>(
        Lane::Regime,
        [start, rates, now, loss = step.loss(), norm = core::trainedGradientNorm(step),
         diverged = step.divergence().has_value()](const Job<core::Regime>& job) {
            return replayedRegime(start, rates, now, loss, norm, diverged, job.cancelled);
        },
        latestOnly(std::move(answer)));
}

void BackgroundWork::askCheck(const core::Trainer& at, int index,
                              std::function<void(double)> answer) {
    ask<double>(
        Lane::Check,
        [at, index](const Job<double>& job) { return centralDifference(at, index, job.cancelled); },
        latestOnly(std::move(answer)));
}

void BackgroundWork::askCurvature(const core::Topology& topology,
                                  const core::Parameters& parameters,
                                  const std::vector<core::Sample>& samples, bool trainBiases,
                                  std::function<void(core::Curvature)> answer) {
    ask<core::Curvature>(
        Lane::Curvature,
        [topology, parameters, samples, trainBiases](const Job<core::Curvature>& job) {
            // A superseded measure of a large network stops within a Lanczos step.
            return core::curvatureAt(topology, parameters, samples, trainBiases,
                                     {.cancelled = &job.cancelled});
        },
        latestOnly(std::move(answer)));
}

std::pair<unsigned long long, std::shared_ptr<std::atomic<bool>>> BackgroundWork::open(Lane lane) {
    LaneState& current = state(lane);
    const bool wasBusy = isBusy(lane);
    if (current.stop) *current.stop = true;
    current.stop = std::make_shared<std::atomic<bool>>(false);
    ++current.asked;
    if (!wasBusy) emit busyChanged();
    return {current.asked, current.stop};
}

void BackgroundWork::schedule(Lane lane, std::function<void()> job) {
    LaneState& current = state(lane);
    if (current.running) {
        current.waiting = std::move(job);  // the question waiting before is cancelled: dropped
        return;
    }
    current.running = true;
    pool_.start(std::move(job));
}

void BackgroundWork::finished(Lane lane) {
    LaneState& current = state(lane);
    current.running = false;
    if (current.waiting) {
        current.running = true;
        pool_.start(std::exchange(current.waiting, nullptr));
    }
}

BackgroundWork::Delivery BackgroundWork::accept(Lane lane, unsigned long long generation,
                                                bool final, bool superseded) {
    LaneState& current = state(lane);
    if (generation <= current.cancelled) return Delivery::Drop;
    if (generation != current.asked)
        return superseded && final ? Delivery::Superseded : Delivery::Drop;
    if (current.answered == generation) return Delivery::Drop;
    if (final) {
        current.answered = generation;
        emit busyChanged();
    }
    return Delivery::Latest;
}

void BackgroundWork::cancel(Lane lane) {
    LaneState& current = state(lane);
    current.waiting = nullptr;
    current.cancelled = current.asked;
    if (!isBusy(lane)) return;
    if (current.stop) *current.stop = true;
    current.answered = current.asked;
    emit busyChanged();
}

void BackgroundWork::cancelAll() {
    for (int lane = 0; lane < laneCount; ++lane)
        cancel(static_cast<Lane>(lane));
}

bool BackgroundWork::isBusy(Lane lane) const {
    return state(lane).answered != state(lane).asked;
}

bool BackgroundWork::isBusy() const {
    return std::any_of(lanes_.begin(), lanes_.end(),
                       [](const LaneState& lane) { return lane.answered != lane.asked; });
}

bool BackgroundWork::waitUntilIdle(int timeoutMilliseconds) {
    const QDeadlineTimer deadline(timeoutMilliseconds);
    while (isBusy() && !deadline.hasExpired()) {
        // Sleep until an answer comes (or a short while), then take it.
        QEventLoop loop;
        const auto connection =
            connect(this, &BackgroundWork::busyChanged, &loop, &QEventLoop::quit);
        QTimer::singleShot(10, &loop, &QEventLoop::quit);
        loop.exec();
        disconnect(connection);
    }
    QCoreApplication::sendPostedEvents();
    return !isBusy();
}

}  // namespace ui
