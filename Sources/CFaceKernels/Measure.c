// What one core can do, measured rather than assumed, so the bench can say
// how close each kernel runs to its own limit: the clock, the multiply-add
// rate of each instruction set with operands in registers, and the memory
// bandwidth one thread reads. Every rate is per second of this thread's CPU
// time, so on a shared machine time spent waiting for a core does not count.
#include "Internal.h"
#include <time.h>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

static double now(void) {
    struct timespec t;
#if defined(CLOCK_THREAD_CPUTIME_ID)
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
#else
    clock_gettime(CLOCK_MONOTONIC, &t);
#endif
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/// Repeats `body(iterations)` with growing counts until it runs `seconds`;
/// returns work units per second, the best of three timings at that count.
static double rate(double (*body)(long, int), long start, int level, double seconds) {
    long n = start;
    for (;;) {
        double t0 = now(), units = body(n, level), t = now() - t0;
        if (t >= seconds / 4 || n > (1L << 40)) {
            double best = units / t;
            for (int r = 0; r < 2; r++) {
                double t1 = now(), u = body(n, level), dt = now() - t1;
                if (u / dt > best) best = u / dt;
            }
            return best;
        }
        n *= 4;
    }
}

static double add_chain(long n, int level) {
    (void)level;
#if defined(__x86_64__)
    long x = 0;
    for (long i = 0; i < n; i++) {
        // 32 dependent one-cycle adds; the loop counter runs beside them.
        __asm__ volatile(
            "add $1, %0\n add $1, %0\n add $1, %0\n add $1, %0\n add $1, %0\n add $1, %0\n add $1, %0\n add $1, %0\n"
            "add $1, %0\n add $1, %0\n add $1, %0\n add $1, %0\n add $1, %0\n add $1, %0\n add $1, %0\n add $1, %0\n"
            "add $1, %0\n add $1, %0\n add $1, %0\n add $1, %0\n add $1, %0\n add $1, %0\n add $1, %0\n add $1, %0\n"
            "add $1, %0\n add $1, %0\n add $1, %0\n add $1, %0\n add $1, %0\n add $1, %0\n add $1, %0\n add $1, %0\n"
            : "+r"(x));
    }
    return (double)x;
#else
    (void)n;
    return 0;
#endif
}

double fk_measure_clock(double seconds) {
#if defined(__x86_64__)
    return rate(add_chain, 1 << 12, 0, seconds);
#else
    (void)seconds;
    return 0;
#endif
}

#if defined(__x86_64__)
/// Ten independent FMA chains on ymm (latency 4–5 × two pipes needs ≥ 10).
__attribute__((target("avx2,fma")))
static double fma_avx2(long n, int level) {
    (void)level;
    __m256 b = _mm256_set1_ps(0.999999f), c = _mm256_set1_ps(1e-6f);
    // Opaque to the compiler, which would otherwise fold the chains to their fixed point.
    __asm__ volatile("" : "+x"(b), "+x"(c));
    __m256 a0 = b, a1 = b, a2 = b, a3 = b, a4 = b, a5 = b, a6 = b, a7 = b, a8 = b, a9 = b;
    for (long i = 0; i < n; i++) {
        a0 = _mm256_fmadd_ps(a0, b, c); a1 = _mm256_fmadd_ps(a1, b, c); a2 = _mm256_fmadd_ps(a2, b, c);
        a3 = _mm256_fmadd_ps(a3, b, c); a4 = _mm256_fmadd_ps(a4, b, c); a5 = _mm256_fmadd_ps(a5, b, c);
        a6 = _mm256_fmadd_ps(a6, b, c); a7 = _mm256_fmadd_ps(a7, b, c); a8 = _mm256_fmadd_ps(a8, b, c);
        a9 = _mm256_fmadd_ps(a9, b, c);
    }
    float sink[8];
    _mm256_storeu_ps(sink, _mm256_add_ps(_mm256_add_ps(_mm256_add_ps(a0, a1), _mm256_add_ps(a2, a3)),
                                         _mm256_add_ps(_mm256_add_ps(_mm256_add_ps(a4, a5), _mm256_add_ps(a6, a7)), _mm256_add_ps(a8, a9))));
    __asm__ volatile("" : : "r"(sink) : "memory");
    return (double)n * 10 * 8;
}

/// Sixteen independent FMA chains on zmm.
__attribute__((target("avx512f")))
static double fma_avx512(long n, int level) {
    (void)level;
    __m512 b = _mm512_set1_ps(0.999999f), c = _mm512_set1_ps(1e-6f);
    __asm__ volatile("" : "+v"(b), "+v"(c));
    __m512 a[16];
    for (int j = 0; j < 16; j++) a[j] = b;
    for (long i = 0; i < n; i++)
        for (int j = 0; j < 16; j++) a[j] = _mm512_fmadd_ps(a[j], b, c);
    __m512 s = a[0];
    for (int j = 1; j < 16; j++) s = _mm512_add_ps(s, a[j]);
    float sink[16];
    _mm512_storeu_ps(sink, s);
    __asm__ volatile("" : : "r"(sink) : "memory");
    return (double)n * 16 * 16;
}
#endif

/// The portable build's best: twelve independent multiply-then-add chains
/// of four lanes (the compiler's generic vectors: SSE2 on x86-64).
typedef float fk_v4 __attribute__((vector_size(16)));
static double fma_portable(long n, int level) {
    (void)level;
    // Read through volatile so the compiler cannot fold the chains to their fixed point.
    volatile float vb = 0.999999f, vc = 1e-6f;
    float bs = vb, cs = vc;
    fk_v4 b = {bs, bs, bs, bs}, c = {cs, cs, cs, cs};
    fk_v4 a0 = b, a1 = b, a2 = b, a3 = b, a4 = b, a5 = b, a6 = b, a7 = b, a8 = b, a9 = b, a10 = b, a11 = b;
    for (long i = 0; i < n; i++) {
        a0 = a0 * b + c; a1 = a1 * b + c; a2 = a2 * b + c; a3 = a3 * b + c; a4 = a4 * b + c; a5 = a5 * b + c;
        a6 = a6 * b + c; a7 = a7 * b + c; a8 = a8 * b + c; a9 = a9 * b + c; a10 = a10 * b + c; a11 = a11 * b + c;
    }
    fk_v4 s = ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)) + ((a8 + a9) + (a10 + a11));
    volatile float sink = s[0] + s[1] + s[2] + s[3];
    (void)sink;
    return (double)n * 48;
}

