import CMallocTuning
import MSPCommands

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

msp_tune_malloc()
exit(MSP.run(arguments: Array(CommandLine.arguments.dropFirst())))
