#if canImport(Glibc)
import Glibc
#endif
import MSPCommands

#if canImport(Glibc)
// glibc's mallopt(3), which Swift's Glibc module does not export (it lives in <malloc.h>).
@_silgen_name("mallopt") func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
let M_TRIM_THRESHOLD: Int32 = -1, M_TOP_PAD: Int32 = -2, M_MMAP_THRESHOLD: Int32 = -3

// Keep freed memory in the process instead of handing it back to the kernel after every large free: an import
// allocates and frees the same few megabytes thousands of times, and glibc's default trimming turned that into
// hundreds of thousands of page faults.
_ = mallopt(M_TRIM_THRESHOLD, 64 << 20)
_ = mallopt(M_TOP_PAD, 16 << 20)
_ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
#endif

exit(MSP.run(arguments: Array(CommandLine.arguments.dropFirst())))
