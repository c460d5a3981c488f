#pragma once

#include <QString>
#include <functional>
#include <optional>
#include <string>

#include "core/topology.h"

namespace core {
class Trainer;
}

// What --landscape P1,P2 --span S --grid N asks for: the loss over a grid around the trained
// state, two parameters moved, every other one kept.
struct LandscapeOptions {
    static constexpr double defaultSpan = 1.0;  // when --span is not given
    static constexpr double maxSpan = 1e6;
    static constexpr int defaultGrid = 101;  // when --grid is not given
    static constexpr int minGrid = 2;
    static constexpr int maxGrid = 401;

    std::string firstName;      // P1 as the JSON output names it, e.g. "w5"
    std::string secondName;     // P2, e.g. "b2"
    int first = 0;              // P1's flat index: weights, then biases
    int second = 0;             // P2's flat index
    double span = defaultSpan;  // each parameter runs from p - S to p + S
    int grid = defaultGrid;     // N: points along each parameter
};

// The texts given to --landscape, --span and --grid (nothing where an option is absent), read
// against the network's `topology`. Returns nothing and leaves `error` empty when none is given;
// returns nothing with a one-line `error` when one is malformed or out of range, or --span or
// --grid comes without --landscape.
std::optional<LandscapeOptions> readLandscapeOptions(const std::optional<QString>& parameters,
                                                     const std::optional<QString>& span,
                                                     const std::optional<QString>& grid,
                                                     const core::Topology& topology,
                                                     QString* error);

// The CSV of the landscape around `trainer`'s current state, handed to `write` in pieces of
// about 64 KiB: the header "P1,P2,loss" with the parameters' names, then N x N rows, P1 in the
// outer loop and P2 in the inner, each parameter at p + S * (2i / (N - 1) - 1), numbers at 17
// significant digits ("inf", "-inf", "nan" where not finite).
void writeLandscapeCsv(const core::Trainer& trainer, const LandscapeOptions& options,
                       const std::function<void(const std::string&)>& write);
