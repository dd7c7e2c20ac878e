// The compact int8 path: per-row quantisation into panels, per-probe
// quantisation, the portable kernel and the search driver.
#include "Internal.h"
#include <limits.h>

static inline int groups_of(int dim) { return (dim + 3) / 4; }

size_t fk_packed_i8_count(int64_t n, int dim) {
    int64_t panels = (n + FK_PANEL - 1) / FK_PANEL;
    return (size_t)panels * (size_t)groups_of(dim) * FK_PANEL * 4;
}

/// round(x × scale), halves away from zero, clamped to ±levels (no libm call:
/// the portable build targets baseline x86-64, which has no rounding instruction).
static inline int8_t quantise(float x, float scale, float levels) {
    float q = x * scale;
    q = q >= 0 ? q + 0.5f : q - 0.5f;
    if (q > levels) q = levels;
    if (q < -levels) q = -levels;
    return (int8_t)(int)q;
}

/// Byte offset of (row i, dimension d): panel, group of 4 dimensions, lane, byte.
static inline size_t byte_at(int dim, int64_t i, int d) {
    return (size_t)(i / FK_PANEL) * groups_of(dim) * FK_PANEL * 4 + ((size_t)(d / 4) * FK_PANEL + (size_t)(i % FK_PANEL)) * 4 + d % 4;
}

/// Loading a large list quantises every row, so this is built twice (the
/// compiler's own AVX2 version is picked at load time where it runs): the
/// same C, so both round alike.
#if defined(__x86_64__) && defined(__ELF__)
__attribute__((target_clones("avx2", "default")))
#endif
float fk_pack_compact_row(const float *row, int dim, int64_t i, uint8_t *packed, uint8_t *residual) {
    // The largest |value| through its bits: for finite non-negative floats the
    // integer order is the float order, and an integer maximum vectorises.
    uint32_t top_bits = 0;
    for (int d = 0; d < dim; d++) {
        uint32_t b;
        memcpy(&b, row + d, 4);
        b &= 0x7FFFFFFFu;
        top_bits = b > top_bits ? b : top_bits;
    }
    float top;
    memcpy(&top, &top_bits, 4);
    float scale = top > 0 ? 127 / top : 1;
    int padded = groups_of(dim) * 4;
    // Straight loops the compiler vectorises: the bytes of the row, then the nibbles.
    uint8_t bytes[padded];
    int8_t nibbles[dim + 1];
    for (int d = 0; d < dim; d++) {
        float x = row[d] * scale, q = x >= 0 ? x + 0.5f : x - 0.5f;
        q = q > 127 ? 127 : q < -127 ? -127 : q;
        int qi = (int)q;
        bytes[d] = (uint8_t)(qi + 128);
        // The remainder x × scale − q, in [−½, ½], in fourteenths: a signed nibble.
        float r = (x - (float)qi) * 14, rr = r >= 0 ? r + 0.5f : r - 0.5f;
        rr = rr > 7 ? 7 : rr < -7 ? -7 : rr;
        nibbles[d] = (int8_t)(int)rr;
    }
    for (int d = dim; d < padded; d++) bytes[d] = 128;
    nibbles[dim] = 0;
    uint8_t *at = packed + byte_at(dim, i, 0);
    for (int g = 0; g < padded / 4; g++) memcpy(at + (size_t)g * FK_PANEL * 4, bytes + g * 4, 4);
    if (residual)
        for (int d = 0; d < dim; d += 2) residual[d / 2] = (uint8_t)((nibbles[d] & 0xF) | ((nibbles[d + 1] & 0xF) << 4));
    return 1 / scale;
}

void fk_unpack_i8_row(const uint8_t *packed, int dim, int64_t i, int8_t *out) {
    for (int d = 0; d < dim; d++) out[d] = (int8_t)((int)packed[byte_at(dim, i, d)] - 128);
}

/// One block of probes quantised per probe: block[g * FK_PROBES + j] holds
/// four int8 values; sums[j] is the probe's sum, for the +128 offset.
static void pack_probe_block(const float *probes, int first, int count, int dim,
                             int32_t *block, int32_t *sums, float *steps) {
    int groups = groups_of(dim);
    memset(block, 0, sizeof(int32_t) * (size_t)groups * FK_PROBES);
    for (int j = 0; j < FK_PROBES; j++) { sums[j] = 0; steps[j] = 1; }
    for (int j = 0; j < count; j++) {
        const float *v = probes + (size_t)(first + j) * dim;
        float top = 0;
        for (int d = 0; d < dim; d++) { float a = fabsf(v[d]); if (a > top) top = a; }
        float scale = top > 0 ? FK_PROBE_LEVELS / top : 1;
        steps[j] = 1 / scale;
        int8_t *bytes = (int8_t *)block;
        for (int d = 0; d < dim; d++) {
            int8_t q = quantise(v[d], scale, FK_PROBE_LEVELS);
            bytes[((size_t)(d / 4) * FK_PROBES + j) * 4 + d % 4] = q;
            sums[j] += q;
        }
    }
}

