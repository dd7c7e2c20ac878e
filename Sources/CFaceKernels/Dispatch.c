// Which kernel runs: the CPU's features, capped by VIGIA_FACE_KERNEL.
#include "Internal.h"
#include <stdlib.h>

/// The highest level the environment allows (FK_AVX512 when unset).
static int environment_cap(void) {
    const char *v = getenv("VIGIA_FACE_KERNEL");
    if (v == NULL) return FK_AVX512;
    if (strcmp(v, "generic") == 0 || strcmp(v, "portable") == 0) return FK_PORTABLE;
    if (strcmp(v, "avx2") == 0) return FK_AVX2;
    return FK_AVX512;
}

static int cpu_f32_level(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) return FK_AVX512;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return FK_AVX2;
#endif
    return FK_PORTABLE;
}

static int cpu_i8_level(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vnni"))
        return FK_AVX512;
    if (__builtin_cpu_supports("avx2")) return FK_AVX2;
#endif
    return FK_PORTABLE;
}

int fk_i8_has_avxvnni(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avxvnni");
#else
    return 0;
#endif
}

static int choose(int requested, int cpu) {
    int level = requested < 0 ? FK_AVX512 : requested;
    int cap = environment_cap();
    if (level > cap) level = cap;
    if (level > cpu) level = cpu;
    return level;
}

int fk_f32_kernel(int requested) { return choose(requested, cpu_f32_level()); }
int fk_i8_kernel(int requested) { return choose(requested, cpu_i8_level()); }

const char *fk_kernel_name(int level, int int8) {
    if (!int8) return level == FK_AVX512 ? "avx512f" : level == FK_AVX2 ? "avx2-fma" : "portable";
    if (level == FK_AVX512) return "avx512-vnni";
    if (level == FK_AVX2) return fk_i8_has_avxvnni() ? "avx-vnni" : "avx2";
    return "portable";
}
