// The loss plot: a replot with many points, and what a live update costs while it follows.
#include <benchmark/benchmark.h>

#include <qcustomplot.h>

#include "ui/lossplot.h"
#include "ui/session/presetlibrary.h"
#include "ui/trainingcontroller.h"

namespace {

session::Session mazur() {
    return session::PresetLibrary::builtIn().find("mazur")->session;
}

// One replot of an 800x400 plot showing a run of N iterations of the worked example.
void BM_ReplotLoss(benchmark::State& state) {
    ui::TrainingController model;
    model.load(mazur(), "mazur");
    ui::LossPlot plot(&model);
    plot.resize(800, 400);
    model.run(state.range(0));
    for (auto _ : state)
        plot.customPlot()->replot(QCustomPlot::rpImmediateRefresh);
    state.counters["points"] = double(model.history().points().size());
}
BENCHMARK(BM_ReplotLoss)->Arg(10'000)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

// A frame of full-speed play on a run of 10^6 iterations: 1,000 more iterations and the plot
// brought up to date (its queued replot aside). Arg 0: the model alone, the baseline; arg 1:
// with the plot subscribed.
void BM_LiveUpdateFollowing(benchmark::State& state) {
    ui::TrainingController model;
    model.load(mazur(), "mazur");
    std::unique_ptr<ui::LossPlot> plot;
    if (state.range(0)) plot = std::make_unique<ui::LossPlot>(&model);
    model.run(1'000'000);
    for (auto _ : state)
        model.run(1000);
}
BENCHMARK(BM_LiveUpdateFollowing)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

}  // namespace
