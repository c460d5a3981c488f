// What the loss landscape panel's map costs: the 101 x 101 grid of the worked example's 2-2-2
// network (E at every point by the engine's forward pass) on the panel's worker, and the same
// through the panel, asked and drawn. Target: well under the panel's 200 ms throttle.
#include <benchmark/benchmark.h>

#include "ui/landscapejob.h"
#include "ui/landscapepanel.h"
#include "ui/session/presetlibrary.h"
#include "ui/trainingcontroller.h"

namespace {

const session::Session& mazur() {
    return session::PresetLibrary::builtIn().find("mazur")->session;
}

// The worker's part: computeLandscape along w5 and w6 at 101 x 101.
void BM_LandscapeCompute(benchmark::State& state) {
    const core::Trainer trainer(mazur().config);
    ui::LandscapeRequest request{.topology = trainer.topology(),
                                 .samples = trainer.samples(),
                                 .trainBiases = false,
                                 .axes = ui::LandscapeAxes::Chosen,
                                 .origin = trainer.parameters(),
                                 .first = 4,
                                 .second = 5,
                                 .span = 1.0,
                                 .path = {},
                                 .size = int(state.range(0))};
    for (auto _ : state) {
        ui::LandscapeAnswer answer = ui::computeLandscape(request);
        benchmark::DoNotOptimize(answer.landscape->values().data());
    }
    state.counters["points"] = double(state.range(0)) * state.range(0);
}
BENCHMARK(BM_LandscapeCompute)->Arg(101)->Unit(benchmark::kMillisecond);

// The panel's whole round: a new centre asked, computed on the worker, drawn.
void BM_LandscapePanelRound(benchmark::State& state) {
    ui::TrainingController model;
    model.load(mazur(), "benchmark");
    ui::LandscapePanel panel(&model);
    panel.resize(500, 400);
    panel.show();
    panel.waitUntilIdle();
    for (auto _ : state) {
        panel.recentre();
        panel.waitUntilIdle();
        panel.plot()->replot();
    }
}
BENCHMARK(BM_LandscapePanelRound)->Unit(benchmark::kMillisecond);

}  // namespace
