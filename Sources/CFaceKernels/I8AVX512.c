// Int8 kernel for AVX-512 VNNI: vpdpbusd does 64 multiply-adds.
#include "Internal.h"
#if defined(__x86_64__)
#include <immintrin.h>

#define STEP(j) \
    b = _mm512_set1_epi32(p[j]); \
    a##j##0 = _mm512_dpbusd_epi32(a##j##0, t0, b); \
    a##j##1 = _mm512_dpbusd_epi32(a##j##1, t1, b);
#define STORE(j) \
    _mm512_storeu_si512((void *)(tile + (j) * FK_PANEL), a##j##0); \
    _mm512_storeu_si512((void *)(tile + (j) * FK_PANEL + 16), a##j##1);
#define ZERO(j) __m512i a##j##0 = _mm512_setzero_si512(), a##j##1 = _mm512_setzero_si512();

/// 32 templates × 12 probes in 24 zmm accumulators, like the float kernel.
__attribute__((target("avx512f,avx512bw,avx512vnni")))
void fk_tile_i8_avx512vnni(const uint8_t *panel, const int32_t *block, int groups, int32_t *tile) {
    ZERO(0) ZERO(1) ZERO(2) ZERO(3) ZERO(4) ZERO(5)
    ZERO(6) ZERO(7) ZERO(8) ZERO(9) ZERO(10) ZERO(11)
    __m512i b;
    for (int g = 0; g < groups; g++) {
        const int32_t *p = block + (size_t)g * FK_PROBES;
        __m512i t0 = _mm512_loadu_si512((const void *)(panel + (size_t)g * FK_PANEL * 4));
        __m512i t1 = _mm512_loadu_si512((const void *)(panel + (size_t)g * FK_PANEL * 4 + 64));
        STEP(0) STEP(1) STEP(2) STEP(3) STEP(4) STEP(5)
        STEP(6) STEP(7) STEP(8) STEP(9) STEP(10) STEP(11)
    }
    STORE(0) STORE(1) STORE(2) STORE(3) STORE(4) STORE(5)
    STORE(6) STORE(7) STORE(8) STORE(9) STORE(10) STORE(11)
}
#endif
