#include "MallocTuning.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

void msp_tune_malloc(void) {
#if defined(__GLIBC__)
    // An import allocates and frees the same few megabytes thousands of times; glibc's default trimming turned
    // that into hundreds of thousands of page faults.
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    mallopt(M_TOP_PAD, 16 << 20);
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
}
