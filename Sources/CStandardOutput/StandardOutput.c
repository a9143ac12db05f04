#include "StandardOutput.h"

#include <errno.h>
#include <stdio.h>

int msp_flush_standard_output(void) {
    errno = 0;
    int flushed = fflush(stdout);
    if (flushed != 0 || ferror(stdout)) {
        return errno != 0 ? errno : EIO;
    }
    return 0;
}
