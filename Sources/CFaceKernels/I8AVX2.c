// Int8 kernels on 256-bit registers: AVX2 (vpmaddubsw then vpmaddwd, two
// multiplies per 32 multiply-adds) and AVX-VNNI (vpdpbusd, one instruction).
// Template bytes are u8 (q + 128), probe bytes s8 within ±FK_PROBE_LEVELS, so
// vpmaddubsw's 16-bit pair sums stay below 2 × 255 × 63 = 32,130: no saturation,
// and both give the portable kernel's integers exactly.
#include "Internal.h"
#if defined(__x86_64__)
#include <immintrin.h>

#define MADD(acc, t, b) acc = _mm256_add_epi32(acc, _mm256_madd_epi16(_mm256_maddubs_epi16(t, b), ones))
#define STEP(j) \
    b = _mm256_set1_epi32(p[j]); \
    MADD(a##j##0, t0, b); \
    MADD(a##j##1, t1, b);
#define ZERO(j) __m256i a##j##0 = _mm256_setzero_si256(), a##j##1 = _mm256_setzero_si256();
#define STORE(j) \
    _mm256_storeu_si256((__m256i *)(out + (j) * FK_PANEL), a##j##0); \
    _mm256_storeu_si256((__m256i *)(out + (j) * FK_PANEL + 8), a##j##1);

/// 16 templates × 4 probes in eight accumulators (the products need
/// temporaries, so six probes would spill).
__attribute__((target("avx2")))
static inline void sixth(const uint8_t *panel, const int32_t *block, int groups, int32_t *out) {
    const __m256i ones = _mm256_set1_epi16(1);
    ZERO(0) ZERO(1) ZERO(2) ZERO(3)
    __m256i b;
    for (int g = 0; g < groups; g++) {
        const int32_t *p = block + (size_t)g * FK_PROBES;
        const uint8_t *t = panel + (size_t)g * FK_PANEL * 4;
        __m256i t0 = _mm256_loadu_si256((const __m256i *)t), t1 = _mm256_loadu_si256((const __m256i *)(t + 32));
        STEP(0) STEP(1) STEP(2) STEP(3)
    }
    STORE(0) STORE(1) STORE(2) STORE(3)
}

__attribute__((target("avx2")))
void fk_tile_i8_avx2(const uint8_t *panel, const int32_t *block, int groups, int32_t *tile) {
    for (int q = 0; q < 3; q++) {
        sixth(panel, block + 4 * q, groups, tile + 4 * q * FK_PANEL);
        sixth(panel + 64, block + 4 * q, groups, tile + 4 * q * FK_PANEL + 16);
    }
}

#undef STEP
#undef ZERO
#undef STORE
#define STEP(j) \
    b = _mm256_set1_epi32(p[j]); \
    a##j##0 = _mm256_dpbusd_avx_epi32(a##j##0, t0, b); \
    a##j##1 = _mm256_dpbusd_avx_epi32(a##j##1, t1, b);
#define ZERO(j) __m256i a##j##0 = _mm256_setzero_si256(), a##j##1 = _mm256_setzero_si256();
#define STORE(j) \
    _mm256_storeu_si256((__m256i *)(out + (j) * FK_PANEL), a##j##0); \
    _mm256_storeu_si256((__m256i *)(out + (j) * FK_PANEL + 8), a##j##1);

/// 16 templates × 6 probes in twelve accumulators; vpdpbusd needs no temporaries.
__attribute__((target("avx2,avxvnni")))
static inline void quarter_vnni(const uint8_t *panel, const int32_t *block, int groups, int32_t *out) {
    ZERO(0) ZERO(1) ZERO(2) ZERO(3) ZERO(4) ZERO(5)
    __m256i b;
    for (int g = 0; g < groups; g++) {
        const int32_t *p = block + (size_t)g * FK_PROBES;
        const uint8_t *t = panel + (size_t)g * FK_PANEL * 4;
        __m256i t0 = _mm256_loadu_si256((const __m256i *)t), t1 = _mm256_loadu_si256((const __m256i *)(t + 32));
        STEP(0) STEP(1) STEP(2) STEP(3) STEP(4) STEP(5)
    }
    STORE(0) STORE(1) STORE(2) STORE(3) STORE(4) STORE(5)
}

__attribute__((target("avx2,avxvnni")))
void fk_tile_i8_avxvnni(const uint8_t *panel, const int32_t *block, int groups, int32_t *tile) {
    quarter_vnni(panel, block, groups, tile);
    quarter_vnni(panel + 64, block, groups, tile + 16);
    quarter_vnni(panel, block + 6, groups, tile + 6 * FK_PANEL);
    quarter_vnni(panel + 64, block + 6, groups, tile + 6 * FK_PANEL + 16);
}
#endif