double fk_measure_fma_rate(int level, double seconds) {
    int run = fk_f32_kernel(level);
#if defined(__x86_64__)
    if (run == FK_AVX512) return rate(fma_avx512, 1 << 10, run, seconds);
    if (run == FK_AVX2) return rate(fma_avx2, 1 << 10, run, seconds);
#endif
    return rate(fma_portable, 1 << 10, run, seconds);
}

#if defined(__x86_64__)
/// Eight independent vpmaddubsw → vpmaddwd → vpaddd chains (32 multiply-adds
/// each); the empty asm makes the operands look new every pass so the
/// products cannot be hoisted out of the loop.
__attribute__((target("avx2")))
static double i8_avx2(long n, int level) {
    (void)level;
    __m256i t0 = _mm256_set1_epi8(3), t1 = _mm256_set1_epi8(5), b = _mm256_set1_epi8(-7), ones = _mm256_set1_epi16(1);
    __m256i a0 = _mm256_setzero_si256(), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
    for (long i = 0; i < n; i++) {
        __asm__ volatile("" : "+x"(t0), "+x"(t1), "+x"(b));
        a0 = _mm256_add_epi32(a0, _mm256_madd_epi16(_mm256_maddubs_epi16(t0, b), ones));
        a1 = _mm256_add_epi32(a1, _mm256_madd_epi16(_mm256_maddubs_epi16(t1, b), ones));
        a2 = _mm256_add_epi32(a2, _mm256_madd_epi16(_mm256_maddubs_epi16(t0, t1), ones));
        a3 = _mm256_add_epi32(a3, _mm256_madd_epi16(_mm256_maddubs_epi16(t1, t0), ones));
        a4 = _mm256_add_epi32(a4, _mm256_madd_epi16(_mm256_maddubs_epi16(b, t0), ones));
        a5 = _mm256_add_epi32(a5, _mm256_madd_epi16(_mm256_maddubs_epi16(b, t1), ones));
        a6 = _mm256_add_epi32(a6, _mm256_madd_epi16(_mm256_maddubs_epi16(t0, t0), ones));
        a7 = _mm256_add_epi32(a7, _mm256_madd_epi16(_mm256_maddubs_epi16(t1, t1), ones));
    }
    int32_t sink[8];
    _mm256_storeu_si256((__m256i *)sink, _mm256_add_epi32(_mm256_add_epi32(_mm256_add_epi32(a0, a1), _mm256_add_epi32(a2, a3)),
                                                          _mm256_add_epi32(_mm256_add_epi32(a4, a5), _mm256_add_epi32(a6, a7))));
    __asm__ volatile("" : : "r"(sink) : "memory");
    return (double)n * 8 * 32;
}

/// Twelve independent vpdpbusd chains on ymm (AVX-VNNI).
__attribute__((target("avx2,avxvnni")))
static double i8_avxvnni(long n, int level) {
    (void)level;
    __m256i t = _mm256_set1_epi8(3), b = _mm256_set1_epi8(-7), a[12];
    for (int j = 0; j < 12; j++) a[j] = _mm256_setzero_si256();
    for (long i = 0; i < n; i++) {
        __asm__ volatile("" : "+x"(t), "+x"(b));
        for (int j = 0; j < 12; j++) a[j] = _mm256_dpbusd_avx_epi32(a[j], t, b);
    }
    __m256i s = a[0];
    for (int j = 1; j < 12; j++) s = _mm256_add_epi32(s, a[j]);
    int32_t sink[8];
    _mm256_storeu_si256((__m256i *)sink, s);
    __asm__ volatile("" : : "r"(sink) : "memory");
    return (double)n * 12 * 32;
}

