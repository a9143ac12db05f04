import CMallocTuning
import MSPCommands

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

_ = msp_tune_malloc()
exit(MSP.runCommandLine())
