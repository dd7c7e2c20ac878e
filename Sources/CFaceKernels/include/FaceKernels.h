// Dense 1:N similarity kernels for FaceMatch: templates packed in panels of
// FK_PANEL rows, probes in blocks of FK_PROBES, one exact float32 path and one
// compact int8 path (approximate scores, to be re-scored exactly).
// Each has an AVX-512 version (int8: AVX-512 VNNI) chosen at run time and a
// portable C fallback; VIGIA_FACE_KERNEL=generic, or `portable` non-zero,
// forces the fallback.
#ifndef VIGIA_FACE_KERNELS_H
#define VIGIA_FACE_KERNELS_H
#include <stdint.h>
#include <stddef.h>

#define FK_PANEL 32
#define FK_PROBES 12

/// 1 when the AVX-512 float32 kernel runs, 0 for the portable one.
int fk_f32_uses_avx512(void);
/// 1 when the AVX-512 VNNI int8 kernel runs, 0 for the portable one.
int fk_i8_uses_vnni(void);

/// Floats needed to pack `n` rows of `dim`.
size_t fk_packed_f32_count(int64_t n, int dim);
/// Packs row-major `rows` (n × dim) into panels; padding rows are zero.
void fk_pack_f32(const float *rows, int64_t n, int dim, float *packed);
/// For each probe (row-major, nprobes × dim), the k best templates by dot
/// product, best first, among those scoring above `floor`; unused slots hold
/// index -1 and score -INFINITY. Ties keep the lower index first.
void fk_search_f32(const float *packed, int64_t n, int dim,
                   const float *probes, int nprobes, int k, float floor,
                   float *out_scores, int64_t *out_index, int portable);

/// fk_search_f32 for a single probe, with a kernel built for streaming.
void fk_search1_f32(const float *packed, int64_t n, int dim, const float *probe, int k, float floor,
                    float *out_scores, int64_t *out_index, int portable);

/// Bytes needed to pack `n` rows of `dim` as int8 (dim rounded up to 4).
size_t fk_packed_i8_count(int64_t n, int dim);
/// Quantises rows to round(x * scale) clamped to ±127, stored offset by 128.
void fk_pack_i8(const float *rows, int64_t n, int dim, float scale, uint8_t *packed);
/// Like fk_search_f32 on the int8 templates (scale `scale`), probes quantised
/// per probe; scores are approximations of the float dot product.
void fk_search_i8(const uint8_t *packed, int64_t n, int dim, float scale,
                  const float *probes, int nprobes, int k,
                  float *out_scores, int64_t *out_index, int portable);

#endif
