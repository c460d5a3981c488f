// Nanoseconds per training step of the worked example, against a hand-unrolled 2-2-2 loop.
#include <benchmark/benchmark.h>

#include <cmath>

#include "core/trainer.h"

namespace {

core::NetworkConfig workedExample() {
    core::NetworkConfig config;
    config.weights = {{{0.15, 0.20}, {0.25, 0.30}}, {{0.40, 0.45}, {0.50, 0.55}}};
    config.biases = {{0.35}, {0.60}};
    config.samples = {{{0.05, 0.10}, {0.01, 0.99}}};
    return config;
}

double sigmoid(double x) {
    return 1.0 / (1.0 + std::exp(-x));
}

// The floor: one step of the worked example written out by hand, with nothing general left.
struct Unrolled222 {
    double w[8] = {0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55};
    double b1 = 0.35, b2 = 0.60, i1 = 0.05, i2 = 0.10, t1 = 0.01, t2 = 0.99, lr = 0.5;

    double step() {
        const double h1 = sigmoid(w[0] * i1 + w[1] * i2 + b1);
        const double h2 = sigmoid(w[2] * i1 + w[3] * i2 + b1);
        const double o1 = sigmoid(w[4] * h1 + w[5] * h2 + b2);
        const double o2 = sigmoid(w[6] * h1 + w[7] * h2 + b2);
        const double loss = 0.5 * (t1 - o1) * (t1 - o1) + 0.5 * (t2 - o2) * (t2 - o2);
        const double d1 = (o1 - t1) * o1 * (1 - o1);
        const double d2 = (o2 - t2) * o2 * (1 - o2);
        const double e1 = (d1 * w[4] + d2 * w[6]) * h1 * (1 - h1);
        const double e2 = (d1 * w[5] + d2 * w[7]) * h2 * (1 - h2);
        w[0] -= lr * e1 * i1;
        w[1] -= lr * e1 * i2;
        w[2] -= lr * e2 * i1;
        w[3] -= lr * e2 * i2;
        w[4] -= lr * d1 * h1;
        w[5] -= lr * d1 * h2;
        w[6] -= lr * d2 * h1;
        w[7] -= lr * d2 * h2;
        return loss;
    }
};

void BM_Floor222(benchmark::State& state) {
    Unrolled222 network;
    for (auto _ : state)
        benchmark::DoNotOptimize(network.step());
}
BENCHMARK(BM_Floor222);

void BM_StepFast(benchmark::State& state) {
    core::Trainer trainer(workedExample());
    for (auto _ : state)
        benchmark::DoNotOptimize(trainer.run(1));
}
BENCHMARK(BM_StepFast);

void BM_StepSnapshot(benchmark::State& state) {
    core::Trainer trainer(workedExample());
    for (auto _ : state)
        benchmark::DoNotOptimize(trainer.step());
}
BENCHMARK(BM_StepSnapshot);

// 10,000 steps on the fast path, recording the loss of each (as the loss plot needs).
void BM_Run10000(benchmark::State& state) {
    core::Trainer trainer(workedExample());
    std::vector<double> losses;
    losses.reserve(10000);
    for (auto _ : state) {
        trainer.reset();
        losses.clear();
        benchmark::DoNotOptimize(trainer.run(10000, &losses));
    }
    state.SetItemsProcessed(state.iterations() * 10000);
}
BENCHMARK(BM_Run10000)->Unit(benchmark::kMicrosecond);

}  // namespace
