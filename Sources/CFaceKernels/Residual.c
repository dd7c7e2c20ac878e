// The compact store's re-score: each row keeps its int8 values in the scan
// panels and, beside them, the remainder of each value in fourteenths of a
// step as a signed nibble. Rebuilt as (q + r / 14) × step, a value is off by
// at most step / 28; with step = m / 127 for a row whose largest value is m,
// that is m / 3,556, and the cosine with a unit probe is off by at most √dim
// times that (Cauchy–Schwarz).
#include "Internal.h"

static inline int groups_of(int dim) { return (dim + 3) / 4; }

static inline size_t byte_at(int dim, int64_t i, int d) {
    return (size_t)(i / FK_PANEL) * groups_of(dim) * FK_PANEL * 4 + ((size_t)(d / 4) * FK_PANEL + (size_t)(i % FK_PANEL)) * 4 + d % 4;
}

size_t fk_residual_bytes(int dim) { return (size_t)(dim + 1) / 2; }

/// A nibble back to −7…7.
static inline int nibble_at(const uint8_t *residual, int d) {
    int v = d % 2 ? residual[d / 2] >> 4 : residual[d / 2] & 0xF;
    return v >= 8 ? v - 16 : v;
}

float fk_dot_compact(const float *probe, const uint8_t *packed, const uint8_t *residual, int dim, int64_t i, float step) {
    // Integer numerators q × 14 + r (exact in float), summed in four chains.
    float s[4] = {0, 0, 0, 0};
    for (int d = 0; d < dim; d++) {
        int q = (int)packed[byte_at(dim, i, d)] - 128;
        s[d % 4] += probe[d] * (float)(q * 14 + nibble_at(residual, d));
    }
    return ((s[0] + s[1]) + (s[2] + s[3])) * (step / 14);
}

void fk_copy_i8_row(const uint8_t *from, int64_t i, uint8_t *to, int64_t j, int dim) {
    for (int d = 0; d < groups_of(dim) * 4; d++) to[byte_at(dim, j, d)] = from[byte_at(dim, i, d)];
}
