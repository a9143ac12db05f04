import Foundation
import Testing

extension MSPRun.Result {
    /// The standard output as JSON.
    func json() throws -> Any {
        try JSONSerialization.jsonObject(with: Data(stdout.utf8))
    }
}

/// A command succeeded.
func expectSuccess(_ result: MSPRun.Result, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result.status == 0, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    // The notices a successful command gives: export-roster's count of late notes awaiting a decision, and what
    // --output wrote ("Wrote 1234 bytes of html to roster.html.").
    let notices = result.stderr.split(separator: "\n").filter {
        !$0.contains("await a decision") && !$0.contains("awaits a decision")
            && !($0.hasPrefix("Wrote ") && $0.contains(" of ") && $0.contains(" to ") && $0.hasSuffix("."))
    }
    #expect(notices.isEmpty, "\(result.stderr)", sourceLocation: sourceLocation)
}

/// A command failed as the contract says: the status, one line on standard error starting with `msp: `
/// that mentions `mention`, nothing on standard output.
func expectFailure(
    _ result: MSPRun.Result, status: Int32, mentioning mention: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(result.status == status, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stderr.hasPrefix("msp: "), "\(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stderr.hasSuffix("\n"), sourceLocation: sourceLocation)
    #expect(
        result.stderr.dropLast().contains("\n") == false, "more than one line: \(result.stderr)",
        sourceLocation: sourceLocation)
    #expect(result.stderr.contains(mention), "\(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stdout.isEmpty, "stdout: \(result.stdout)", sourceLocation: sourceLocation)
}

/// Fields of CSV text without quoted commas, line by line.
func csvRows(_ text: String) -> [[String]] {
    text.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" }).map {
        $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
}

extension MSPRun {
    /// The walkthrough's notes: Uganda on time, the Cluster Munition Coalition late, Germany from a file.
    func registerSampleNotes() throws {
        expectSuccess(
            try self(
                "register", "--delegation", "Uganda", "--received", "2017-08-15T10:30:00+02:00",
                "--reference", "Note 45/2017", "--channel", "email", "--head", "H.E. Mr. John Doe",
                "--alternate", "Ms. Jane Roe", "--adviser", "Mr. Sam Poe"))
        expectSuccess(
            try self(
                "register", "--delegation", "Cluster Munition Coalition", "--category", "civil_society",
                "--received", "2017-08-20", "--head", "Ms. A. Example"))
        try write(
            "germany.json",
            """
            {"meeting": "7MSP", "delegation": "Germany", "reference": "Note No. 112/2017",
             "received_at": "2017-07-20T09:15:00+02:00", "channel": "email",
             "participants": [
               {"role": "adviser", "name": "Mr. Jonas Schäfer", "function": "Legal Adviser"},
               {"role": "head", "name": "H.E. Mr. Michael Biontino", "function": "Ambassador, Permanent Representative"}]}
            """)
        expectSuccess(try self("register", "--file", "germany.json"))
    }
}
