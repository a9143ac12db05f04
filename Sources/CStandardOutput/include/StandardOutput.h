#ifndef MSP_STANDARD_OUTPUT_H
#define MSP_STANDARD_OUTPUT_H

/// Flushes C's standard output stream and tells whether any write to it failed since the program started: 0 when
/// every byte went out, else the errno of the failure. (Swift's `print` writes through this stream; Swift 6 cannot
/// name C's `stdout` variable.)
int msp_flush_standard_output(void);

#endif
