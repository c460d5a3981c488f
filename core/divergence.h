#pragma once

#include <string>

#include "quantity.h"

namespace core {

// Why a run stopped: the first number of a step that came out infinite or NaN.
struct Divergence {
    long long step = 0;  // the update that could not be made (1 = the first update)
    QuantityRef where;   // the first non-finite number, in the order the step computes them
    double value = 0.0;  // that number: +inf, -inf or NaN

    bool operator==(const Divergence& other) const {
        return step == other.step && where == other.where;
    }
};

// "inf", "-inf" or "nan".
std::string nonFiniteName(double value);

}  // namespace core
