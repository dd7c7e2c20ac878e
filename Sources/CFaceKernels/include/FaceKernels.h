// Dense 1:N similarity kernels for FaceMatch: templates packed in panels of
// FK_PANEL rows, probes in blocks of FK_PROBES, one exact float32 path and one
// compact int8 path (approximate scores, to be re-scored).
// Each path has SIMD versions chosen at run time (float32: AVX-512F, AVX2+FMA;
// int8: AVX-512 VNNI, AVX-VNNI, AVX2) and a portable C fallback. Every version
// of a path returns the same candidates: the int8 ones compute the same
// integers, the float32 ones the same sums up to rounding.
// VIGIA_FACE_KERNEL=generic (or portable, avx2, avx512) caps the choice.
#ifndef VIGIA_FACE_KERNELS_H
#define VIGIA_FACE_KERNELS_H
#include <stdint.h>
#include <stddef.h>

#define FK_PANEL 32
#define FK_PROBES 12
/// Probes are quantised to ±FK_PROBE_LEVELS so that AVX2's vpmaddubsw, which
/// sums two u8 × s8 products in 16 bits, cannot saturate: 2 × 255 × 63 = 32,130.
#define FK_PROBE_LEVELS 63

/// Kernel levels, lowest first; FK_AUTO asks for the best this CPU runs.
enum { FK_AUTO = -1, FK_PORTABLE = 0, FK_AVX2 = 1, FK_AVX512 = 2 };

/// The float32 level that runs when `requested` is asked for: the highest one
/// not above it that the CPU supports and VIGIA_FACE_KERNEL allows.
int fk_f32_kernel(int requested);
/// The int8 level that runs when `requested` is asked for (as fk_f32_kernel).
int fk_i8_kernel(int requested);
/// What the level runs on: "portable", "avx2-fma", "avx512f" for float32;
/// "portable", "avx2", "avx-vnni", "avx512-vnni" for int8.
const char *fk_kernel_name(int level, int int8);

// ---- float32 -------------------------------------------------------------------

/// Floats needed to pack `n` rows of `dim`.
size_t fk_packed_f32_count(int64_t n, int dim);
/// Packs row-major `rows` (n × dim) into panels; padding rows are zero.
void fk_pack_f32(const float *rows, int64_t n, int dim, float *packed);
/// For each probe (row-major, nprobes × dim), the k best templates by dot
/// product, best first, among those scoring above `floor`; unused slots hold
/// index -1 and score -INFINITY. Ties keep the lower index first. `packed`
/// holds `n` templates starting at a panel boundary; `scratch` holds
/// fk_search_f32_scratch(nprobes, dim) floats. Returns the level that ran.
int fk_search_f32(const float *packed, int64_t n, int dim,
                  const float *probes, int nprobes, int k, float floor,
                  float *out_scores, int64_t *out_index, float *scratch, int kernel);
size_t fk_search_f32_scratch(int nprobes, int dim);

/// fk_search_f32 for a single probe, with a kernel built for streaming.
int fk_search1_f32(const float *packed, int64_t n, int dim, const float *probe, int k, float floor,
                   float *out_scores, int64_t *out_index, int kernel);

// ---- int8 ------------------------------------------------------------------------

/// Bytes needed to pack `n` rows of `dim` as int8 (dim rounded up to 4).
size_t fk_packed_i8_count(int64_t n, int dim);
/// Quantises row `i` with its own scale (127 / its largest |value|) to
/// round(x × scale), stored offset by 128 at its place in the panels of
/// `packed`; when `residual` is not NULL, also writes the row's
/// fk_residual_bytes there: the remainder x × scale − q in fourteenths, a
/// signed nibble (−7…7) per dimension. Returns the row's step, 1 / scale.
float fk_pack_compact_row(const float *row, int dim, int64_t i, uint8_t *packed, uint8_t *residual);
/// One row back from the panels: the integers q (−127…127), dim of them.
void fk_unpack_i8_row(const uint8_t *packed, int dim, int64_t i, int8_t *out);
/// Copies row `i` of the panels `from` to row `j` of the panels `to`.
void fk_copy_i8_row(const uint8_t *from, int64_t i, uint8_t *to, int64_t j, int dim);
/// Like fk_search_f32 on int8 templates (template i's values are q × steps[i]),
/// probes quantised per probe to ±FK_PROBE_LEVELS; scores approximate the
/// float dot product. No floor. `scratch` holds fk_search_i8_scratch bytes.
int fk_search_i8(const uint8_t *packed, const float *steps, int64_t n, int dim,
                 const float *probes, int nprobes, int k,
                 float *out_scores, int64_t *out_index, void *scratch, int kernel);
size_t fk_search_i8_scratch(int nprobes, int dim);

// ---- residual (the compact store's re-score) -------------------------------------

/// Bytes of one row's residual: dim nibbles, rounded up to whole bytes.
size_t fk_residual_bytes(int dim);
/// The dot product of `probe` with row `i` rebuilt as (q + r / 14) × step,
/// q from the panels `packed` and r from the row's `residual`.
float fk_dot_compact(const float *probe, const uint8_t *packed, const uint8_t *residual, int dim, int64_t i, float step);

// ---- measurement (for the bench's peak fractions) --------------------------------
// Rates are per second of the calling thread's CPU time (a shared machine's
// waits for a core do not count).

/// Cycles per second, from a chain of dependent integer adds (one cycle each).
double fk_measure_clock(double seconds);
/// Float32 multiply-adds per second one core sustains on `level` with
/// independent accumulators in registers (no memory traffic).
double fk_measure_fma_rate(int level, double seconds);
/// Int8 multiply-adds per second one core sustains on int8 `level`'s
/// instruction sequence, in registers.
double fk_measure_i8_rate(int level, double seconds);
/// Bytes per second one thread reads streaming through `bytes` at `buffer`
/// (the best of `repeats` passes).
double fk_measure_read_bandwidth(const void *buffer, size_t bytes, int repeats);

#endif
