#pragma once

#include <QString>
#include <vector>

#include "core/losshistory.h"
#include "core/networkconfig.h"
#include "trainingrun.h"

namespace ui {

// A run kept as a faded curve on the loss plot, to compare runs: its loss curve in a few points,
// named by its learning rates, and tagged with the problem it ran on.
struct PinnedRun {
    static constexpr int maximum = 8;           // runs that can be pinned at once
    static constexpr int maximumPoints = 4096;  // points a pinned curve keeps

    QString label;                // "lr 0.5 → 5"
    QString problemName;          // the session's name: "mazur"
    core::NetworkConfig problem;  // the network, start and samples; no rate
    std::vector<core::LossHistory::Point> points;
};

// The problem a session poses, whatever the rate: what pinned runs are compared on.
core::NetworkConfig problemOf(const core::NetworkConfig& config);

// `run` of the session `config` called `name`, pinned: labelled with its rates, its curve in at
// most PinnedRun::maximumPoints points.
PinnedRun pinnedRunOf(const TrainingRun& run, const QString& name,
                      const core::NetworkConfig& config);

}  // namespace ui
