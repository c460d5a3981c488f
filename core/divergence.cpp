#include "divergence.h"

#include <cmath>

namespace core {

std::string nonFiniteName(double value) {
    if (std::isnan(value)) return "nan";
    return value > 0 ? "inf" : "-inf";
}

}  // namespace core
