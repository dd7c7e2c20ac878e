#include "FaceKernels.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

// ---- dispatch ---------------------------------------------------------------

static int forced_generic(void) {
    const char *v = getenv("VIGIA_FACE_KERNEL");
    return v != NULL && strcmp(v, "generic") == 0;
}

int fk_f32_uses_avx512(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    return !forced_generic() && __builtin_cpu_supports("avx512f");
#else
    return 0;
#endif
}

int fk_i8_uses_vnni(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    return !forced_generic() && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw")
        && __builtin_cpu_supports("avx512vnni");
#else
    return 0;
#endif
}

// ---- top-k per probe ---------------------------------------------------------

/// Inserts (s, i) into the descending list of probe j if it beats the last slot.
static inline void topk_offer(float *scores, int64_t *index, int k, float s, int64_t i) {
    if (!(s > scores[k - 1])) return;
    int at = k - 1;
    while (at > 0 && s > scores[at - 1]) {
        scores[at] = scores[at - 1];
        index[at] = index[at - 1];
        at--;
    }
    scores[at] = s;
    index[at] = i;
}

static void topk_reset(float *scores, int64_t *index, int count, float floor) {
    for (int i = 0; i < count; i++) { scores[i] = floor; index[i] = -1; }
}

static void topk_finish(float *scores, int64_t *index, int count) {
    for (int i = 0; i < count; i++) if (index[i] < 0) scores[i] = -INFINITY;
}

/// Offers one tile (FK_PROBES × FK_PANEL scores) to the probes' lists.
static void offer_tile(const float *tile, int64_t first, int64_t n, int probes, int k,
                       float *scores, int64_t *index) {
    int lanes = (int)((n - first) < FK_PANEL ? (n - first) : FK_PANEL);
    for (int j = 0; j < probes; j++) {
        float *s = scores + (size_t)j * k;
        int64_t *x = index + (size_t)j * k;
        float bar = s[k - 1];
        const float *row = tile + j * FK_PANEL;
        for (int l = 0; l < lanes; l++) {
            if (row[l] > bar) { topk_offer(s, x, k, row[l], first + l); bar = s[k - 1]; }
        }
    }
}

// ---- float32 ------------------------------------------------------------------

size_t fk_packed_f32_count(int64_t n, int dim) {
    int64_t panels = (n + FK_PANEL - 1) / FK_PANEL;
    return (size_t)panels * (size_t)dim * FK_PANEL;
}

void fk_pack_f32(const float *rows, int64_t n, int dim, float *packed) {
    memset(packed, 0, fk_packed_f32_count(n, dim) * sizeof(float));
    for (int64_t i = 0; i < n; i++) {
        float *panel = packed + (size_t)(i / FK_PANEL) * dim * FK_PANEL;
        int lane = (int)(i % FK_PANEL);
        for (int d = 0; d < dim; d++) panel[(size_t)d * FK_PANEL + lane] = rows[(size_t)i * dim + d];
    }
}

/// Probes of one block, transposed: block[d * FK_PROBES + j]; missing probes are zero.
static void pack_probe_block_f32(const float *probes, int first, int count, int dim, float *block) {
    memset(block, 0, sizeof(float) * (size_t)dim * FK_PROBES);
    for (int j = 0; j < count; j++)
        for (int d = 0; d < dim; d++) block[(size_t)d * FK_PROBES + j] = probes[(size_t)(first + j) * dim + d];
}

static void tile_f32_generic(const float *panel, const float *block, int dim, float *tile) {
    float acc[FK_PROBES][FK_PANEL];
    memset(acc, 0, sizeof acc);
    for (int d = 0; d < dim; d++) {
        const float *t = panel + (size_t)d * FK_PANEL;
        const float *p = block + (size_t)d * FK_PROBES;
        for (int j = 0; j < FK_PROBES; j++) {
            float b = p[j];
            for (int l = 0; l < FK_PANEL; l++) acc[j][l] += t[l] * b;
        }
    }
    memcpy(tile, acc, sizeof acc);
}

#if defined(__x86_64__)
#define F32_STEP(j) \
    b = _mm512_set1_ps(p[j]); \
    a##j##0 = _mm512_fmadd_ps(t0, b, a##j##0); \
    a##j##1 = _mm512_fmadd_ps(t1, b, a##j##1);
