#ifndef MSP_MALLOC_TUNING_H
#define MSP_MALLOC_TUNING_H

/// Keeps freed memory in the process instead of handing it back to the kernel after every large free (glibc's
/// mallopt(3), which Swift's Glibc module does not export: it lives in <malloc.h>). Does nothing on other C
/// libraries.
void msp_tune_malloc(void);

#endif
