#ifndef MSP_MALLOC_TUNING_H
#define MSP_MALLOC_TUNING_H

/// Keeps freed memory in the process instead of handing it back to the kernel after every large free (glibc's
/// mallopt(3), which Swift's Glibc module does not export: it lives in <malloc.h>). Returns how many settings took
/// effect: 3 with glibc, 0 on other C libraries, where it does nothing.
int msp_tune_malloc(void);

#endif
