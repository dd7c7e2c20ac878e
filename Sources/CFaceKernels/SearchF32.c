// The exact float32 path: packing, the portable kernels, and the two search
// drivers (a batch of probes, and one probe streaming through the panels).
#include "Internal.h"

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
static void pack_probe_block(const float *probes, int first, int count, int dim, float *block) {
    memset(block, 0, sizeof(float) * (size_t)dim * FK_PROBES);
    for (int j = 0; j < count; j++)
        for (int d = 0; d < dim; d++) block[(size_t)d * FK_PROBES + j] = probes[(size_t)(first + j) * dim + d];
}

void fk_tile_f32_portable(const float *panel, const float *block, int depth, float *tile, int first) {
    float acc[FK_PROBES][FK_PANEL];
    if (first) memset(acc, 0, sizeof acc); else memcpy(acc, tile, sizeof acc);
    for (int d = 0; d < depth; d++) {
        const float *t = panel + (size_t)d * FK_PANEL;
        const float *p = block + (size_t)d * FK_PROBES;
        for (int j = 0; j < FK_PROBES; j++) {
            float b = p[j];
            for (int l = 0; l < FK_PANEL; l++) acc[j][l] += t[l] * b;
        }
    }
    memcpy(tile, acc, sizeof acc);
}

void fk_panel1_f32_portable(const float *panel, const float *probe, int dim, float *out) {
    float acc[FK_PANEL] = {0};
    for (int d = 0; d < dim; d++) {
        const float *t = panel + (size_t)d * FK_PANEL;
        float b = probe[d];
        for (int l = 0; l < FK_PANEL; l++) acc[l] += t[l] * b;
    }
    memcpy(out, acc, sizeof acc);
}

/// Offers one tile (probes × FK_PANEL scores) to the probes' lists.
static void offer_tile(const float *tile, int64_t first, int64_t n, int probes, int k,
                       float *scores, int64_t *index) {
    int lanes = fk_min(n - first, FK_PANEL);
    for (int j = 0; j < probes; j++) {
        float *s = scores + (size_t)j * k;
        int64_t *x = index + (size_t)j * k;
        float bar = s[k - 1];
        const float *row = tile + j * FK_PANEL;
        for (int l = 0; l < lanes; l++) {
            if (row[l] > bar) { fk_topk_offer(s, x, k, row[l], first + l); bar = s[k - 1]; }
        }
    }
}

static fk_tile_f32_fn tile_for(int level) {
#if defined(__x86_64__)
    if (level == FK_AVX512) return fk_tile_f32_avx512;
    if (level == FK_AVX2) return fk_tile_f32_avx2;
#endif
    (void)level;
    return fk_tile_f32_portable;
}

static fk_panel1_f32_fn panel1_for(int level) {
#if defined(__x86_64__)
    if (level == FK_AVX512) return fk_panel1_f32_avx512;
    if (level == FK_AVX2) return fk_panel1_f32_avx2;
#endif
    (void)level;
    return fk_panel1_f32_portable;
}

size_t fk_search_f32_scratch(int nprobes, int dim) {
    size_t blocks = (size_t)(nprobes + FK_PROBES - 1) / FK_PROBES;
    return blocks * FK_PROBES * ((size_t)dim + FK_PANEL);
}

int fk_search_f32(const float *packed, int64_t n, int dim,
                  const float *probes, int nprobes, int k, float floor,
                  float *out_scores, int64_t *out_index, float *scratch, int kernel) {
    int level = fk_f32_kernel(kernel);
    if (k <= 0 || nprobes <= 0) return level;
    fk_topk_reset(out_scores, out_index, nprobes * k, floor);
    fk_tile_f32_fn tile_fn = tile_for(level);
    int blocks = (nprobes + FK_PROBES - 1) / FK_PROBES;
    float *packed_probes = scratch, *tiles = scratch + (size_t)blocks * dim * FK_PROBES;
    for (int bl = 0; bl < blocks; bl++)
        pack_probe_block(probes, bl * FK_PROBES, fk_min(nprobes - bl * FK_PROBES, FK_PROBES), dim,
                         packed_probes + (size_t)bl * dim * FK_PROBES);
    int64_t panels = (n + FK_PANEL - 1) / FK_PANEL;
    const char *end = (const char *)(packed + (size_t)panels * dim * FK_PANEL);
    for (int64_t pn = 0; pn < panels; pn++) {
        const float *panel = packed + (size_t)pn * dim * FK_PANEL;
        // A slice of FK_DEPTH dimensions of the panel stays in L1 while every block passes over it.
        for (int d0 = 0; d0 < dim; d0 += FK_DEPTH) {
            int depth = fk_min(dim - d0, FK_DEPTH);
            const float *slice = panel + (size_t)d0 * FK_PANEL;
            // The next slice (the panels are contiguous) is fetched while this one is computed, a share per block.
            const char *next = (const char *)(slice + (size_t)depth * FK_PANEL);
            size_t bytes = (size_t)depth * FK_PANEL * sizeof(float), share = (bytes / blocks + 63) / 64 * 64;
            for (int bl = 0; bl < blocks; bl++) {
                for (size_t off = (size_t)bl * share; off < (size_t)(bl + 1) * share && off < bytes; off += 64)
                    if (next + off < end) __builtin_prefetch(next + off);
                tile_fn(slice, packed_probes + ((size_t)bl * dim + d0) * FK_PROBES, depth,
                        tiles + (size_t)bl * FK_PROBES * FK_PANEL, d0 == 0);
            }
        }
        for (int bl = 0; bl < blocks; bl++)
            offer_tile(tiles + (size_t)bl * FK_PROBES * FK_PANEL, pn * FK_PANEL, n, fk_min(nprobes - bl * FK_PROBES, FK_PROBES), k,
                       out_scores + (size_t)bl * FK_PROBES * k, out_index + (size_t)bl * FK_PROBES * k);
    }
    fk_topk_finish(out_scores, out_index, nprobes * k);
    return level;
}

int fk_search1_f32(const float *packed, int64_t n, int dim, const float *probe, int k, float floor,
                   float *out_scores, int64_t *out_index, int kernel) {
    int level = fk_f32_kernel(kernel);
    if (k <= 0) return level;
    fk_topk_reset(out_scores, out_index, k, floor);
    fk_panel1_f32_fn panel_fn = panel1_for(level);
    float row[FK_PANEL];
    int64_t panels = (n + FK_PANEL - 1) / FK_PANEL;
    for (int64_t pn = 0; pn < panels; pn++) {
        panel_fn(packed + (size_t)pn * dim * FK_PANEL, probe, dim, row);
        offer_tile(row, pn * FK_PANEL, n, 1, k, out_scores, out_index);
    }
    fk_topk_finish(out_scores, out_index, k);
    return level;
}
