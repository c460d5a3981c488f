#pragma once

#include <cstddef>

namespace core {

// out[r][c] = sum over i of left(r, i) * right[i][c], for r < rows, c < columns, i < inner,
// where left(r, i) = left[r * leftRow + i * leftInner] (so the left matrix may be read
// transposed) and right[i][c] = right[i * rightRow + c].
//
// Every sum adds its products in the order of i. With `fromZero` it starts at 0.0 and adds the
// first product too (as `double sum = 0.0; sum += ..` does; it differs only when that product
// is -0.0); otherwise it starts with the first product itself. No product is fused with its
// addition, so the result is the same bits as the plain loop on every processor, whichever
// instructions run it.
struct MatrixProduct {
    int rows = 0;
    int columns = 0;
    int inner = 0;
    const double* left = nullptr;
    std::ptrdiff_t leftRow = 0;
    std::ptrdiff_t leftInner = 0;
    const double* right = nullptr;
    std::ptrdiff_t rightRow = 0;
    double* out = nullptr;
    std::ptrdiff_t outRow = 0;
    bool fromZero = false;
};

// Which build of the kernels runs: the widest the processor offers, or (for tests, which check
// that all give the same bits) one named build.
enum class Instructions { Best, Baseline, Avx2, Avx512 };

// Whether this processor can run `instructions` (Best and Baseline: always).
bool supports(Instructions instructions);

// Computes `product` with `instructions`, which the processor must support; every choice
// gives the same bits.
void multiply(const MatrixProduct& product, Instructions instructions = Instructions::Best);

}  // namespace core
