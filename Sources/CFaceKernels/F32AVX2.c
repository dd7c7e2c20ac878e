// Float32 kernels for AVX2 + FMA (16 ymm registers, two FMA pipes on the
// CPUs that have them).
#include "Internal.h"
#if defined(__x86_64__)
#include <immintrin.h>

#define STEP(j) \
    b = _mm256_broadcast_ss(p + (j)); \
    a##j##0 = _mm256_fmadd_ps(t0, b, a##j##0); \
    a##j##1 = _mm256_fmadd_ps(t1, b, a##j##1);
#define LOAD(j) \
    __m256 a##j##0 = first ? _mm256_setzero_ps() : _mm256_loadu_ps(out + (j) * FK_PANEL), \
           a##j##1 = first ? _mm256_setzero_ps() : _mm256_loadu_ps(out + (j) * FK_PANEL + 8);
#define STORE(j) \
    _mm256_storeu_ps(out + (j) * FK_PANEL, a##j##0); \
    _mm256_storeu_ps(out + (j) * FK_PANEL + 8, a##j##1);

/// 16 templates × 6 probes in 12 ymm accumulators: per dimension two loads,
/// six broadcasts and twelve FMAs, with three registers to spare.
__attribute__((target("avx2,fma")))
static inline void quarter(const float *panel, const float *block, int depth, float *out, int first) {
    LOAD(0) LOAD(1) LOAD(2) LOAD(3) LOAD(4) LOAD(5)
    __m256 b;
    for (int d = 0; d < depth; d++) {
        const float *t = panel + (size_t)d * FK_PANEL, *p = block + (size_t)d * FK_PROBES;
        __m256 t0 = _mm256_loadu_ps(t), t1 = _mm256_loadu_ps(t + 8);
        STEP(0) STEP(1) STEP(2) STEP(3) STEP(4) STEP(5)
    }
    STORE(0) STORE(1) STORE(2) STORE(3) STORE(4) STORE(5)
}

/// The 32 × 12 tile as four 16 × 6 quarters.
__attribute__((target("avx2,fma")))
void fk_tile_f32_avx2(const float *panel, const float *block, int depth, float *tile, int first) {
    quarter(panel, block, depth, tile, first);
    quarter(panel + 16, block, depth, tile + 16, first);
    quarter(panel, block + 6, depth, tile + 6 * FK_PANEL, first);
    quarter(panel + 16, block + 6, depth, tile + 6 * FK_PANEL + 16, first);
}

/// One probe: eight accumulator chains (two dimensions × four quarters of
/// the panel) hide the FMA latency; the loop only has to keep memory busy.
__attribute__((target("avx2,fma")))
void fk_panel1_f32_avx2(const float *panel, const float *probe, int dim, float *out) {
    __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps(), a2 = _mm256_setzero_ps(), a3 = _mm256_setzero_ps();
    __m256 a4 = _mm256_setzero_ps(), a5 = _mm256_setzero_ps(), a6 = _mm256_setzero_ps(), a7 = _mm256_setzero_ps();
    int d = 0;
    for (; d + 2 <= dim; d += 2) {
        const float *t = panel + (size_t)d * FK_PANEL;
        __m256 b0 = _mm256_broadcast_ss(probe + d), b1 = _mm256_broadcast_ss(probe + d + 1);
        a0 = _mm256_fmadd_ps(_mm256_loadu_ps(t), b0, a0);
        a1 = _mm256_fmadd_ps(_mm256_loadu_ps(t + 8), b0, a1);
        a2 = _mm256_fmadd_ps(_mm256_loadu_ps(t + 16), b0, a2);
        a3 = _mm256_fmadd_ps(_mm256_loadu_ps(t + 24), b0, a3);
        a4 = _mm256_fmadd_ps(_mm256_loadu_ps(t + 32), b1, a4);
        a5 = _mm256_fmadd_ps(_mm256_loadu_ps(t + 40), b1, a5);
        a6 = _mm256_fmadd_ps(_mm256_loadu_ps(t + 48), b1, a6);
        a7 = _mm256_fmadd_ps(_mm256_loadu_ps(t + 56), b1, a7);
    }
    for (; d < dim; d++) {
        const float *t = panel + (size_t)d * FK_PANEL;
        __m256 b = _mm256_broadcast_ss(probe + d);
        a0 = _mm256_fmadd_ps(_mm256_loadu_ps(t), b, a0);
        a1 = _mm256_fmadd_ps(_mm256_loadu_ps(t + 8), b, a1);
        a2 = _mm256_fmadd_ps(_mm256_loadu_ps(t + 16), b, a2);
        a3 = _mm256_fmadd_ps(_mm256_loadu_ps(t + 24), b, a3);
    }
    _mm256_storeu_ps(out, _mm256_add_ps(a0, a4));
    _mm256_storeu_ps(out + 8, _mm256_add_ps(a1, a5));
    _mm256_storeu_ps(out + 16, _mm256_add_ps(a2, a6));
    _mm256_storeu_ps(out + 24, _mm256_add_ps(a3, a7));
}
#endif
