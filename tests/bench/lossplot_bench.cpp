// Replot time of the loss plot with many points (QCustomPlot's adaptive sampling at work).
#include <benchmark/benchmark.h>

#include <qcustomplot.h>
#include <cmath>

#include "ui/lossplot.h"

namespace {

void BM_ReplotLoss(benchmark::State& state) {
    ui::LossPlot plot;
    plot.resize(800, 400);
    core::LossHistory history(std::size_t(1) << 21);
    // A decaying, wobbling curve, the same on every run.
    for (long long i = 0; i < state.range(0); ++i)
        history.append(0.3 * std::exp(-double(i) / state.range(0) * 5) *
                       (1.0 + 0.1 * std::sin(double(i) * 0.37)));
    plot.showHistory(history);
    for (auto _ : state)
        plot.customPlot()->replot(QCustomPlot::rpImmediateRefresh);
    state.counters["points"] = double(plot.customPlot()->graph(0)->dataCount());
}
BENCHMARK(BM_ReplotLoss)->Arg(10'000)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

// One live update while following: 1,000 new iterations appended to a curve of 10^6 points
// (what a frame of full-speed play adds), without the replot.
void BM_ShowHistoryFollowing(benchmark::State& state) {
    ui::LossPlot plot;
    plot.resize(800, 400);
    core::LossHistory history(std::size_t(1) << 21);
    long long next = 0;
    const auto append = [&](long long count) {
        for (long long i = 0; i < count; ++i, ++next)
            history.append(1.0 / (1.0 + double(next)));
    };
    append(1'000'000);
    plot.showHistory(history);
    for (auto _ : state) {
        append(1000);
        plot.showHistory(history);
    }
}
BENCHMARK(BM_ShowHistoryFollowing)->Unit(benchmark::kMicrosecond);

}  // namespace
