// Nanoseconds per CSV row and per JSON loss of the CLI's output, against the same text written as
// the CLI wrote it before (std::string concatenation and snprintf "%.17g"), and the CLI's 10,000
// CSV rows as a whole process.
#include <benchmark/benchmark.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "app/clireport.h"
#include "core/markup.h"
#include "core/trainer.h"
#include "processtime.h"

namespace {

// The buffer is written out (here: emptied) at this size, as the CLI's is.
constexpr std::size_t kPieceBytes = 64 * 1024;

struct Row {
    long long step;
    double loss;
    core::Parameters parameters;
};

// The first 64 rows of the worked example's CSV: the 2-2-2 shape, 8 weights and 2 biases.
std::vector<Row> workedExampleRows() {
    core::NetworkConfig config;
    config.weights = {{{0.15, 0.20}, {0.25, 0.30}}, {{0.40, 0.45}, {0.50, 0.55}}};
    config.biases = {{0.35}, {0.60}};
    config.samples = {{{0.05, 0.10}, {0.01, 0.99}}};
    core::Trainer trainer(config);
    std::vector<Row> rows;
    std::vector<double> loss;
    for (long long step = 0; step < 64; ++step) {
        const core::Parameters parameters = trainer.parameters();
        loss.clear();
        trainer.run(1, &loss);
        rows.push_back({step, loss.front(), parameters});
    }
    return rows;
}

const double kLearningRate = 0.5;

// The weights of those rows, one after another.
std::vector<double> workedExampleWeights() {
    std::vector<double> weights;
    for (const Row& row : workedExampleRows())
        weights.insert(weights.end(), row.parameters.weights.begin(), row.parameters.weights.end());
    return weights;
}

// The baseline: one number as the CLI wrote it before.
std::string snprintfNumber(double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*g", 17, value);
    return buffer;
}

// The baseline: one row as the CLI built it before, a string per number and per join.
std::string snprintfRow(const Row& row) {
    std::string line = std::to_string(row.step) + "," + snprintfNumber(kLearningRate) + "," +
                       snprintfNumber(row.loss);
    for (const double w : row.parameters.weights)
        line += "," + snprintfNumber(w);
    for (const double b : row.parameters.biases)
        line += "," + snprintfNumber(b);
    return line + "\n";
}

// Nanoseconds per row of the baseline, timed over `count` rows into a buffer like the CLI's.
double snprintfNanosecondsPerRow(const std::vector<Row>& rows, long long count) {
    std::string out;
    const auto start = std::chrono::steady_clock::now();
    for (long long i = 0; i < count; ++i) {
        out += snprintfRow(rows[std::size_t(i) % rows.size()]);
        if (out.size() >= kPieceBytes) out.clear();
    }
    benchmark::DoNotOptimize(out.data());
    const std::chrono::duration<double, std::nano> elapsed =
        std::chrono::steady_clock::now() - start;
    return elapsed.count() / double(count);
}

// The CLI's own row code. ratio_to_snprintf is its time per row over the baseline's, timed in
// the same sitting (each by the steady clock).
void BM_CsvRow(benchmark::State& state) {
    const std::vector<Row> rows = workedExampleRows();
    std::string out;
    std::size_t next = 0, bytes = 0;
    const auto start = std::chrono::steady_clock::now();
    for (auto _ : state) {
        const Row& row = rows[next++ % rows.size()];
        core::appendCsvRow(out, row.step, kLearningRate, row.loss, row.parameters);
        if (out.size() >= kPieceBytes) {
            bytes += out.size();
            out.clear();
        }
    }
    const std::chrono::duration<double, std::nano> elapsed =
        std::chrono::steady_clock::now() - start;
    benchmark::DoNotOptimize(out.data());
    const double iterations = double(state.iterations());
    const double baseline = snprintfNanosecondsPerRow(rows, 100'000);
    state.counters["snprintf_ns_per_row"] = baseline;
    state.counters["ratio_to_snprintf"] = elapsed.count() / iterations / baseline;
    state.counters["bytes_per_row"] = double(bytes + out.size()) / iterations;
}
BENCHMARK(BM_CsvRow);

// The baseline as a benchmark of its own.
void BM_CsvRowSnprintf(benchmark::State& state) {
    const std::vector<Row> rows = workedExampleRows();
    std::string out;
    std::size_t next = 0;
    for (auto _ : state) {
        out += snprintfRow(rows[next++ % rows.size()]);
        if (out.size() >= kPieceBytes) out.clear();
    }
    benchmark::DoNotOptimize(out.data());
}
BENCHMARK(BM_CsvRowSnprintf);

// One number at 17 significant digits, per number: the CLI's formatter, std::to_chars with that
// precision (which the formatter hands the numbers outside its range), and snprintf "%.17g".
void BM_NumberFormat(benchmark::State& state) {
    const std::vector<double> numbers = workedExampleWeights();
    std::string out;
    std::size_t next = 0;
    for (auto _ : state) {
        out.clear();
        core::appendNumber(out, numbers[next++ % numbers.size()], 17);
        benchmark::DoNotOptimize(out.data());
    }
}
BENCHMARK(BM_NumberFormat);

void BM_NumberToChars(benchmark::State& state) {
    const std::vector<double> numbers = workedExampleWeights();
    char buffer[32];
    std::size_t next = 0;
    for (auto _ : state) {
        const double value = numbers[next++ % numbers.size()];
        benchmark::DoNotOptimize(
            std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 17));
    }
}
BENCHMARK(BM_NumberToChars);

void BM_NumberSnprintf(benchmark::State& state) {
    const std::vector<double> numbers = workedExampleWeights();
    char buffer[32];
    std::size_t next = 0;
    for (auto _ : state) {
        const double value = numbers[next++ % numbers.size()];
        benchmark::DoNotOptimize(std::snprintf(buffer, sizeof buffer, "%.17g", value));
    }
}
BENCHMARK(BM_NumberSnprintf);

// The JSON loss array of 10,000 losses, per loss.
void BM_JsonLosses(benchmark::State& state) {
    std::vector<double> losses;
    for (const Row& row : workedExampleRows())
        losses.push_back(row.loss);
    losses.resize(10'000, losses.back() * 0.999);
    std::string out;
    for (auto _ : state) {
        out.clear();
        appendJsonLosses(out, losses, true);
        benchmark::DoNotOptimize(out.data());
    }
    state.SetItemsProcessed(state.iterations() * std::int64_t(losses.size()));
}
BENCHMARK(BM_JsonLosses)->Unit(benchmark::kMicrosecond);

#ifdef BACKPROP_CLI_PATH
// Seconds for the real CLI to write `steps` + 1 CSV rows to /dev/null, as a whole process.
double cliCsvSeconds(long long steps) {
    return bench::processSeconds(
        {BACKPROP_CLI_PATH, "--steps", std::to_string(steps), "--format", "csv"});
}

// `backprop-lab-cli --steps 10000 --format csv` as a whole process. rows_ms is its time less
// that of a run of 0 steps (start-up and the header), timed alternately in the same sitting:
// the 10,000 rows and the 10,000 steps that make them (the goal is rows_ms < 5).
void BM_CliCsvProcess(benchmark::State& state) {
    const long long steps = state.range(0);
    double seconds = 0.0, startupSeconds = 0.0;
    for (auto _ : state) {
        const double run = cliCsvSeconds(steps);
        state.PauseTiming();
        const double startup = cliCsvSeconds(0);
        state.ResumeTiming();
        if (run < 0.0 || startup < 0.0) {
            state.SkipWithError("the CLI did not run or failed");
            return;
        }
        seconds += run;
        startupSeconds += startup;
    }
    const double iterations = double(state.iterations());
    state.counters["startup_ms"] = startupSeconds * 1e3 / iterations;
    state.counters["rows_ms"] = (seconds - startupSeconds) * 1e3 / iterations;
    state.counters["ns_per_row"] = (seconds - startupSeconds) * 1e9 / iterations / double(steps);
}
BENCHMARK(BM_CliCsvProcess)->Arg(10'000)->Unit(benchmark::kMillisecond)->UseRealTime();
#endif

}  // namespace
