#pragma once

#include <optional>
#include <string>
#include <vector>

#include "clioptions.h"
#include "core/divergence.h"
#include "core/stepsnapshot.h"

// What a command-line run produced, for the reports below.
struct CliRun {
    std::vector<double> losses;  // E_0 .. E_N: the loss before each update, then after the last
    core::StepSnapshot initial;  // the state before the first update, with its gradient
    core::StepSnapshot final;    // the state after the last update, with its gradient
    std::optional<core::Divergence> divergence;  // set when a value became infinite or NaN
};

// The human-readable summary: the network, the loss and a table of every parameter.
std::string tableReport(const CliOptions& options, const CliRun& run);

// One JSON object with the documented keys (see README.md, "The CLI's JSON").
std::string jsonReport(const CliOptions& options, const CliRun& run);

// Every term of one step written out, as the classic worked example does.
std::string explainReport(const CliOptions& options, const core::StepSnapshot& step);
