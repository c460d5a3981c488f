// The window's costs: painting the network, and training at full speed while it redraws.
#include <benchmark/benchmark.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QTimer>

#include "ui/lossplot.h"
#include "ui/mainwindow.h"
#include "ui/networkview.h"
#include "ui/playback.h"
#include "ui/session/presetlibrary.h"
#include "ui/trainingcontroller.h"

namespace {

// One paint of the network view at 1280x800 into an image.
void BM_PaintNetworkView(benchmark::State& state) {
    ui::TrainingController model;
    model.load(session::PresetLibrary::builtIn().find("mazur")->session, "mazur");
    model.run(3);
    ui::NetworkView view(&model);
    view.resize(1280, 800);
    // The view fills its own background, so every paint overwrites the whole image.
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        view.render(&image);
        benchmark::DoNotOptimize(image.bits());
    }
}
BENCHMARK(BM_PaintNetworkView)->Unit(benchmark::kMillisecond);

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

}  // namespace
