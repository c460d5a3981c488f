#pragma once

#include <string>

#include "networkconfig.h"
#include "topology.h"

namespace core {

// The rows of a run as CSV, one per state, the same in the CLI (--format csv) and the window's
// export.

// The header line: step, learning_rate, loss, then the name of every weight and bias.
std::string csvHeader(const Topology& topology);
// One row appended to `out`, its line end included: the step, the learning rate, the loss, then
// every weight and bias, numbers at 17 significant digits.
void appendCsvRow(std::string& out, long long step, double learningRate, double loss,
                  const Parameters& parameters);

}  // namespace core
