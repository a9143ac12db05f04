import ArgumentParser
import Foundation
import MSPApplication
import MSPDomain

extension MSP {
    /// `msp register`: record a note verbale or letter.
    struct Register: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "register",
            abstract: "Record a note verbale or letter: a delegation's registration, or an amendment of it.",
            discussion: """
                A State is found by UN short name, alias or ISO code; its category comes from the convention's records on \
                the meeting's opening day. A new organization needs --category the first time. A second note for the same \
                delegation amends it: the list of participants shows the newest composition. A late note is recorded and \
                flagged. Once the meeting has closed, --received is required (left out, the note would be received now); \
                a note received more than \(RegistrationDesk.doubtfulDaysAfterDeadline) days after the deadline is recorded \
                with a warning on standard error.

                A participant (--head, --alternate, --adviser) is "name; function; gender; e-mail", separated by \
                semicolons; every part after the name may be left out, or left empty in the middle ("Ms. Kim; ; female"). \
                Commas stay inside their part. Gender is \(Gender.acceptedWords). An honorific that says the \
                contrary of the gender ("Ms." and male) is refused. Honorifics at the start of the name are \
                kept apart and written as UN lists write them ("h.e. ms kim" is "H.E. Ms." Kim).

                Example: msp register --delegation Uganda --received 2017-08-15T10:30:00+02:00 --reference "Note 45/2017" \
                --channel email --head "H.E. Mr. John Doe; Ambassador, Permanent Representative; male; doe@mission.example" \
                --alternate "Ms. Jane Roe; First Secretary; female" --adviser "Mr. Sam Poe"
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var meetingOption: MeetingOption

        @Option(help: ArgumentHelp("The State or organization: name, alias, acronym or ISO code.", valueName: "name"))
        var delegation: String?

        @Option(
            help: ArgumentHelp(
                "When the note was received: 2017-08-15T10:30:00+02:00, 2017-08-15T10:30 (venue time) or 2017-08-15 (start of that day at the venue). Default: now, until the meeting has closed; required after.",
                valueName: "when"))
        var received: String?

        @Option(help: ArgumentHelp("The note's own reference, e.g. \"Note 45/2017\".", valueName: "ref"))
        var reference: String?

        @Option(help: ArgumentHelp("How the note arrived: email, post, hand or fax.", valueName: "channel"))
        var channel: String?

        @Option(
            help: ArgumentHelp(
                "For a new organization: international_organization or civil_society.", valueName: "category"))
        var category: String?

        @OptionGroup var participants: ParticipantOptions

        @Flag(
            name: .customLong("new-organization"),
            help:
                "Confirm that the organization is new when its name or acronym is close to a known one's (otherwise refused with the known name)."
        )
        var newOrganization = false

        @Option(
            help: ArgumentHelp(
                "Read the note from a JSON file (- for standard input) instead of the options above.",
                valueName: "submission.json"))
        var file: String?

        @Flag(
            name: .customLong("not-a-duplicate"),
            help:
                "Record a note that looks like one recorded already: without a reference, with the participants of one recorded today; or with a reference that differs from a recorded note's only in case, spaces, punctuation or leading zeros, with its receipt time and participants."
        )
        var notADuplicate = false

        @Flag(name: .customLong("dry-run"), help: "Check the note and report; write nothing.")
        var dryRun = false

        init() {}

        func validate() throws {
            if file != nil {
                let given = [delegation, received, reference, channel, category].compactMap { $0 }
                if !given.isEmpty || !participants.isEmpty {
                    throw ValidationError(
                        "--file cannot be combined with --delegation, --received, --reference, --channel, --category, --head, --alternate or --adviser"
                    )
                }
            } else if delegation == nil {
                throw ValidationError("give --delegation NAME, or --file SUBMISSION.json")
            }
        }

        func run() throws {
            let (submission, source, scan) = try readSubmission()
            let recording: NoteRecording
            do {
                recording = try database.withDesk { desk in
                    try desk.register(
                        submission, meeting: meetingOption.meeting, dryRun: dryRun,
                        confirmedNotDuplicate: notADuplicate)
                }
            } catch var error as InputError where error.reason == .conflict && error.field == .participants {
                // A probable duplicate: the command line's way to confirm it is another note.
                error.message += " (--not-a-duplicate)"
                guard let source else { throw error }
                throw CommandFailure(
                    .dataError, Self.located(source, line: scan?.line(of: error.field), error.description))
            } catch let error as InputError
                where source != nil && (error.field != .meeting || submission.meeting != nil)
            {
                // A problem the file causes names the file, the line of the field and its JSON key path.
                throw CommandFailure(
                    .dataError, Self.located(source!, line: scan?.line(of: error.field), error.description))
            }
            // A dry run wrote nothing: it names no database.
            recording.dryRun ? print(Self.report(recording)) : database.confirm(Self.report(recording))
            MSP.warn(recording.warning)
        }

        /// `FILE:LINE: problem`, or `FILE: problem` when there is no line.
        static func located(_ file: String, line: Int?, _ problem: String) -> String {
            line.map { "\(file):\($0): \(problem)" } ?? "\(file): \(problem)"
        }

        func readSubmission() throws -> (Submission, String?, JSONScan?) {
            guard let file else {
                let participants = try self.participants.entries()
                return (
                    Submission(
                        meeting: meetingOption.meeting, delegation: delegation, category: category,
                        reference: reference, receivedAt: received, channel: channel,
                        participants: participants, newOrganization: newOrganization), nil, nil
                )
            }
            let data = try InputFile.read(file)
            let name = file == "-" ? "<stdin>" : file
            do {
                var (submission, scan) = try SubmissionJSON.decodeScanned(data)
                if newOrganization { submission.newOrganization = true }
                return (submission, name, scan)
            } catch let error as JSONInputError {
                throw CommandFailure(.dataError, Self.located(name, line: error.line, error.description))
            }
        }

        static func report(_ recording: NoteRecording) -> String {
            let meeting = recording.meeting
            let zone = meeting.timeZone
            var text = recording.dryRun ? "Dry run, nothing written: would record " : "Recorded "
            text +=
                "\(recording.kind.rawValue) of \(recording.delegation) (\(recording.category.rawValue)) for \(meeting.code)"
            if let reference = recording.reference { text += ", note \(reference)" }
            text += ", " + Counted.phrase(recording.participantCount, "participant")
            text += ", received \(zone.format(recording.receipt.instant))"
            if recording.receipt.precision == .date { text += " (date only: start of the day)" }
            switch recording.lateness {
            case .onTime:
                text += ": on time."
            case .late(let seconds):
                text +=
                    ".\nLATE: received \(recording.lateness) after the deadline (\(seconds) s after \(zone.format(meeting.deadline.closesAt))); recorded for the secretariat to decide."
            case .lateByDays:
                text +=
                    ".\nLATE: received \(recording.lateness) after the deadline (\(MeetingText.deadline(meeting))); recorded for the secretariat to decide."
            }
            return text
        }
    }
}

/// Reading an input file or standard input; a missing file is exit status 66. Whatever can be read is read, not
/// only regular files: `--file /dev/stdin`, `--file <(...)`, a FIFO.
enum InputFile {
    static func read(_ path: String) throws -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandFailure(.noInput, "\(path): no such file")
        }
        guard !isDirectory.boolValue else { throw CommandFailure(.noInput, "\(path): is a folder, not a file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CommandFailure(.noInput, "\(path): cannot be read: \(String(cString: strerror(errno)))")
        }
        defer { try? handle.close() }
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw CommandFailure(.ioError, "\(path): cannot be read: \(error.localizedDescription)")
        }
    }
}