#define F32_STORE(j) \
    _mm512_storeu_ps(tile + (j) * FK_PANEL, a##j##0); \
    _mm512_storeu_ps(tile + (j) * FK_PANEL + 16, a##j##1);
#define ZERO2(j) __m512 a##j##0 = _mm512_setzero_ps(), a##j##1 = _mm512_setzero_ps();

/// 32 templates × 12 probes in 24 zmm accumulators: per dimension two loads,
/// twelve broadcasts and 24 FMAs.
__attribute__((target("avx512f")))
static void tile_f32_avx512(const float *panel, const float *block, int dim, float *tile) {
    ZERO2(0) ZERO2(1) ZERO2(2) ZERO2(3) ZERO2(4) ZERO2(5)
    ZERO2(6) ZERO2(7) ZERO2(8) ZERO2(9) ZERO2(10) ZERO2(11)
    __m512 b;
    for (int d = 0; d < dim; d++) {
        const float *p = block + (size_t)d * FK_PROBES;
        __m512 t0 = _mm512_loadu_ps(panel + (size_t)d * FK_PANEL);
        __m512 t1 = _mm512_loadu_ps(panel + (size_t)d * FK_PANEL + 16);
        F32_STEP(0) F32_STEP(1) F32_STEP(2) F32_STEP(3) F32_STEP(4) F32_STEP(5)
        F32_STEP(6) F32_STEP(7) F32_STEP(8) F32_STEP(9) F32_STEP(10) F32_STEP(11)
    }
    F32_STORE(0) F32_STORE(1) F32_STORE(2) F32_STORE(3) F32_STORE(4) F32_STORE(5)
    F32_STORE(6) F32_STORE(7) F32_STORE(8) F32_STORE(9) F32_STORE(10) F32_STORE(11)
}
#endif

void fk_search_f32(const float *packed, int64_t n, int dim,
                   const float *probes, int nprobes, int k, float floor,
                   float *out_scores, int64_t *out_index, int portable) {
    if (k <= 0 || nprobes <= 0) return;
    topk_reset(out_scores, out_index, nprobes * k, floor);
    void (*tile_fn)(const float *, const float *, int, float *) = tile_f32_generic;
#if defined(__x86_64__)
    if (!portable && fk_f32_uses_avx512()) tile_fn = tile_f32_avx512;
#endif
    int blocks = (nprobes + FK_PROBES - 1) / FK_PROBES;
    float *packed_probes = malloc(sizeof(float) * (size_t)dim * FK_PROBES * blocks);
    for (int bl = 0; bl < blocks; bl++) {
        int count = nprobes - bl * FK_PROBES < FK_PROBES ? nprobes - bl * FK_PROBES : FK_PROBES;
        pack_probe_block_f32(probes, bl * FK_PROBES, count, dim, packed_probes + (size_t)bl * dim * FK_PROBES);
    }
    float tile[FK_PROBES * FK_PANEL];
    int64_t panels = (n + FK_PANEL - 1) / FK_PANEL;
    // Panel outer, probe block inner: a 64 KB panel stays in L2 while every block passes over it.
    for (int64_t pn = 0; pn < panels; pn++) {
        const float *panel = packed + (size_t)pn * dim * FK_PANEL;
        for (int bl = 0; bl < blocks; bl++) {
            int count = nprobes - bl * FK_PROBES < FK_PROBES ? nprobes - bl * FK_PROBES : FK_PROBES;
            tile_fn(panel, packed_probes + (size_t)bl * dim * FK_PROBES, dim, tile);
            offer_tile(tile, pn * FK_PANEL, n, count, k,
                       out_scores + (size_t)bl * FK_PROBES * k, out_index + (size_t)bl * FK_PROBES * k);
        }
    }
    free(packed_probes);
    topk_finish(out_scores, out_index, nprobes * k);
}

/// One probe against every panel: memory-bound, so the kernel only has to
/// keep enough independent accumulators to stream at full bandwidth.
static void panel1_f32_generic(const float *panel, const float *probe, int dim, float *out) {
    float acc[FK_PANEL] = {0};
    for (int d = 0; d < dim; d++) {
        const float *t = panel + (size_t)d * FK_PANEL;
        float b = probe[d];
        for (int l = 0; l < FK_PANEL; l++) acc[l] += t[l] * b;
    }
    memcpy(out, acc, sizeof acc);
}

#if defined(__x86_64__)
/// Eight accumulator chains (dimension mod 4 × two halves of the panel) hide the FMA latency.
__attribute__((target("avx512f")))
static void panel1_f32_avx512(const float *panel, const float *probe, int dim, float *out) {
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

void fk_search1_f32(const float *packed, int64_t n, int dim, const float *probe, int k, float floor,
                    float *out_scores, int64_t *out_index, int portable) {
    if (k <= 0) return;
    topk_reset(out_scores, out_index, k, floor);
    void (*panel_fn)(const float *, const float *, int, float *) = panel1_f32_generic;
#if defined(__x86_64__)
    if (!portable && fk_f32_uses_avx512()) panel_fn = panel1_f32_avx512;
#endif
    float row[FK_PANEL];
    int64_t panels = (n + FK_PANEL - 1) / FK_PANEL;
    for (int64_t pn = 0; pn < panels; pn++) {
        panel_fn(packed + (size_t)pn * dim * FK_PANEL, probe, dim, row);
        offer_tile(row, pn * FK_PANEL, n, 1, k, out_scores, out_index);
    }
    topk_finish(out_scores, out_index, k);
}

// ---- int8 ---------------------------------------------------------------------

static inline int groups_of(int dim) { return (dim + 3) / 4; }

size_t fk_packed_i8_count(int64_t n, int dim) {
    int64_t panels = (n + FK_PANEL - 1) / FK_PANEL;
    return (size_t)panels * (size_t)groups_of(dim) * FK_PANEL * 4;
}

static inline int8_t quantise(float x, float scale) {
    float q = nearbyintf(x * scale);
    if (q > 127) q = 127;
    if (q < -127) q = -127;
    return (int8_t)q;
}

/// Layout: panel, group of 4 dimensions, lane, byte; each byte is q + 128.
void fk_pack_i8(const float *rows, int64_t n, int dim, float scale, uint8_t *packed) {
    memset(packed, 128, fk_packed_i8_count(n, dim));
    int groups = groups_of(dim);
    for (int64_t i = 0; i < n; i++) {
        uint8_t *panel = packed + (size_t)(i / FK_PANEL) * groups * FK_PANEL * 4;
        int lane = (int)(i % FK_PANEL);
        for (int d = 0; d < dim; d++)
            panel[((size_t)(d / 4) * FK_PANEL + lane) * 4 + d % 4] = (uint8_t)(quantise(rows[(size_t)i * dim + d], scale) + 128);
    }
}

/// One block of probes quantised per probe: block[g * FK_PROBES + j] holds
/// four int8 values; sums[j] is the probe's sum, for the +128 offset.
static void pack_probe_block_i8(const float *probes, int first, int count, int dim,
                                int32_t *block, int32_t *sums, float *scales) {
    int groups = groups_of(dim);
    memset(block, 0, sizeof(int32_t) * (size_t)groups * FK_PROBES);
    for (int j = 0; j < FK_PROBES; j++) { sums[j] = 0; scales[j] = 1; }
    for (int j = 0; j < count; j++) {
        const float *v = probes + (size_t)(first + j) * dim;
        float top = 0;
        for (int d = 0; d < dim; d++) { float a = fabsf(v[d]); if (a > top) top = a; }
        float scale = top > 0 ? 127.0f / top : 1;
        scales[j] = scale;
        int8_t *bytes = (int8_t *)block;
        for (int d = 0; d < dim; d++) {
            int8_t q = quantise(v[d], scale);
            bytes[((size_t)(d / 4) * FK_PROBES + j) * 4 + d % 4] = q;
            sums[j] += q;
        }
    }
}

static void tile_i8_generic(const uint8_t *panel, const int32_t *block, int groups, int32_t *tile) {
    int32_t acc[FK_PROBES][FK_PANEL];
    memset(acc, 0, sizeof acc);
    for (int g = 0; g < groups; g++) {
        const uint8_t *t = panel + (size_t)g * FK_PANEL * 4;
        const int8_t *p = (const int8_t *)(block + (size_t)g * FK_PROBES);
        for (int j = 0; j < FK_PROBES; j++) {
            int32_t p0 = p[j * 4], p1 = p[j * 4 + 1], p2 = p[j * 4 + 2], p3 = p[j * 4 + 3];
            for (int l = 0; l < FK_PANEL; l++)
                acc[j][l] += t[l * 4] * p0 + t[l * 4 + 1] * p1 + t[l * 4 + 2] * p2 + t[l * 4 + 3] * p3;
        }
    }
    memcpy(tile, acc, sizeof acc);
}

#if defined(__x86_64__)
#define I8_STEP(j) \
    b = _mm512_set1_epi32(p[j]); \
    a##j##0 = _mm512_dpbusd_epi32(a##j##0, t0, b); \
    a##j##1 = _mm512_dpbusd_epi32(a##j##1, t1, b);
#define I8_STORE(j) \
    _mm512_storeu_si512((void *)(tile + (j) * FK_PANEL), a##j##0); \
    _mm512_storeu_si512((void *)(tile + (j) * FK_PANEL + 16), a##j##1);
#define IZERO2(j) __m512i a##j##0 = _mm512_setzero_si512(), a##j##1 = _mm512_setzero_si512();

/// Same shape as the float kernel; each VPDPBUSD does 64 multiply-adds.
__attribute__((target("avx512f,avx512bw,avx512vnni")))
static void tile_i8_vnni(const uint8_t *panel, const int32_t *block, int groups, int32_t *tile) {
    IZERO2(0) IZERO2(1) IZERO2(2) IZERO2(3) IZERO2(4) IZERO2(5)
    IZERO2(6) IZERO2(7) IZERO2(8) IZERO2(9) IZERO2(10) IZERO2(11)
    __m512i b;
    for (int g = 0; g < groups; g++) {
        const int32_t *p = block + (size_t)g * FK_PROBES;
        __m512i t0 = _mm512_loadu_si512((const void *)(panel + (size_t)g * FK_PANEL * 4));
        __m512i t1 = _mm512_loadu_si512((const void *)(panel + (size_t)g * FK_PANEL * 4 + 64));
        I8_STEP(0) I8_STEP(1) I8_STEP(2) I8_STEP(3) I8_STEP(4) I8_STEP(5)
        I8_STEP(6) I8_STEP(7) I8_STEP(8) I8_STEP(9) I8_STEP(10) I8_STEP(11)
    }
    I8_STORE(0) I8_STORE(1) I8_STORE(2) I8_STORE(3) I8_STORE(4) I8_STORE(5)
    I8_STORE(6) I8_STORE(7) I8_STORE(8) I8_STORE(9) I8_STORE(10) I8_STORE(11)
}
#endif

void fk_search_i8(const uint8_t *packed, int64_t n, int dim, float scale,
                  const float *probes, int nprobes, int k,
                  float *out_scores, int64_t *out_index, int portable) {
    if (k <= 0 || nprobes <= 0) return;
    topk_reset(out_scores, out_index, nprobes * k, -INFINITY);
    void (*tile_fn)(const uint8_t *, const int32_t *, int, int32_t *) = tile_i8_generic;
#if defined(__x86_64__)
    if (!portable && fk_i8_uses_vnni()) tile_fn = tile_i8_vnni;
#endif
    int groups = groups_of(dim);
    int blocks = (nprobes + FK_PROBES - 1) / FK_PROBES;
    int32_t *packed_probes = malloc(sizeof(int32_t) * (size_t)groups * FK_PROBES * blocks);
    int32_t *sums = malloc(sizeof(int32_t) * (size_t)FK_PROBES * blocks);
    float *scales = malloc(sizeof(float) * (size_t)FK_PROBES * blocks);
    for (int bl = 0; bl < blocks; bl++) {
        int count = nprobes - bl * FK_PROBES < FK_PROBES ? nprobes - bl * FK_PROBES : FK_PROBES;
        pack_probe_block_i8(probes, bl * FK_PROBES, count, dim, packed_probes + (size_t)bl * groups * FK_PROBES,
                            sums + bl * FK_PROBES, scales + bl * FK_PROBES);
    }
    int32_t itile[FK_PROBES * FK_PANEL];
    int64_t panels = (n + FK_PANEL - 1) / FK_PANEL;
    for (int64_t pn = 0; pn < panels; pn++) {
        const uint8_t *panel = packed + (size_t)pn * groups * FK_PANEL * 4;
        for (int bl = 0; bl < blocks; bl++) {
            int count = nprobes - bl * FK_PROBES < FK_PROBES ? nprobes - bl * FK_PROBES : FK_PROBES;
            tile_fn(panel, packed_probes + (size_t)bl * groups * FK_PROBES, groups, itile);
            int64_t first = pn * FK_PANEL;
            int lanes = (int)((n - first) < FK_PANEL ? (n - first) : FK_PANEL);
            for (int j = 0; j < count; j++) {
                float *s = out_scores + (size_t)(bl * FK_PROBES + j) * k;
                int64_t *x = out_index + (size_t)(bl * FK_PROBES + j) * k;
                // Undo the +128 offset of the template bytes, then the two scales.
                int32_t offset = 128 * sums[bl * FK_PROBES + j];
                float inv = 1.0f / (scale * scales[bl * FK_PROBES + j]);
                const int32_t *row = itile + j * FK_PANEL;
                // Integer maximum first (vectorised): most tiles hold nothing for this probe.
                int32_t top = INT32_MIN;
                for (int l = 0; l < FK_PANEL; l++) top = row[l] > top ? row[l] : top;
                if (!((float)(top - offset) * inv > s[k - 1])) continue;
                for (int l = 0; l < lanes; l++) {
                    float v = (float)(row[l] - offset) * inv;
                    if (v > s[k - 1]) topk_offer(s, x, k, v, first + l);
                }
            }
        }
    }
    free(packed_probes);
    free(sums);
    free(scales);
    topk_finish(out_scores, out_index, nprobes * k);
}
