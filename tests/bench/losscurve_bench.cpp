// Replot time and heap use of the loss curve drawn straight from the history (ui::LossCurve)
// against the same points copied into a plain QCPGraph, as the loss plot has done so far.
#include <benchmark/benchmark.h>

#include <malloc.h>
#include <qcustomplot.h>
#include <chrono>
#include <cmath>
#include <memory>

#include "ui/losscurve.h"

namespace {

constexpr int kWidth = 800;
constexpr int kHeight = 400;
constexpr long long kMillion = 1'000'000;

// A decaying, wobbling curve of `count` iterations, the same on every run.
std::unique_ptr<core::LossHistory> wobblingHistory(long long count) {
    auto history = std::make_unique<core::LossHistory>();
    for (long long i = 0; i < count; ++i)
        history->append(0.3 * std::exp(-double(i) / double(count) * 5) *
                        (1.0 + 0.1 * std::sin(double(i) * 0.37)));
    return history;
}

// Bytes in use on the heap now.
double heapInUse() {
    const struct mallinfo2 info = mallinfo2();
    return double(info.uordblks + info.hblkhd);
}

// An 800 x 400 plot, replotted once so that its paint buffers exist.
std::unique_ptr<QCustomPlot> makePlot() {
    auto plot = std::make_unique<QCustomPlot>();
    plot->resize(kWidth, kHeight);
    plot->setViewport(QRect(0, 0, kWidth, kHeight));
    plot->replot(QCustomPlot::rpImmediateRefresh);
    return plot;
}

// The history drawn through LossCurve, with the loss plot's one-pixel pen, all in view.
ui::LossCurve* addCurve(QCustomPlot& plot, const core::LossHistory& history) {
    auto* curve = new ui::LossCurve(plot.xAxis, plot.yAxis);
    curve->setPen(QPen(Qt::blue, 1));
    curve->setHistory(&history);
    curve->rescaleAxes();
    return curve;
}

// The history copied into a QCPGraph, as LossPlot::showHistory does, all in view.
QCPGraph* addGraph(QCustomPlot& plot, const core::LossHistory& history) {
    QCPGraph* graph = plot.addGraph();
    graph->setPen(QPen(Qt::blue, 1));
    graph->setAdaptiveSampling(true);
    QVector<QCPGraphData> data;
    data.reserve(qsizetype(history.points().size()));
    for (const auto& point : history.points())
        data.append({double(point.iteration), point.loss});
    graph->data()->set(data, true);
    graph->rescaleAxes();
    return graph;
}

double secondsToReplot(QCustomPlot& plot) {
    const auto start = std::chrono::steady_clock::now();
    plot.replot(QCustomPlot::rpImmediateRefresh);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Replots through LossCurve (the time reported) and through QCPGraph in turn, same points;
// the counters give both means and their ratio.
void BM_ReplotCurveVersusGraph(benchmark::State& state) {
    const auto history = wobblingHistory(state.range(0));
    const auto curvePlot = makePlot();
    addCurve(*curvePlot, *history);
    const auto graphPlot = makePlot();
    addGraph(*graphPlot, *history);
    double curveSeconds = 0.0;
    double graphSeconds = 0.0;
    for (auto _ : state) {
        const double seconds = secondsToReplot(*curvePlot);
        state.SetIterationTime(seconds);
        curveSeconds += seconds;
        graphSeconds += secondsToReplot(*graphPlot);
    }
    const double iterations = double(state.iterations());
    state.counters["curve_ms"] = 1e3 * curveSeconds / iterations;
    state.counters["graph_ms"] = 1e3 * graphSeconds / iterations;
    state.counters["graph_per_curve"] = graphSeconds / curveSeconds;
}
BENCHMARK(BM_ReplotCurveVersusGraph)
    ->Arg(10'000)
    ->Arg(100'000)
    ->Arg(kMillion)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

// Heap bytes each needs beyond the history for 10^6 points, measured after a replot.
void BM_BytesBeyondHistory(benchmark::State& state) {
    const auto history = wobblingHistory(kMillion);
    for (auto _ : state) {
        const auto curvePlot = makePlot();
        const double beforeCurve = heapInUse();
        addCurve(*curvePlot, *history);
        curvePlot->replot(QCustomPlot::rpImmediateRefresh);
        state.counters["curve_bytes"] = heapInUse() - beforeCurve;
        const auto graphPlot = makePlot();
        const double beforeGraph = heapInUse();
        addGraph(*graphPlot, *history);
        graphPlot->replot(QCustomPlot::rpImmediateRefresh);
        state.counters["graph_bytes"] = heapInUse() - beforeGraph;
    }
    state.counters["history_bytes"] =
        double(history->points().capacity() * sizeof(core::LossHistory::Point));
}
BENCHMARK(BM_BytesBeyondHistory)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace
