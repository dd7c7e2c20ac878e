// Shared by the kernel files: the top-k lists, the kernel signatures, and
// the tile entry points each instruction set provides.
#ifndef VIGIA_FACE_KERNELS_INTERNAL_H
#define VIGIA_FACE_KERNELS_INTERNAL_H
#include "FaceKernels.h"
#include <math.h>
#include <string.h>

/// Dimensions per pass over a panel: a 16 KB slice of the panel stays in L1
/// while every probe block passes over it.
#ifndef FK_DEPTH
#define FK_DEPTH 128
#endif

/// Inserts (s, i) into a descending list if it beats the last slot; equal
/// scores keep the earlier (lower) index first.
static inline void fk_topk_offer(float *scores, int64_t *index, int k, float s, int64_t i) {
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

static inline void fk_topk_reset(float *scores, int64_t *index, int count, float floor) {
    for (int i = 0; i < count; i++) { scores[i] = floor; index[i] = -1; }
}

static inline void fk_topk_finish(float *scores, int64_t *index, int count) {
    for (int i = 0; i < count; i++) if (index[i] < 0) scores[i] = -INFINITY;
}

static inline int fk_min(int64_t a, int64_t b) { return (int)(a < b ? a : b); }

/// Adds `depth` dimensions of one panel (stride FK_PANEL) times one probe
/// block (stride FK_PROBES) into tile[j * FK_PANEL + lane]; `first` says the
/// tile starts at zero instead.
typedef void (*fk_tile_f32_fn)(const float *panel, const float *block, int depth, float *tile, int first);
/// One probe against one whole panel: out[lane] = dot.
typedef void (*fk_panel1_f32_fn)(const float *panel, const float *probe, int dim, float *out);
/// int8: `groups` groups of four dimensions of one whole panel (16 KB at 512
/// dimensions: it stays in L1) times one probe block, integer sums into
/// tile[j * FK_PANEL + lane] (template bytes offset by 128).
typedef void (*fk_tile_i8_fn)(const uint8_t *panel, const int32_t *block, int groups, int32_t *tile);

void fk_tile_f32_portable(const float *panel, const float *block, int depth, float *tile, int first);
void fk_panel1_f32_portable(const float *panel, const float *probe, int dim, float *out);
void fk_tile_i8_portable(const uint8_t *panel, const int32_t *block, int groups, int32_t *tile);

#if defined(__x86_64__)
void fk_tile_f32_avx2(const float *panel, const float *block, int depth, float *tile, int first);
void fk_panel1_f32_avx2(const float *panel, const float *probe, int dim, float *out);
void fk_tile_f32_avx512(const float *panel, const float *block, int depth, float *tile, int first);
void fk_panel1_f32_avx512(const float *panel, const float *probe, int dim, float *out);
void fk_tile_i8_avx2(const uint8_t *panel, const int32_t *block, int groups, int32_t *tile);
void fk_tile_i8_avxvnni(const uint8_t *panel, const int32_t *block, int groups, int32_t *tile);
void fk_tile_i8_avx512vnni(const uint8_t *panel, const int32_t *block, int groups, int32_t *tile);
#endif

/// Which int8 instruction set a level means on this CPU (AVX2 level: AVX-VNNI when present).
int fk_i8_has_avxvnni(void);

#endif
