#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "clioptions.h"
#include "core/csvrows.h"
#include "core/curvature.h"
#include "core/divergence.h"
#include "core/networkconfig.h"
#include "core/stepsnapshot.h"

// What a command-line run produced, for the reports below. The losses E_0 .. E_N (the loss
// before each update, then after the last) arrive one at a time through addLoss and are not
// kept: only those the table shows are, about three per power of ten of N.
struct CliRun {
    long long lossCount = 0;  // losses added so far
    double lastLoss = 0.0;    // the last loss added, when lossCount > 0
    // (k, E_k) for k = 0, 1, 2, 5, 10, 20, 50, .. below lossCount, in order.
    std::vector<std::pair<long long, double>> sampledLosses;
    core::StepSnapshot initial;  // the state before the first update, with its gradient
    core::StepSnapshot final;    // the state after the last update, with its gradient
    std::optional<core::Divergence> divergence;       // set when a value became infinite or NaN
    std::optional<core::Curvature> initialCurvature;  // with --curvature: at `initial`
    std::optional<core::Curvature> finalCurvature;    // with --curvature: at `final`

    // Counts `loss` as E_k, k = lossCount, keeping it when k is one of the sampled steps.
    void addLoss(double loss);
};

// The human-readable summary: the network, the loss and a table of every parameter.
std::string tableReport(const CliOptions& options, const CliRun& run);

// One JSON object with the documented keys (see README.md, "The JSON output"), written in three
// parts so that its loss array streams out while the run goes: the head before the run (up to
// `"loss": [`), the losses as they come, the tail after the run (from `]` to the end).
std::string jsonHead(const CliOptions& options);
// Elements of the loss array, comma-separated, appended to `out`; `first` when none was written
// before them.
void appendJsonLosses(std::string& out, const std::vector<double>& losses, bool first);
// The tail, handed to `write` in pieces (a sample's values at a time).
void jsonTail(const CliOptions& options, const CliRun& run,
              const std::function<void(const std::string&)>& write);

// Every term of one step written out, as the classic worked example does, handed to `write`
// piece by piece (a term at a time) so that any network's step streams out in little memory.
void explainReport(const CliOptions& options, const core::StepSnapshot& step,
                   const std::function<void(const std::string&)>& write);
