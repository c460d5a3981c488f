// What a redraw of the decision map costs at the size it gets in a 1280x800 window (about
// 400x300): the grid computed by the engine's forward pass, coloured and painted with its axes,
// colour bar and samples. Target: well under a frame (16 ms), for the worked example and for the
// largest network (whose grid is coarsened to bound the work).
#include <benchmark/benchmark.h>

#include <QImage>

#include "../ui/largesessions.h"
#include "ui/decisionmap.h"
#include "ui/session/presetlibrary.h"
#include "ui/trainingcontroller.h"

namespace {

// Redraws of the map of `session` at `width` x `height`: each switches the output shown, which
// makes the map compute its grid anew, as a new step does.
void redraw(benchmark::State& state, const session::Session& session, int width, int height) {
    ui::TrainingController model;
    model.load(session, "benchmark");
    model.waitForBackgroundWork();
    ui::DecisionMap map(&model);
    map.resize(width, height);
    QImage image(map.size(), QImage::Format_ARGB32_Premultiplied);
    int output = 0;
    for (auto _ : state) {
        output = 1 - output;
        map.setShownOutput(output);
        map.render(&image);
        benchmark::DoNotOptimize(image.bits());
    }
    state.counters["cells"] = double(map.cells().width()) * map.cells().height();
}

void BM_DecisionMapRedraw(benchmark::State& state) {
    redraw(state, session::PresetLibrary::builtIn().find("mazur")->session, int(state.range(0)),
           int(state.range(1)));
}
BENCHMARK(BM_DecisionMapRedraw)->Args({400, 300})->Args({1280, 800})->Unit(benchmark::kMillisecond);

// The largest network the lab allows: 2-64-64-64-64-64-64-2 with 1024 samples.
void BM_DecisionMapRedrawLargest(benchmark::State& state) {
    redraw(state, testing_support::largestSession(), 400, 300);
}
BENCHMARK(BM_DecisionMapRedrawLargest)->Unit(benchmark::kMillisecond);

}  // namespace