void fk_tile_i8_portable(const uint8_t *panel, const int32_t *block, int groups, int32_t *tile) {
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

static fk_tile_i8_fn tile_for(int level) {
#if defined(__x86_64__)
    if (level == FK_AVX512) return fk_tile_i8_avx512vnni;
    if (level == FK_AVX2) return fk_i8_has_avxvnni() ? fk_tile_i8_avxvnni : fk_tile_i8_avx2;
#endif
    (void)level;
    return fk_tile_i8_portable;
}

size_t fk_search_i8_scratch(int nprobes, int dim) {
    size_t blocks = (size_t)(nprobes + FK_PROBES - 1) / FK_PROBES;
    return blocks * FK_PROBES * ((size_t)groups_of(dim) * 4 + 8);
}

int fk_search_i8(const uint8_t *packed, const float *steps, int64_t n, int dim,
                 const float *probes, int nprobes, int k,
                 float *out_scores, int64_t *out_index, void *scratch, int kernel) {
    int level = fk_i8_kernel(kernel);
    if (k <= 0 || nprobes <= 0) return level;
    fk_topk_reset(out_scores, out_index, nprobes * k, -INFINITY);
    fk_tile_i8_fn tile_fn = tile_for(level);
    int groups = groups_of(dim);
    int blocks = (nprobes + FK_PROBES - 1) / FK_PROBES;
    int32_t *packed_probes = scratch;
    int32_t *sums = packed_probes + (size_t)blocks * groups * FK_PROBES;
    float *probe_steps = (float *)(sums + (size_t)blocks * FK_PROBES);
    for (int bl = 0; bl < blocks; bl++)
        pack_probe_block(probes, bl * FK_PROBES, fk_min(nprobes - bl * FK_PROBES, FK_PROBES), dim,
                         packed_probes + (size_t)bl * groups * FK_PROBES, sums + bl * FK_PROBES, probe_steps + bl * FK_PROBES);
    int32_t itile[FK_PROBES * FK_PANEL];
    float lane_steps[FK_PANEL];
    int64_t panels = (n + FK_PANEL - 1) / FK_PANEL;
    const char *end = (const char *)(packed + (size_t)panels * groups * FK_PANEL * 4);
    for (int64_t pn = 0; pn < panels; pn++) {
        const uint8_t *panel = packed + (size_t)pn * groups * FK_PANEL * 4;
        int64_t first = pn * FK_PANEL;
        int lanes = fk_min(n - first, FK_PANEL);
        float high = 0, low = INFINITY;
        for (int l = 0; l < FK_PANEL; l++) {
            lane_steps[l] = l < lanes ? steps[first + l] : 0;
            if (l < lanes) { high = lane_steps[l] > high ? lane_steps[l] : high; low = lane_steps[l] < low ? lane_steps[l] : low; }
        }
        // The next panel is fetched while every block passes over this one.
        const char *next = (const char *)(panel + (size_t)groups * FK_PANEL * 4);
        size_t bytes = (size_t)groups * FK_PANEL * 4, share = (bytes / blocks + 63) / 64 * 64;
        for (int bl = 0; bl < blocks; bl++) {
            for (size_t off = (size_t)bl * share; off < (size_t)(bl + 1) * share && off < bytes; off += 64)
                if (next + off < end) __builtin_prefetch(next + off);
            int count = fk_min(nprobes - bl * FK_PROBES, FK_PROBES);
            tile_fn(panel, packed_probes + (size_t)bl * groups * FK_PROBES, groups, itile);
            for (int j = 0; j < count; j++) {
                float *s = out_scores + (size_t)(bl * FK_PROBES + j) * k;
                int64_t *x = out_index + (size_t)(bl * FK_PROBES + j) * k;
                // Undo the +128 offset of the template bytes, then both steps.
                int32_t offset = 128 * sums[bl * FK_PROBES + j];
                float step = probe_steps[bl * FK_PROBES + j];
                const int32_t *row = itile + j * FK_PANEL;
                // Integer maximum first (vectorised); with the panel's largest and
                // smallest row step it bounds every lane, and most tiles hold nothing.
                int32_t top = INT32_MIN;
                for (int l = 0; l < FK_PANEL; l++) top = row[l] > top ? row[l] : top;
                float bound = (float)(top - offset) * step * (top >= offset ? high : low);
                if (!(bound >= s[k - 1])) continue;
                for (int l = 0; l < lanes; l++) {
                    float v = (float)(row[l] - offset) * step * lane_steps[l];
                    if (v > s[k - 1]) fk_topk_offer(s, x, k, v, first + l);
                }
            }
        }
    }
    fk_topk_finish(out_scores, out_index, nprobes * k);
    return level;
}
