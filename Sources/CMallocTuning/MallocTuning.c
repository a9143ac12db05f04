#include "MallocTuning.h"

// <stdlib.h> first: it is what defines __GLIBC__ (through <features.h>). Tested before any C library header,
// __GLIBC__ was never defined and this function was empty from the day it was written.
#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

int msp_tune_malloc(void) {
    int applied = 0;
#if defined(__GLIBC__)
    // An import allocates and frees the same few megabytes thousands of times; glibc's default trimming turned
    // that into hundreds of thousands of page faults, and thousands of brk calls each flushing the other cores'
    // address translations.
    applied += mallopt(M_TRIM_THRESHOLD, 64 << 20);
    applied += mallopt(M_TOP_PAD, 16 << 20);
    applied += mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
    return applied;
}
