#include "matrixproduct.h"

namespace core {

namespace {

// Four or eight doubles as one value; GCC and Clang lower their arithmetic to the widest
// registers the function is built for (AVX-512, AVX, or several SSE2 registers). Each lane is
// one IEEE-754 multiply or add, so the lanes give exactly what scalar code would.
typedef double Vector4 __attribute__((vector_size(32)));
typedef double Vector8 __attribute__((vector_size(64)));

#define BACKPROP_ALWAYS_INLINE inline __attribute__((always_inline))

// The helpers below pass vectors by value but are always inlined: no call, so no ABI to differ.
#pragma GCC diagnostic ignored "-Wpsabi"

template <class Vector>
BACKPROP_ALWAYS_INLINE Vector load(const double* from) {
    Vector v;
    __builtin_memcpy(&v, from, sizeof v);
    return v;
}

template <class Vector>
BACKPROP_ALWAYS_INLINE void store(double* to, const Vector& v) {
    __builtin_memcpy(to, &v, sizeof v);
}

BACKPROP_ALWAYS_INLINE double leftAt(const MatrixProduct& p, int r, int i) {
    return p.left[r * p.leftRow + i * p.leftInner];
}

// Rows r .. r+Rows-1 and two vectors of columns from c, with the sums kept in registers across
// the inner loop.
template <class Vector, int Rows>
BACKPROP_ALWAYS_INLINE void block(const MatrixProduct& p, int r, int c) {
    constexpr int width = sizeof(Vector) / sizeof(double);
    Vector sum[Rows][2];
    int first = 0;
    if (p.fromZero) {
        for (int j = 0; j < Rows; ++j)
            sum[j][0] = sum[j][1] = Vector{} + 0.0;
    } else {
        const Vector r0 = load<Vector>(p.right + c), r1 = load<Vector>(p.right + c + width);
        for (int j = 0; j < Rows; ++j) {
            const double l = leftAt(p, r + j, 0);
            sum[j][0] = l * r0;
            sum[j][1] = l * r1;
        }
        first = 1;
    }
    for (int i = first; i < p.inner; ++i) {
        const double* right = p.right + i * p.rightRow + c;
        const Vector r0 = load<Vector>(right), r1 = load<Vector>(right + width);
        for (int j = 0; j < Rows; ++j) {
            const double l = leftAt(p, r + j, i);
            sum[j][0] = sum[j][0] + l * r0;
            sum[j][1] = sum[j][1] + l * r1;
        }
    }
    for (int j = 0; j < Rows; ++j) {
        store(p.out + (r + j) * p.outRow + c, sum[j][0]);
        store(p.out + (r + j) * p.outRow + c + width, sum[j][1]);
    }
}

// One element, as the plain loop computes it.
BACKPROP_ALWAYS_INLINE void element(const MatrixProduct& p, int r, int c) {
    double sum = p.fromZero ? 0.0 + leftAt(p, r, 0) * p.right[c] : leftAt(p, r, 0) * p.right[c];
    for (int i = 1; i < p.inner; ++i)
        sum = sum + leftAt(p, r, i) * p.right[i * p.rightRow + c];
    p.out[r * p.outRow + c] = sum;
}

template <class Vector, int Rows>
BACKPROP_ALWAYS_INLINE void rowBlock(const MatrixProduct& p, int r) {
    constexpr int columns = 2 * sizeof(Vector) / sizeof(double);
    int c = 0;
    for (; c + columns <= p.columns; c += columns)
        block<Vector, Rows>(p, r, c);
    if constexpr (columns > 8)  // what is left may still fill a narrower block
        for (; c + 8 <= p.columns; c += 8)
            block<Vector4, Rows>(p, r, c);
    for (; c < p.columns; ++c)
        for (int j = 0; j < Rows; ++j)
            element(p, r + j, c);
}

template <class Vector>
BACKPROP_ALWAYS_INLINE void multiplyAll(const MatrixProduct& p) {
    if (p.inner == 0) return;
    int r = 0;
    for (; r + 4 <= p.rows; r += 4)
        rowBlock<Vector, 4>(p, r);
    for (; r < p.rows; ++r)
        rowBlock<Vector, 1>(p, r);
}

void multiplyBaseline(const MatrixProduct& p) {
    multiplyAll<Vector4>(p);
}

#if defined(__x86_64__) && defined(__GNUC__)
// The same code built for AVX2 and for AVX-512 (neither with FMA: products are never fused
// with their sums).
__attribute__((target("avx2"))) void multiplyAvx2(const MatrixProduct& p) {
    multiplyAll<Vector4>(p);
}

__attribute__((target("avx512f"))) void multiplyAvx512(const MatrixProduct& p) {
    multiplyAll<Vector8>(p);
}

#endif

}  // namespace

bool supports(Instructions instructions) {
#if defined(__x86_64__) && defined(__GNUC__)
    static const bool avx2 = (__builtin_cpu_init(), __builtin_cpu_supports("avx2"));
    static const bool avx512 = (__builtin_cpu_init(), __builtin_cpu_supports("avx512f"));
    if (instructions == Instructions::Avx2) return avx2;
    if (instructions == Instructions::Avx512) return avx512;
    return true;
#else
    return instructions == Instructions::Best || instructions == Instructions::Baseline;
#endif
}

void multiply(const MatrixProduct& product, Instructions instructions) {
#if defined(__x86_64__) && defined(__GNUC__)
    if (instructions == Instructions::Best)
        instructions = supports(Instructions::Avx512) ? Instructions::Avx512
                       : supports(Instructions::Avx2) ? Instructions::Avx2
                                                      : Instructions::Baseline;
    if (instructions == Instructions::Avx512) return multiplyAvx512(product);
    if (instructions == Instructions::Avx2) return multiplyAvx2(product);
#endif
    multiplyBaseline(product);
}

}  // namespace core
