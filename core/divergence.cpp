#include "divergence.h"

#include <cmath>

namespace core {

std::string nonFiniteName(double value) {
    if (std::isnan(value)) return "nan";
    return value > 0 ? "inf" : "-inf";
}

std::string divergenceCause(const Topology& topology, int sampleCount,
                            const Divergence& divergence) {
    return quantityName(topology, divergence.where, sampleCount) + " became " +
           nonFiniteName(divergence.value);
}

std::string divergenceSentence(const Topology& topology, int sampleCount,
                               const Divergence& divergence) {
    const std::string held = std::to_string(divergence.heldAt());
    return "The step from iteration " + held +
           " blew up: " + divergenceCause(topology, sampleCount, divergence) +
           ". Training holds at iteration " + held + ", the last finite state.";
}

}  // namespace core
