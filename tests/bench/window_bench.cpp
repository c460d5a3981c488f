// The window's costs: painting the network, and training at full speed while it redraws.
#include <benchmark/benchmark.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QTimer>

#include "ui/mainwindow.h"
#include "ui/networkview.h"
#include "ui/playback.h"
#include "ui/presetlibrary.h"
#include "ui/trainingcontroller.h"

namespace {

// One paint of the network view at 1280x800 into an image.
void BM_PaintNetworkView(benchmark::State& state) {
    ui::TrainingController controller;
    controller.load(session::PresetLibrary::builtIn().find("mazur")->session, "mazur");
    controller.run(3);
    ui::NetworkView view;
    view.resize(1280, 800);
    view.setSnapshot(controller.snapshot());
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

}  // namespace
