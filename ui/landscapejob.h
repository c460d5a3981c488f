#pragma once

#include <QString>
#include <atomic>
#include <optional>
#include <vector>

#include "core/losslandscape.h"
#include "core/networkconfig.h"
#include "core/topology.h"

namespace ui {

// Which plane through parameter space the loss landscape is drawn on.
enum class LandscapeAxes {
    Steepest,   // the two weights with the largest |dE/dw| at the step shown
    Chosen,     // two parameters the user picked
    Curvature,  // the Hessian's top two eigenvectors at the centre
};

// What one loss landscape is computed from: a value, handed to a worker.
struct LandscapeRequest {
    core::Topology topology;
    std::vector<core::Sample> samples;
    bool trainBiases = false;
    LandscapeAxes axes = LandscapeAxes::Steepest;
    core::Parameters origin;  // the plane's point (0, 0)
    int first = 0;            // Steepest and Chosen: the parameters (flat indices) across, up
    int second = 1;
    // Half the side of the square drawn; nothing: fitted to `path` (see fittedSpan).
    std::optional<double> span;
    std::vector<core::Parameters> path;  // the run's path so far, for a fitted span
    int size = 101;                      // points a side, wanted (fewer for a big network)
    double budget = 1.2e7;               // multiply-adds the grid may cost
};

// What comes back: the landscape (every point computed), or why there is none.
struct LandscapeAnswer {
    std::optional<core::LossLandscape> landscape;
    std::vector<double> eigenvalues;  // Curvature: lambda of each direction
    QString problem;                  // why there is no landscape, if there is none
};

// Half the side of a square, centred on the plane's origin, that holds `path` projected on
// `plane` in its middle two thirds: max(1, 1.5 * the largest |coordinate|).
double fittedSpan(const core::LandscapePlane& plane, const std::vector<core::Parameters>& path);

// Computes the landscape `request` asks for (on a worker thread: a pure function of its values),
// stopping early, with no landscape, once `cancelled` turns true.
LandscapeAnswer computeLandscape(const LandscapeRequest& request,
                                 const std::atomic<bool>* cancelled = nullptr);

}  // namespace ui
