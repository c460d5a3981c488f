#include "landscapejob.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

#include "core/curvature.h"

namespace ui {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("ui::LandscapeJob", text);
}

std::vector<double> flat(const core::Parameters& parameters) {
    std::vector<double> values = parameters.weights;
    values.insert(values.end(), parameters.biases.begin(), parameters.biases.end());
    return values;
}

// The plane along the Hessian's top two eigenvectors at `request.origin`, or why there is none.
std::optional<core::LandscapePlane> curvaturePlane(const LandscapeRequest& request,
                                                   LandscapeAnswer& answer) {
    const core::Curvature curvature =
        core::curvatureAt(request.topology, request.origin, request.samples, request.trainBiases);
    if (!curvature.finite || curvature.directions.size() < 2) {
        answer.problem = curvature.finite
                             ? tr("The Hessian needs two trained parameters; this network has one.")
                             : tr("The Hessian is not finite here.");
        return std::nullopt;
    }
    for (const core::Eigenpair& pair : curvature.directions)
        answer.eigenvalues.push_back(pair.value);
    return core::LandscapePlane::alongDirections(
        request.origin,
        flat(core::directionParameters(request.topology, curvature.directions[0].vector)),
        flat(core::directionParameters(request.topology, curvature.directions[1].vector)));
}

}  // namespace

double fittedSpan(const core::LandscapePlane& plane, const std::vector<core::Parameters>& path) {
    double extent = 0.0;
    for (const core::Parameters& point : path) {
        const auto [a, b] = plane.project(point);
        if (std::isfinite(a) && std::isfinite(b))
            extent = std::max({extent, std::abs(a), std::abs(b)});
    }
    return std::max(1.0, 1.5 * extent);
}

LandscapeAnswer computeLandscape(const LandscapeRequest& request,
                                 const std::atomic<bool>* cancelled) {
    LandscapeAnswer answer;
    std::optional<core::LandscapePlane> plane;
    if (request.axes == LandscapeAxes::Curvature)
        plane = curvaturePlane(request, answer);
    else
        plane =
            core::LandscapePlane::alongParameters(request.origin, request.first, request.second);
    if (!plane) return answer;
    const double span = request.span.value_or(fittedSpan(*plane, request.path));
    const int size = core::LossLandscape::affordableSize(request.topology, request.samples.size(),
                                                         request.size, request.budget);
    core::LossLandscape landscape(request.topology, request.samples, std::move(*plane),
                                  core::LandscapeGrid{size, span, span});
    if (!landscape.compute(cancelled)) return answer;
    answer.landscape.emplace(std::move(landscape));
    return answer;
}

}  // namespace ui
