// The window's costs: painting the network, training at full speed while it redraws, and how
// long a frame of the window takes at the largest allowed size while playing, dragging the rate
// and scrubbing the timeline.
#include <benchmark/benchmark.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QImage>
#include <QMouseEvent>
#include <QPainter>
#include <QSlider>
#include <QTimer>
#include <algorithm>
#include <functional>
#include <random>

#include "ui/lossplot.h"
#include "ui/mainwindow.h"
#include "ui/networkview.h"
#include "ui/playback.h"
#include "ui/session/presetlibrary.h"
#include "ui/trainingcontroller.h"

namespace {

// One paint of the network view at 1280x800 into an image, at a zoom of state.range(0) percent
// (drawn through a painter scale, its cached images at the pixels they cover).
void BM_PaintNetworkView(benchmark::State& state) {
    ui::TrainingController model;
    model.load(session::PresetLibrary::builtIn().find("mazur")->session, "mazur");
    model.run(3);
    model.setZoom(int(state.range(0)));
    ui::NetworkView view(&model);
    view.resize(1280, 800);
    // The view fills its own background, so every paint overwrites the whole image.
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        view.render(&image);
        benchmark::DoNotOptimize(image.bits());
    }
}
BENCHMARK(BM_PaintNetworkView)->Arg(100)->Arg(200)->Arg(300)->Unit(benchmark::kMillisecond);

// The real window playing the worked example at full speed for two seconds, through its own
// timer and event loop: views and plot redraw every frame. Reports iterations per second.
void BM_PlayFullSpeed(benchmark::State& state) {
    for (auto _ : state) {
        ui::MainWindow window;
        window.resize(1280, 800);
        window.show();
        window.playback()->setSpeed(0);
        QElapsedTimer clock;
        clock.start();
        window.playback()->play();
        QTimer::singleShot(2000, qApp, &QApplication::quit);
        QApplication::exec();
        window.playback()->pause();
        const double seconds = clock.nsecsElapsed() / 1e9;
        state.SetIterationTime(seconds);
        state.counters["iterations_per_second"] = window.controller()->iteration() / seconds;
    }
}
BENCHMARK(BM_PlayFullSpeed)->UseManualTime()->Iterations(1)->Unit(benchmark::kSecond);

// The resident memory of the process, in megabytes (Linux).
double residentMegabytes() {
    QFile statm("/proc/self/statm");
    if (!statm.open(QIODevice::ReadOnly)) return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toDouble() * 4096 / (1 << 20) : 0;
}

// The window after 10 and after 1,000,000 iterations of the worked example: what the record of
// the run (checkpoints, rates) and the loss curve cost. Target: under 100 MB more.
void BM_HistoryMemory(benchmark::State& state) {
    for (auto _ : state) {
        ui::MainWindow window;
        window.resize(1280, 800);
        window.controller()->run(10);
        QApplication::processEvents();
        const double after10 = residentMegabytes();
        window.controller()->run(1'000'000);
        QApplication::processEvents();
        const double afterMillion = residentMegabytes();
        state.counters["rss_mb_after_10"] = after10;
        state.counters["rss_mb_after_1M"] = afterMillion;
        state.counters["growth_mb"] = afterMillion - after10;
        state.counters["record_kb"] = window.controller()->historyBytes() / 1024.0;
    }
}
BENCHMARK(BM_HistoryMemory)->Iterations(1)->Unit(benchmark::kSecond);

// Scrubbing the timeline of a run of 1,000,000 iterations: one jump to a pseudo-random
// iteration, with the network, the formula, the plot and the inspector brought up to date.
// Target: under 50 ms.
void BM_Scrub(benchmark::State& state) {
    ui::MainWindow window;
    window.resize(1280, 800);
    window.controller()->setGranularity(core::Granularity(state.range(0)));
    window.controller()->run(1'000'000);
    std::uint64_t seed = 12345;
    for (auto _ : state) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        window.controller()->seek(static_cast<long long>((seed >> 33) % 1'000'001));
    }
}
BENCHMARK(BM_Scrub)
    ->Arg(int(core::Granularity::Iteration))
    ->Arg(int(core::Granularity::Term))
    ->Unit(benchmark::kMicrosecond);

