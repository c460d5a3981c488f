// The curvature of the loss and the loss landscape, each against a training step or pass of
// the same network timed in the same run.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <ctime>
#include <vector>

#include "benchnetworks.h"
#include "core/backpropagation.h"
#include "core/curvature.h"
#include "core/losslandscape.h"
#include "core/trainer.h"

namespace {

using testing_support::fastestNanoseconds;
using testing_support::largestNetwork;
using testing_support::workedExample;

// CPU nanoseconds this thread has run: unlike the wall clock, not stretched when the shared
// machine runs something else.
double threadNanoseconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e9 + double(now.tv_nsec);
}

// CPU nanoseconds of one step of the worked example on the fast path, the fastest of three runs
// of `steps` steps: the baseline the landscape is measured against.
double stepNanoseconds(long long steps) {
    double fastest = 1e300;
    for (int run = 0; run < 3; ++run) {
        core::Trainer trainer(workedExample());
        const double start = threadNanoseconds();
        trainer.run(steps);
        fastest = std::min(fastest, (threadNanoseconds() - start) / double(steps));
    }
    return fastest;
}

// The loss landscape of the worked example at 101 x 101 (w5 and w6, span 1; target under
// 20 ms), against one step on the fast path timed in the same run: step_ratio is the CPU time of
// a point over that of a step (a point is a forward pass only, a step a forward and a backward
// pass and the update). Times are the fastest iteration's CPU time.
void BM_Landscape101(benchmark::State& state) {
    const core::NetworkConfig config = workedExample();
    const core::Topology topology = core::topologyOf(config);
    const auto plane = core::LandscapePlane::alongParameters(core::initialParameters(config), 4, 5);
    double fastest = 1e300;
    for (auto _ : state) {
        const double start = threadNanoseconds();
        core::LossLandscape landscape(topology, config.samples, plane, {101, 1.0, 1.0});
        benchmark::DoNotOptimize(landscape.compute());
        fastest = std::min(fastest, threadNanoseconds() - start);
    }
    const double step = stepNanoseconds(1'000'000);
    const double point = fastest / (101.0 * 101.0);
    state.counters["fastest_ms"] = fastest * 1e-6;
    state.counters["ns_per_point"] = point;
    state.counters["step_ns"] = step;
    state.counters["step_ratio"] = point / step;
    state.counters["multiply_adds"] = core::LossLandscape::gridCost(topology, 1, 101);
}
BENCHMARK(BM_Landscape101)->Unit(benchmark::kMillisecond);

// One point of a landscape at the largest network: a forward pass of 1,024 samples and the
// loss, to set beside BM_LargestPass/MatrixForm (a full pass) of the same run; multiply_adds is
// LossLandscape::evaluationCost, what a view's budget counts.
void BM_LargestLandscapePoint(benchmark::State& state) {
    const core::NetworkConfig config = largestNetwork();
    const core::Topology topology = core::topologyOf(config);
    core::LossLandscape landscape(
        topology, config.samples,
        core::LandscapePlane::alongParameters(core::initialParameters(config), 0, 1),
        {2, 1.0, 1.0});
    const core::Parameters parameters = core::initialParameters(config);
    core::BatchWorkspace workspace;
    for (auto _ : state)
        benchmark::DoNotOptimize(landscape.lossAt(parameters, workspace));
    state.counters["multiply_adds"] = core::LossLandscape::evaluationCost(topology, 1024);
}
BENCHMARK(BM_LargestLandscapePoint)->Unit(benchmark::kMillisecond);
// The curvature of the largest network (21,122 trained parameters: 40 Lanczos steps, 80 passes),
// against one forward and backward pass of it timed in the same run (ratio_to_pass).
void BM_LargestCurvature(benchmark::State& state) {
    const core::NetworkConfig config = largestNetwork();
    const core::Topology topology = core::topologyOf(config);
    const core::Parameters parameters = core::initialParameters(config);
    core::Curvature curvature;
    for (auto _ : state)
        curvature = core::curvatureAt(topology, parameters, config.samples, config.trainBiases);
    std::vector<double> gradient(parameters.weights.size() + parameters.biases.size());
    const core::PassBuffers buffers{nullptr, 0, nullptr, gradient.data(), 0, gradient.data()};
    core::BatchWorkspace workspace;
    bool finite = true;
    const double pass = fastestNanoseconds(10, [&] {
        core::backpropagateBatch(topology, parameters.weights.data(), parameters.biases.data(),
                                 config.samples, buffers, workspace, finite);
    });
    const double nanoseconds = fastestNanoseconds(1, [&] {
        benchmark::DoNotOptimize(
            core::curvatureAt(topology, parameters, config.samples, config.trainBiases));
    });
    state.counters["passes"] = curvature.gradientPasses;
    state.counters["pass_ms"] = pass * 1e-6;
    state.counters["ratio_to_pass"] = nanoseconds / pass;
    state.counters["lambda_max"] = curvature.lambdaMax;
}
BENCHMARK(BM_LargestCurvature)->Unit(benchmark::kMillisecond)->Iterations(2);

// The curvature of the worked example: its Hessian over the 8 trained weights (16 passes) and
// every eigenpair of it. ratio_to_step compares it with one fast-path step of the same network
// (BM_StepFast), both timed here in the same run (fastest of three).
void BM_CurvatureWorkedExample(benchmark::State& state) {
    const core::NetworkConfig config = workedExample();
    const core::Topology topology = core::topologyOf(config);
    const core::Parameters parameters = core::initialParameters(config);
    const auto curvature = [&] {
        benchmark::DoNotOptimize(
            core::curvatureAt(topology, parameters, config.samples, config.trainBiases));
    };
    for (auto _ : state)
        curvature();
    core::Trainer trainer(config);
    const double step = fastestNanoseconds(1'000'000, [&] { trainer.run(1); });
    const double nanoseconds = fastestNanoseconds(20'000, curvature);
    state.counters["curvature_us"] = nanoseconds * 1e-3;
    state.counters["step_ns"] = step;
    state.counters["ratio_to_step"] = nanoseconds / step;
}
BENCHMARK(BM_CurvatureWorkedExample)->Unit(benchmark::kMicrosecond);

}  // namespace
