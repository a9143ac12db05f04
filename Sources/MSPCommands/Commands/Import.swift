import ArgumentParser
import Foundation
import MSPApplication
import MSPDomain

extension MSP {
    /// `msp import`: registrations in bulk, from a spreadsheet export or a JSON file.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import registrations in bulk from CSV or JSON, all or nothing.",
            discussion: """
                CSV (RFC 4180, UTF-8, header row): one row per participant, columns \
                delegation,category,reference,received_at,channel,role,title,name,function,gender,email; consecutive \
                rows with the same delegation and reference form one note. JSON: an array of submissions in the \
                'msp register --file' format, or one submission per line. Every note is checked as 'msp register' \
                checks it; if any is wrong, every problem is reported (the first 50, then a count) and nothing is \
                written.

                Example: msp import registrations.csv --meeting 7MSP
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var meetingOption: MeetingOption

        @Argument(help: ArgumentHelp("The file to import, or - for standard input.", valueName: "file"))
        var file: String

        @Option(help: "csv or json (default: from the file's extension; csv for standard input).")
        var format: ImportFormat?

        @Flag(name: .customLong("dry-run"), help: "Check everything and report; write nothing.")
        var dryRun = false

        init() {}

        enum ImportFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
            case csv, json
        }

        var resolvedFormat: ImportFormat {
            if let format { return format }
            let lower = file.lowercased()
            return lower.hasSuffix(".json") || lower.hasSuffix(".ndjson") || lower.hasSuffix(".jsonl") ? .json : .csv
        }

        func run() throws {
            let name = file == "-" ? "<stdin>" : file
            // Stopped before its one transaction is committed, an import has written nothing, and says so.
            Interruption.arm("the import of \(name) was interrupted: nothing was written")
            let given: Int32
            if file == "-" {
                given = FileHandle.standardInput.fileDescriptor
            } else {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
                    throw CommandFailure(.noInput, "\(file): no such file")
                }
                guard !isDirectory.boolValue else { throw CommandFailure(.noInput, "\(file): is a folder, not a file") }
                given = open(file, O_RDONLY | O_CLOEXEC)
                guard given >= 0 else {
                    throw CommandFailure(.noInput, "\(file): cannot be read: \(String(cString: strerror(errno)))")
                }
            }
            defer { if file != "-" { close(given) } }
            // Input that is still coming (a pipe, a terminal, a device) is read whole first: the database's write
            // lock is never held while msp waits for it.
            let (fd, size, spooled) = try InputSpool.readable(given, name: name)
            defer { if spooled { close(fd) } }

            let bar = ProgressBar(total: size)
            let started = Date()
            let report: ImportReport = try database.withDesk { desk in
                let origin = "import of \(name)"
                do {
                    // The meeting first: a missing meeting is reported before the file is read.
                    let meeting = try desk.meeting(code: meetingOption.meeting).meeting.code
                    switch resolvedFormat {
                    case .csv:
                        let source = try CSVSubmissionSource(reader: CSVRecordReader(fileDescriptor: fd))
                        return try desk.importNotes(
                            from: source, meeting: meeting, origin: origin, dryRun: dryRun,
                            progress: bar.update)
                    case .json:
                        let source = try JSONSubmissionSource(fileDescriptor: fd)
                        return try desk.importNotes(
                            from: source, meeting: meeting, origin: origin, dryRun: dryRun,
                            progress: bar.update)
                    }
                } catch let problem as ImportProblem {
                    throw CommandFailure(.dataError, problem.located(in: name))
                }
            }
            Interruption.disarm()
            bar.finish()
            let seconds = Date().timeIntervalSince(started)
            if report.problemCount > 0 {
                var lines = report.problems.map { "msp: \(MSP.visible($0.located(in: name)))" }
                if report.problemCount > report.problems.count {
                    lines.append("msp: \(name): \(report.problemCount - report.problems.count) more problems not shown")
                }
                lines.append(
                    "msp: \(name): \(Counted.phrase(report.problemCount, "problem")) in \(report.rows) rows; nothing was imported"
                )
                FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
                throw ExitCode(ExitStatus.dataError.rawValue)
            }
            let verb = dryRun ? "Dry run, nothing written: would import" : "Imported"
            func count(_ n: Int, _ noun: String) -> String { Counted.phrase(n, noun) }
            var summary = "\(verb) \(count(report.notes, "note")) (\(count(report.registrations, "registration")), "
            summary +=
                "\(count(report.amendments, "amendment"))) for \(count(report.delegations.count, "delegation")), "
            summary += "\(count(report.participants, "participant")), \(count(report.lateNotes, "late note"))"
            if report.newOrganizations > 0 { summary += ", \(count(report.newOrganizations, "new organization"))" }
            summary += ", from \(name) in \(String(format: "%.2f", seconds)) s."
            // A dry run wrote nothing: it names no database.
            dryRun ? print(summary) : database.confirm(summary)
        }
    }
}
