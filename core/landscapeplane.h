#pragma once

#include <optional>
#include <utility>
#include <vector>

#include "networkconfig.h"

namespace core {

// Parameter `index` of the flat order (weights, then biases; see Parameters).
double flatParameter(const Parameters& parameters, int index);

// A plane through parameter space: the points origin + a * first + b * second, each direction
// one value per parameter in the flat order (weights, then biases). What the loss landscape is
// drawn over, and what a run's trajectory is projected onto.
class LandscapePlane {
public:
    // The plane through `origin` along two parameters' own axes (flat indices, different): a
    // moves parameter `first`, b parameter `second`, every other parameter stays as it is.
    // Throws std::invalid_argument when an index is out of range or both are the same.
    static LandscapePlane alongParameters(Parameters origin, int first, int second);
    // The plane through `origin` along two directions of one value per parameter each (for
    // instance the Hessian's top two eigenvectors). project() gives coordinates when they are
    // orthonormal. Throws std::invalid_argument when a direction has the wrong length.
    static LandscapePlane alongDirections(Parameters origin, std::vector<double> first,
                                          std::vector<double> second);

    // The point at coordinates (0, 0).
    const Parameters& origin() const { return origin_; }
    // d1, the direction of the first coordinate a, one value per parameter.
    const std::vector<double>& first() const { return first_; }
    // d2, the direction of the second coordinate b.
    const std::vector<double>& second() const { return second_; }
    // The two parameters' flat indices of a plane along parameters; nothing otherwise.
    const std::optional<std::pair<int, int>>& axes() const { return axes_; }
    // Number of parameters, the length of each direction.
    int parameterCount() const { return static_cast<int>(first_.size()); }

    // The point origin + a * d1 + b * d2 written into `point`, its storage reused. Each
    // parameter is origin_k + (a * d1_k + b * d2_k); one whose offset is 0 keeps the origin's
    // exact value, so that (0, 0) gives the origin bit for bit.
    void pointAt(double a, double b, Parameters& point) const;
    // The coordinates (a, b) of `parameters` on the plane: their offset from the origin dotted
    // with d1 and with d2 (for a plane along parameters, the two parameters' own offsets). For
    // orthonormal directions, the point of the plane nearest to `parameters`. Throws
    // std::invalid_argument when `parameters` has another number of parameters.
    std::pair<double, double> project(const Parameters& parameters) const;

private:
    LandscapePlane(Parameters origin, std::vector<double> first, std::vector<double> second,
                   std::optional<std::pair<int, int>> axes);

    Parameters origin_;
    std::vector<double> first_;
    std::vector<double> second_;
    std::optional<std::pair<int, int>> axes_;
};

}  // namespace core
