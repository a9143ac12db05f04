import CMallocTuning
import Foundation
import MSPCommands
import MSPServer

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

_ = msp_tune_malloc()
// `msp serve`: the web portal, which the command line's library does not link.
MSP.portal = { run in
    try await Portal.serve(
        databasePath: run.databasePath,
        configuration: PortalConfiguration(host: run.host, port: run.port, baseURL: run.baseURL), mail: run.mail,
        mailReport: run.report, onListening: run.onListening)
}
exit(MSP.runCommandLine())