// What one move of the dragged learning-rate slider costs in the whole window: the rate
// recorded, the step at the new rate, the next 200 iterations run as the preview, one
// publication and every view brought up to date (paints aside). Target: under 1 ms.
void BM_RateDragTick(benchmark::State& state) {
    ui::MainWindow window;
    window.resize(1280, 800);
    window.controller()->run(1000);
    window.controller()->beginRateDrag();
    double rate = 0.01;
    for (auto _ : state) {
        rate = rate < 500 ? rate * 1.1 : 0.01;  // the slider sweeping its range
        window.controller()->setLearningRate(rate);
    }
    window.controller()->endRateDrag();
}
BENCHMARK(BM_RateDragTick)->Unit(benchmark::kMicrosecond);

// One press of Step in term mode: only the reveal moves; every view brought up to date.
void BM_TermPress(benchmark::State& state) {
    ui::MainWindow window;
    window.resize(1280, 800);
    window.controller()->run(1000);
    window.controller()->setGranularity(core::Granularity::Term);
    for (auto _ : state) {
        window.controller()->stepForward();
        if (window.controller()->position().revealed >= 40) {
            state.PauseTiming();
            window.controller()->seek(1000);
            state.ResumeTiming();
        }
    }
}
BENCHMARK(BM_TermPress)->Unit(benchmark::kMicrosecond);

// The largest session the lab allows: 2-64-64-64-64-64-64-2, tanh hidden, sigmoid out, per-node
// trained biases, 1024 samples drawn with a fixed seed.
session::Session largestSession() {
    session::Session session;
    core::NetworkConfig& config = session.config;
    config.layers = {2, 64, 64, 64, 64, 64, 64, 2};
    config.activations.assign(6, core::Activation::Tanh);
    config.activations.push_back(core::Activation::Sigmoid);
    config.biasMode = core::BiasMode::PerNode;
    config.trainBiases = true;
    config.learningRate = 0.1;
    config.seed = 7;
    std::mt19937_64 random(11);
    std::uniform_real_distribution<double> input(-1, 1), target(0.05, 0.95);
    for (int s = 0; s < core::ConfigLimits::maxSamples; ++s)
        config.samples.push_back(
            {{input(random), input(random)}, {target(random), target(random)}});
    return session;
}

// One paint of the network view at the largest size (64 nodes a layer: edges without labels or
// arrows, nodes as dots without values), 1280x800, into an image: with the step's edges drawn
// anew (0: a new step, as while playing) or kept from the paint before (1: the same step, as
// when the mouse hovers an edge, which shows its label), at a zoom of state.range(1) percent.
// Target: under 16 ms.
void BM_PaintNetworkViewLargest(benchmark::State& state) {
    ui::TrainingController model;
    model.load(largestSession(), "largest");
    model.setZoom(int(state.range(1)));
    ui::NetworkView view(&model);
    view.resize(1280, 800);
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    view.render(&image);
    const bool newStep = state.range(0) == 0;
    if (!newStep) {
        // Hover the middle of the widest layer's first edge.
        const QLineF edge = view.networkLayout().edges()[3 * 64 * 64].line;
        const QPointF middle = view.fromDiagram(QRectF(edge.center(), QSizeF())).topLeft();
        QMouseEvent move(QEvent::MouseMove, middle, view.mapToGlobal(middle), Qt::NoButton,
                         Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(&view, &move);
    }
    for (auto _ : state) {
        if (newStep) {
            state.PauseTiming();
            model.run(1);
            model.waitForBackgroundWork();
            state.ResumeTiming();
        }
        view.render(&image);
        benchmark::DoNotOptimize(image.bits());
    }
    state.counters["hovered"] = view.hoveredItem().kind == ui::NetworkItem::Kind::Weight;
}
BENCHMARK(BM_PaintNetworkViewLargest)
    ->Args({0, 100})
    ->Args({0, 200})
    ->Iterations(20)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PaintNetworkViewLargest)->Args({1, 100})->Unit(benchmark::kMillisecond);

// How long the window's event loop takes to come round while `drive` acts every 16 ms (a mouse
// at 60 Hz) for `milliseconds`: a probe timer asks to run every millisecond, and the gap between
// two of its runs is a frame, the longest the window could not have answered the user. Frames in
// which the model published a change are the window's working frames.
struct FrameTimes {
    std::vector<double> all;      // every gap, in milliseconds
    std::vector<double> working;  // the gaps in which the model published
};

