#pragma once

#include <cstdio>
#include <cstdlib>

namespace fuzz {

// Stops the run when `invariant` does not hold, so that libFuzzer keeps the input as a crash;
// `what` says what should have held. Unlike assert, it is checked in every build type.
inline void require(bool invariant, const char* what) {
    if (invariant) return;
    std::fprintf(stderr, "fuzz: invariant broken: %s\n", what);
    std::abort();
}

}  // namespace fuzz
