#pragma once

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

namespace core {

#if defined(__x86_64__) && defined(__GNUC__)

namespace detail {
// Executes vzeroupper; built for AVX, so called only where the processor has it.
__attribute__((target("avx"))) inline void zeroUpperAvx() {
    _mm256_zeroupper();
}
}  // namespace detail

// Marks the upper halves of the AVX registers clean. Code that ran before the engine can leave
// them dirty, and then every legacy-SSE instruction of the engine pays a transition penalty
// against glibc's VEX-encoded exp. Called where the engine's hot loops start; it changes no
// value, so results stay bit-identical. A no-op on processors without AVX.
inline void clearUpperAvxState() {
    static const bool hasAvx = [] {
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx") != 0;
    }();
    if (hasAvx) detail::zeroUpperAvx();
}

#else

// Elsewhere there is no AVX state to clear.
inline void clearUpperAvxState() {}

#endif

}  // namespace core
