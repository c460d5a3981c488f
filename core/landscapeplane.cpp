#include "landscapeplane.h"

#include <stdexcept>
#include <utility>

namespace core {

namespace {

// Number of parameters of `parameters`, weights and biases.
int parameterCountOf(const Parameters& parameters) {
    return static_cast<int>(parameters.weights.size() + parameters.biases.size());
}

// Parameter `index` of the flat order, to be written.
double& parameterAt(Parameters& parameters, int index) {
    const int weights = static_cast<int>(parameters.weights.size());
    return index < weights ? parameters.weights[index] : parameters.biases[index - weights];
}

// origin + offset, or the origin's exact value (its sign of zero included) when the offset is 0.
double shifted(double origin, double offset) {
    return offset == 0.0 ? origin : origin + offset;
}

}  // namespace

double flatParameter(const Parameters& parameters, int index) {
    const int weights = static_cast<int>(parameters.weights.size());
    return index < weights ? parameters.weights[index] : parameters.biases[index - weights];
}

LandscapePlane::LandscapePlane(Parameters origin, std::vector<double> first,
                               std::vector<double> second, std::optional<std::pair<int, int>> axes)
    : origin_(std::move(origin)),
      first_(std::move(first)),
      second_(std::move(second)),
      axes_(axes) {}

LandscapePlane LandscapePlane::alongParameters(Parameters origin, int first, int second) {
    const int count = parameterCountOf(origin);
    if (first < 0 || first >= count || second < 0 || second >= count)
        throw std::invalid_argument("a landscape's parameter index is out of range");
    if (first == second) throw std::invalid_argument("a landscape needs two different parameters");
    std::vector<double> firstAxis(count, 0.0), secondAxis(count, 0.0);
    firstAxis[first] = 1.0;
    secondAxis[second] = 1.0;
    return LandscapePlane(std::move(origin), std::move(firstAxis), std::move(secondAxis),
                          std::pair{first, second});
}

LandscapePlane LandscapePlane::alongDirections(Parameters origin, std::vector<double> first,
                                               std::vector<double> second) {
    const std::size_t count = parameterCountOf(origin);
    if (first.size() != count || second.size() != count)
        throw std::invalid_argument("a landscape direction needs one value per parameter");
    return LandscapePlane(std::move(origin), std::move(first), std::move(second), std::nullopt);
}

void LandscapePlane::pointAt(double a, double b, Parameters& point) const {
    point = origin_;
    if (axes_) {
        // Only the two parameters move: origin + a and origin + b, nothing added elsewhere.
        double& first = parameterAt(point, axes_->first);
        double& second = parameterAt(point, axes_->second);
        first = shifted(first, a);
        second = shifted(second, b);
        return;
    }
    for (int k = 0; k < parameterCount(); ++k) {
        double& value = parameterAt(point, k);
        value = shifted(value, a * first_[k] + b * second_[k]);
    }
}

std::pair<double, double> LandscapePlane::project(const Parameters& parameters) const {
    if (parameterCountOf(parameters) != parameterCount())
        throw std::invalid_argument("the parameters are not those of the landscape's network");
    if (axes_)
        return {flatParameter(parameters, axes_->first) - flatParameter(origin_, axes_->first),
                flatParameter(parameters, axes_->second) - flatParameter(origin_, axes_->second)};
    // The offset from the origin dotted with each direction, parameters in flat order.
    double a = 0.0, b = 0.0;
    for (int k = 0; k < parameterCount(); ++k) {
        const double offset = flatParameter(parameters, k) - flatParameter(origin_, k);
        a += offset * first_[k];
        b += offset * second_[k];
    }
    return {a, b};
}

}  // namespace core
