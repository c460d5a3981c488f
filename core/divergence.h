#pragma once

#include <string>

#include "quantity.h"

namespace core {

// Why a run stopped: the first number of a step that came out infinite or NaN.
struct Divergence {
    long long step = 0;  // the update that could not be made (1 = the first update)
    QuantityRef where;   // the first non-finite number, in the order the step computes them
    double value = 0.0;  // that number: +inf, -inf or NaN

    // The iteration the run holds at: the updates made before the step that blew up.
    long long heldAt() const { return step - 1; }

    bool operator==(const Divergence& other) const {
        return step == other.step && where == other.where;
    }
};

// "inf", "-inf" or "nan".
std::string nonFiniteName(double value);

// The one wording of a divergence, for every program and view: "The step from iteration 4 blew
// up: net_o1 became inf. Training holds at iteration 4, the last finite state." Iterations count
// the updates made, as the timeline and the CLI's "step" column do.
std::string divergenceSentence(const Topology& topology, int sampleCount,
                               const Divergence& divergence);

// Its first half alone, for a label on the value itself: "net_o1 became inf".
std::string divergenceCause(const Topology& topology, int sampleCount,
                            const Divergence& divergence);

}  // namespace core
