#include "eigenpair.h"

#include <cmath>
#include <cstddef>

namespace core {

void orientEigenvector(std::vector<double>& vector) {
    std::size_t largest = 0;
    for (std::size_t i = 1; i < vector.size(); ++i)
        if (std::abs(vector[i]) > std::abs(vector[largest])) largest = i;
    if (vector.empty() || vector[largest] >= 0.0) return;
    for (double& component : vector)
        component = -component;
}

}  // namespace core