/// Sixteen independent vpdpbusd chains on zmm.
__attribute__((target("avx512f,avx512bw,avx512vnni")))
static double i8_avx512(long n, int level) {
    (void)level;
    __m512i t = _mm512_set1_epi8(3), b = _mm512_set1_epi8(-7), a[16];
    for (int j = 0; j < 16; j++) a[j] = _mm512_setzero_si512();
    for (long i = 0; i < n; i++) {
        __asm__ volatile("" : "+v"(t), "+v"(b));
        for (int j = 0; j < 16; j++) a[j] = _mm512_dpbusd_epi32(a[j], t, b);
    }
    __m512i s = a[0];
    for (int j = 1; j < 16; j++) s = _mm512_add_epi32(s, a[j]);
    int32_t sink[16];
    _mm512_storeu_si512((void *)sink, s);
    __asm__ volatile("" : : "r"(sink) : "memory");
    return (double)n * 16 * 64;
}
#endif

/// The portable int8 kernel's inner step, vectorised by the compiler.
static double i8_portable(long n, int level) {
    (void)level;
    int32_t a[32] = {0};
    uint8_t t[128];
    int8_t p[4] = {3, -5, 7, -9};
    for (int j = 0; j < 128; j++) t[j] = (uint8_t)(j * 7);
    for (long i = 0; i < n; i++) {
        __asm__ volatile("" : : "r"(t), "r"(p) : "memory");
        for (int l = 0; l < 32; l++) a[l] += t[l * 4] * p[0] + t[l * 4 + 1] * p[1] + t[l * 4 + 2] * p[2] + t[l * 4 + 3] * p[3];
    }
    int32_t s = 0;
    for (int l = 0; l < 32; l++) s += a[l];
    __asm__ volatile("" : : "r"(&s) : "memory");
    return (double)n * 128;
}

double fk_measure_i8_rate(int level, double seconds) {
    int run = fk_i8_kernel(level);
#if defined(__x86_64__)
    if (run == FK_AVX512) return rate(i8_avx512, 1 << 10, run, seconds);
    if (run == FK_AVX2) return rate(fk_i8_has_avxvnni() ? i8_avxvnni : i8_avx2, 1 << 10, run, seconds);
#endif
    return rate(i8_portable, 1 << 10, run, seconds);
}

#if defined(__x86_64__)
/// Four 32-byte loads per 128 bytes into four independent chains: as many
/// loads in flight as the scan kernels have.
__attribute__((target("avx2")))
static double read_once_avx2(const void *buffer, size_t bytes) {
    const __m256i *w = buffer;
    size_t n = bytes / 32;
    __m256i s0 = _mm256_setzero_si256(), s1 = s0, s2 = s0, s3 = s0;
    for (size_t i = 0; i + 4 <= n; i += 4) {
        s0 = _mm256_add_epi64(s0, _mm256_loadu_si256(w + i));
        s1 = _mm256_add_epi64(s1, _mm256_loadu_si256(w + i + 1));
        s2 = _mm256_add_epi64(s2, _mm256_loadu_si256(w + i + 2));
        s3 = _mm256_add_epi64(s3, _mm256_loadu_si256(w + i + 3));
    }
    int64_t sink[4];
    _mm256_storeu_si256((__m256i *)sink, _mm256_xor_si256(_mm256_xor_si256(s0, s1), _mm256_xor_si256(s2, s3)));
    __asm__ volatile("" : : "r"(sink) : "memory");
    return (double)(n / 4 * 4 * 32);
}
#endif

static double read_once(const void *buffer, size_t bytes) {
#if defined(__x86_64__)
    if (fk_f32_kernel(FK_AVX2) >= FK_AVX2) return read_once_avx2(buffer, bytes);
#endif
    const uint64_t *w = buffer;
    size_t n = bytes / 8;
    uint64_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (size_t i = 0; i + 4 <= n; i += 4) { s0 += w[i]; s1 += w[i + 1]; s2 += w[i + 2]; s3 += w[i + 3]; }
    uint64_t s = s0 ^ s1 ^ s2 ^ s3;
    __asm__ volatile("" : : "r"(s));
    return (double)(n / 4 * 4 * 8);
}

double fk_measure_read_bandwidth(const void *buffer, size_t bytes, int repeats) {
    double best = 0;
    for (int r = 0; r < (repeats < 1 ? 1 : repeats); r++) {
        double t0 = now(), b = read_once(buffer, bytes), t = now() - t0;
        if (t > 0 && b / t > best) best = b / t;
    }
    return best;
}
