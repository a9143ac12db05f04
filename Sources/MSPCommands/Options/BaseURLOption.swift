import ArgumentParser
import Foundation
import MSPApplication
import MSPDomain

/// `--base-url URL`: where the focal points' portal is, for the links `focal-point add` and `reissue` print.
struct BaseURLOption: ParsableArguments {
    @Option(
        name: .customLong("base-url"),
        help: ArgumentHelp(
            "The portal's address, at the start of the link.",
            discussion: "Without it: the MSP_BASE_URL environment variable, else \(FocalPointLink.defaultBase).",
            valueName: "url"))
    var baseURL: String?

    init() {}

    /// The base in force, checked (before the database is opened): the option, else MSP_BASE_URL, else the default.
    func checkedBase() throws -> String {
        if let baseURL { return try FocalPointLink.checkedBase(baseURL) }
        if let env = ProcessInfo.processInfo.environment["MSP_BASE_URL"], !env.isEmpty {
            do {
                return try FocalPointLink.checkedBase(env)
            } catch var error as InputError {
                error.message += " (from MSP_BASE_URL)"
                throw error
            }
        }
        return FocalPointLink.defaultBase
    }
}