FrameTimes measureFrames(ui::MainWindow& window, int milliseconds,
                         const std::function<void()>& drive) {
    FrameTimes frames;
    QElapsedTimer clock;
    bool published = false;
    const auto connection = QObject::connect(window.controller(), &ui::TrainingController::changed,
                                             [&] { published = true; });
    QTimer probe, driver;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(1);
    driver.setTimerType(Qt::PreciseTimer);
    driver.setInterval(16);
    qint64 last = 0;
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        const double gap = (now - last) / 1e6;
        frames.all.push_back(gap);
        if (std::exchange(published, false)) frames.working.push_back(gap);
        last = now;
    });
    if (drive) QObject::connect(&driver, &QTimer::timeout, drive);
    QEventLoop loop;
    QTimer::singleShot(milliseconds, &loop, &QEventLoop::quit);
    clock.start();
    probe.start();
    if (drive) driver.start();
    loop.exec();
    QObject::disconnect(connection);
    return frames;
}

double percentile(std::vector<double> values, double share) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, std::size_t(share * (values.size() - 1) + 0.5))];
}

void report(benchmark::State& state, const FrameTimes& frames) {
    state.counters["worst_ms"] = percentile(frames.all, 1.0);
    state.counters["p99_ms"] = percentile(frames.all, 0.99);
    state.counters["median_working_ms"] = percentile(frames.working, 0.5);
    state.counters["worst_working_ms"] = percentile(frames.working, 1.0);
    state.counters["working_frames"] = double(frames.working.size());
    state.counters["over_50ms"] = double(
        std::count_if(frames.all.begin(), frames.all.end(), [](double ms) { return ms > 50; }));
}

// The window at 1280x800 with the largest session loaded, shown, every view drawn once.
std::unique_ptr<ui::MainWindow> largestWindow() {
    auto window = std::make_unique<ui::MainWindow>();
    window->resize(1280, 800);
    window->controller()->load(largestSession(), "largest");
    window->show();
    window->settle();
    window->controller()->waitForBackgroundWork();
    QApplication::processEvents();
    return window;
}

// Where a hand moving to and fro is at move `tick`: 0 up to `half` moves away, then back.
int toAndFro(int tick, int half) {
    const int step = tick % (2 * half);
    return step < half ? step : 2 * half - step;
}

// Frames of the window playing the largest session at full speed for 3 s. Target: none over
// 50 ms.
void BM_FramesPlayingLargest(benchmark::State& state) {
    for (auto _ : state) {
        auto window = largestWindow();
        window->playback()->setSpeed(0);
        window->playback()->play();
        const FrameTimes frames = measureFrames(*window, 3000, {});
        window->playback()->pause();
        report(state, frames);
        state.counters["iterations"] = double(window->controller()->iteration());
    }
}
BENCHMARK(BM_FramesPlayingLargest)->Iterations(1)->Unit(benchmark::kSecond);

// Frames of the window while the user drags the rate slider of the largest session to and fro
// for 3 s, a move every 16 ms (each move: a rate recorded, the step and the preview asked for).
// Target: none over 50 ms.
void BM_FramesDraggingRateLargest(benchmark::State& state) {
    for (auto _ : state) {
        auto window = largestWindow();
        window->controller()->run(20);
        window->controller()->waitForBackgroundWork();
        // The slider's own signals, as a mouse drag gives them: pressed, moved, released.
        auto* slider = window->findChild<QSlider*>("learningRateSlider");
        const int start = slider->value();
        slider->setSliderDown(true);
        int tick = 0;
        const FrameTimes frames = measureFrames(*window, 3000, [&] {
            // Two hundredths of a decade a move, 40 moves one way then back.
            slider->setSliderPosition(start + 2 * toAndFro(++tick, 40));
        });
        slider->setSliderDown(false);
        report(state, frames);
    }
}
BENCHMARK(BM_FramesDraggingRateLargest)->Iterations(1)->Unit(benchmark::kSecond);

// Frames of the window while the user scrubs the timeline of a recorded run of the largest
// session (300 iterations) to and fro for 3 s, a move every 16 ms. Target: none over 50 ms.
void BM_FramesScrubbingLargest(benchmark::State& state) {
    for (auto _ : state) {
        auto window = largestWindow();
        window->controller()->run(300);
        window->controller()->waitForBackgroundWork();
        auto* timeline = window->findChild<QSlider*>("timeline");
        int tick = 0;
        const FrameTimes frames = measureFrames(*window, 3000, [&] {
            // Across the run and back in 60 moves, as a hand drags the handle.
            timeline->setValue(300 * toAndFro(++tick, 30) / 30);
        });
        report(state, frames);
    }
}
BENCHMARK(BM_FramesScrubbingLargest)->Iterations(1)->Unit(benchmark::kSecond);

}  // namespace
