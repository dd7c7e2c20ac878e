// Float32 kernels for AVX-512F (32 zmm registers).
#include "Internal.h"
#if defined(__x86_64__)
#include <immintrin.h>

#define STEP(j) \
    b = _mm512_set1_ps(p[j]); \
    a##j##0 = _mm512_fmadd_ps(t0, b, a##j##0); \
    a##j##1 = _mm512_fmadd_ps(t1, b, a##j##1);
#define LOAD(j) \
    __m512 a##j##0 = first ? _mm512_setzero_ps() : _mm512_loadu_ps(tile + (j) * FK_PANEL), \
           a##j##1 = first ? _mm512_setzero_ps() : _mm512_loadu_ps(tile + (j) * FK_PANEL + 16);
#define STORE(j) \
    _mm512_storeu_ps(tile + (j) * FK_PANEL, a##j##0); \
    _mm512_storeu_ps(tile + (j) * FK_PANEL + 16, a##j##1);

/// 32 templates × 12 probes in 24 zmm accumulators: per dimension two loads,
/// twelve broadcasts and 24 FMAs.
__attribute__((target("avx512f")))
void fk_tile_f32_avx512(const float *panel, const float *block, int depth, float *tile, int first) {
    LOAD(0) LOAD(1) LOAD(2) LOAD(3) LOAD(4) LOAD(5)
    LOAD(6) LOAD(7) LOAD(8) LOAD(9) LOAD(10) LOAD(11)
    __m512 b;
    for (int d = 0; d < depth; d++) {
        const float *p = block + (size_t)d * FK_PROBES;
        __m512 t0 = _mm512_loadu_ps(panel + (size_t)d * FK_PANEL);
        __m512 t1 = _mm512_loadu_ps(panel + (size_t)d * FK_PANEL + 16);
        STEP(0) STEP(1) STEP(2) STEP(3) STEP(4) STEP(5)
        STEP(6) STEP(7) STEP(8) STEP(9) STEP(10) STEP(11)
    }
    STORE(0) STORE(1) STORE(2) STORE(3) STORE(4) STORE(5)
    STORE(6) STORE(7) STORE(8) STORE(9) STORE(10) STORE(11)
}

/// Eight accumulator chains (dimension mod 4 × two halves of the panel) hide the FMA latency.
__attribute__((target("avx512f")))
void fk_panel1_f32_avx512(const float *panel, const float *probe, int dim, float *out) {
    __m512 a0 = _mm512_setzero_ps(), a1 = _mm512_setzero_ps(), a2 = _mm512_setzero_ps(), a3 = _mm512_setzero_ps();
    __m512 a4 = _mm512_setzero_ps(), a5 = _mm512_setzero_ps(), a6 = _mm512_setzero_ps(), a7 = _mm512_setzero_ps();
    int d = 0;
    for (; d + 4 <= dim; d += 4) {
        const float *t = panel + (size_t)d * FK_PANEL;
        __m512 b0 = _mm512_set1_ps(probe[d]), b1 = _mm512_set1_ps(probe[d + 1]);
        __m512 b2 = _mm512_set1_ps(probe[d + 2]), b3 = _mm512_set1_ps(probe[d + 3]);
        a0 = _mm512_fmadd_ps(_mm512_loadu_ps(t), b0, a0);
        a1 = _mm512_fmadd_ps(_mm512_loadu_ps(t + 16), b0, a1);
        a2 = _mm512_fmadd_ps(_mm512_loadu_ps(t + 32), b1, a2);
        a3 = _mm512_fmadd_ps(_mm512_loadu_ps(t + 48), b1, a3);
        a4 = _mm512_fmadd_ps(_mm512_loadu_ps(t + 64), b2, a4);
        a5 = _mm512_fmadd_ps(_mm512_loadu_ps(t + 80), b2, a5);
        a6 = _mm512_fmadd_ps(_mm512_loadu_ps(t + 96), b3, a6);
        a7 = _mm512_fmadd_ps(_mm512_loadu_ps(t + 112), b3, a7);
    }
    for (; d < dim; d++) {
        const float *t = panel + (size_t)d * FK_PANEL;
        __m512 b = _mm512_set1_ps(probe[d]);
        a0 = _mm512_fmadd_ps(_mm512_loadu_ps(t), b, a0);
        a1 = _mm512_fmadd_ps(_mm512_loadu_ps(t + 16), b, a1);
    }
    _mm512_storeu_ps(out, _mm512_add_ps(_mm512_add_ps(a0, a2), _mm512_add_ps(a4, a6)));
    _mm512_storeu_ps(out + 16, _mm512_add_ps(_mm512_add_ps(a1, a3), _mm512_add_ps(a5, a7)));
}
#endif
