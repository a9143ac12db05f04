import Foundation
import MSPApplication
import MSPDocuments
import MSPDomain
import Testing

@testable import MSPCommands
@testable import MSPServer

/// Each report is worded once: the command line and the portal print the same headings and the same words from the
/// same data.
@Suite struct PresentationTests {
    /// The text of each cell of each row of the table `id` on `page`, its HTML entities read back.
    static func cells(of id: String, in page: String) throws -> (headings: [String], rows: [[String]]) {
        let start = try #require(page.range(of: #"id="\#(id)""#))
        let table = page[start.upperBound...].prefix { _ in true }
        let end = try #require(table.range(of: "</table>"))
        let html = String(table[..<end.lowerBound])
        func texts(_ tag: String, in text: String) -> [String] {
            let pattern = try! NSRegularExpression(
                pattern: "<\(tag)[^>]*>(.*?)</\(tag)>", options: [.dotMatchesLineSeparators])
            return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
                unescape(String(text[Range($0.range(at: 1), in: text)!]))
            }
        }
        let rows = texts("tr", in: html)
        return (texts("th", in: rows.first ?? ""), rows.dropFirst().map { texts("td", in: $0) })
    }

    static func unescape(_ html: String) -> String {
        html.replacingOccurrences(of: "<bdi>", with: "").replacingOccurrences(of: "</bdi>", with: "")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// A delegation's history with a record of every kind a clerk meets: a late note, a correction, a decision,
    /// credentials, and a focal point's link issued and re-issued.
    @Test func historyReadsTheSameAtTheCommandLineAndOnThePortal() async throws {
        let desk = try Portal7MSP.desk()
        let kenya = try #require(try desk.lateNotes().notes.first { $0.delegation == "Kenya" }?.number)
        _ = try desk.correct(
            CorrectionRequest(
                note: kenya, reason: "Name misspelt",
                participants: .list([.init(role: "head", name: "Ms. Wanjiru Kamau-Otieno")], wholeList: false)))
        _ = try desk.decide(DecisionRequest(note: kenya, outcome: .accepted, reason: "Sent on time by the mission"))
        _ = try desk.recordCredentials(
            CredentialsRequest(delegation: "Kenya", kind: .noteVerbale, receivedAt: "2017-09-04"))
        _ = try desk.addFocalPoint(FocalPointRequest(delegation: "Kenya", email: "focal@ke.example"))
        _ = try desk.reissueFocalPoint(FocalPointReissue(delegation: "Kenya", email: "new@ke.example"))
        let history = try desk.history(delegation: "Kenya")
        #expect(history.entries.count == 6)
        let commandLine = HistoryReport.table(history.entries, zone: history.meeting.timeZone)

        let page = try await Portal7MSP.test(desk: desk) { client in
            let browser = Browser(client)
            _ = try await browser.signIn("reader")
            return try await browser.get("/meetings/7MSP/history?delegation=Kenya").text
        }
        let portal = try Self.cells(of: "history", in: page)
        // The same columns, headed for each reader.
        #expect(portal.headings == HistoryLine.headings)
        #expect(HistoryLine.headings.count == HistoryLine.columns.count)
        // The same words in every cell: the command line's table is the portal's cells laid out as a table.
        #expect(portal.rows.count == history.entries.count)
        #expect(TextTable.render(header: HistoryLine.columns, rows: portal.rows) == commandLine)
        #expect(commandLine.contains("late note accepted") && commandLine.contains("credentials: note_verbale"))
    }

    /// The late notes read the same in `msp list-late`'s table and on the portal's late-notes page: the same columns
    /// (headed for each reader) and the same words in every cell, a decided note's decision among them.
    @Test func lateNotesReadTheSameAtTheCommandLineAndOnThePortal() async throws {
        let desk = try Portal7MSP.desk()
        let kenya = try #require(try desk.lateNotes().notes.first { $0.delegation == "Kenya" }?.number)
        _ = try desk.decide(DecisionRequest(note: kenya, outcome: .accepted, reason: "Sent on time by the mission"))
        // A second late note, left pending.
        try desk.register(
            Submission(
                meeting: "7MSP", delegation: "Norway", reference: "N 7", receivedAt: "2017-08-25T10:00",
                participants: [.init(role: "head", name: "Ms. Anna First")]))
        let (meeting, notes) = try desk.lateNotes()
        #expect(notes.count >= 2)
        let commandLine = LateNotesReport.table(notes, zone: meeting.timeZone)
        let page = try await Portal7MSP.test(desk: desk) { client in
            let browser = Browser(client)
            _ = try await browser.signIn("reader")
            return try await browser.get("/meetings/7MSP/late-notes").text
        }
        let portal = try Self.cells(of: "late-notes", in: page)
        #expect(portal.headings == LateNoteLine.headings)
        #expect(LateNoteLine.headings.count == LateNoteLine.columns.count)
        #expect(portal.rows.count == notes.count)
        #expect(TextTable.render(header: LateNoteLine.columns, rows: portal.rows) == commandLine)
        #expect(commandLine.contains("accepted by ") && commandLine.contains("pending"))
    }

    /// The delegations read the same in `msp delegations`'s table and on the portal's delegations page: the same
    /// columns (the page adds the focal point's), the same words in every cell, a withdrawn and a late one among them.
    @Test func delegationsReadTheSameAtTheCommandLineAndOnThePortal() async throws {
        let desk = try Portal7MSP.desk()
        _ = try desk.withdraw(WithdrawalRequest(delegation: "Uganda", receivedAt: "2017-09-01", reference: "UG 9"))
        let (meeting, overviews) = try desk.delegations()
        #expect(overviews.contains { $0.withdrawn } && overviews.contains { $0.isLate })
        let commandLine = DelegationsReport.table(overviews, zone: meeting.timeZone)
        let page = try await Portal7MSP.test(desk: desk) { client in
            let browser = Browser(client)
            _ = try await browser.signIn("reader")
            return try await browser.get("/meetings/7MSP/delegations").text
        }
        let portal = try Self.cells(of: "delegations", in: page)
        #expect(portal.headings == DelegationLine.headings + ["Focal point"])
        #expect(DelegationLine.headings.count == DelegationLine.columns.count)
        let link = try NSRegularExpression(pattern: "</?a[^>]*>")
        let rows = portal.rows.map { row in
            row.dropLast().map {
                link.stringByReplacingMatches(in: $0, range: NSRange($0.startIndex..., in: $0), withTemplate: "")
            }
        }
        #expect(rows.count == overviews.count)
        #expect(TextTable.render(header: DelegationLine.columns, rows: rows) == commandLine)
        #expect(commandLine.contains("withdrawn") && commandLine.contains(" pending, "))
    }

    /// The credentials report's four lists carry the same titles, counts and States in `msp credentials report`
    /// (table, HTML, PDF and workbook are written from one `sections`) and on the portal's page.
    @Test func theCredentialsReportReadsTheSameAtTheCommandLineAndOnThePortal() async throws {
        let desk = try Portal7MSP.desk()
        // Norway, a State Party; Uganda and Kenya were signatories on the opening day.
        try desk.register(
            Submission(
                meeting: "7MSP", delegation: "Norway", reference: "N 1", receivedAt: "2017-08-10",
                participants: [.init(role: "head", name: "Ms. Anna First")]))
        _ = try desk.recordCredentials(
            CredentialsRequest(delegation: "Norway", kind: .original, receivedAt: "2017-09-04"))
        let (meeting, report) = try desk.credentialsReport()
        let commandLine = CredentialsDocument.table(CredentialsDocument(report, meeting: meeting))
        let page = try await Portal7MSP.test(desk: desk) { client in
            let browser = Browser(client)
            _ = try await browser.signIn("reader")
            return try await browser.get("/meetings/7MSP/credentials").text
        }
        let headings = try NSRegularExpression(pattern: "<h2>(.*?)</h2>").matches(
            in: page, range: NSRange(page.startIndex..., in: page)
        ).map { Self.unescape(String(page[Range($0.range(at: 1), in: page)!])) }
        let titles = commandLine.split(separator: "\n").filter { $0.hasSuffix("):") }.map { String($0.dropLast()) }
        #expect(titles.count == 4)
        #expect(headings == titles)
        #expect(titles.first == "States Parties that presented formal credentials (1)")
    }

    /// A submission's standing reads the same at `msp submission show`, on the secretariat's queue and page, and (but
    /// for who decided) on the focal point's page.
    @Test func aSubmissionsStandingReadsTheSameEverywhere() async throws {
        let (desk, uganda, _) = try SubmissionPortalTests.desk()
        let submitted = try desk.submit(
            token: uganda,
            request: NoteSubmissionRequest(
                reference: "Note 46/2017", participants: [.init(role: "head", name: "Ms. Grace Akello")],
                pdf: SubmissionPortalTests.pdf))
        _ = try desk.acceptSubmission(id: submitted.id)
        let (submission, _) = try desk.submission(id: submitted.id)
        let shown = try SubmissionReport.show(submission, format: .table)
        let status = try #require(shown.split(separator: "\n").first { $0.hasPrefix("Status:") })
        let standing = status.dropFirst("Status:".count).trimmingCharacters(in: .whitespaces)
        #expect(standing.hasPrefix("accepted by clerk ") && standing.contains("recorded as note"))
        let (queue, page, focalPoint) = try await Portal7MSP.test(desk: desk) { client in
            let browser = Browser(client)
            _ = try await browser.signIn("reader")
            return (
                try await browser.get("/meetings/7MSP/submissions").text,
                try await browser.get("/meetings/7MSP/submissions/\(submitted.id)?done=accepted").text,
                try await Browser(client).get("/focal-point/\(uganda)").text
            )
        }
        #expect(queue.contains(standing))
        #expect(page.contains(standing))
        #expect(focalPoint.contains(standing.replacingOccurrences(of: " by clerk", with: "")))
    }

    /// The statistics' breakdowns (participants by gender with their shares, notes by channel) have the same rows in
    /// `msp stats` and on the portal's statistics page.
    @Test func theStatisticsBreakDownTheSameAtTheCommandLineAndOnThePortal() async throws {
        let desk = try Portal7MSP.desk()
        let (meeting, stats) = try desk.statistics()
        let commandLine = StatisticsReport.table(stats, meeting: meeting)
        let page = try await Portal7MSP.test(desk: desk) { client in
            let browser = Browser(client)
            _ = try await browser.signIn("reader")
            return try await browser.get("/meetings/7MSP/statistics").text
        }
        let genders = try Self.cells(of: "by-gender", in: page).rows.map { Array($0.prefix(3)) }
        let channels = try Self.cells(of: "by-channel", in: page).rows.map { Array($0.prefix(2)) }
        #expect(genders.count == stats.genderCounts.count && channels.count == stats.channelCounts.count)
        #expect(commandLine.contains(TextTable.render(header: ["gender", "participants", "share"], rows: genders)))
        #expect(commandLine.contains(TextTable.render(header: ["channel", "notes"], rows: channels)))
    }

    /// One count of late notes, one definition: a withdrawal received after the deadline is a note and no late note,
    /// on the portal's statistics page, in `msp stats`' table and in its page of charts.
    @Test func theLateNotesAreOneCountOnThePortalAndInEveryFormat() async throws {
        let desk = try Portal7MSP.desk()
        _ = try desk.withdraw(WithdrawalRequest(delegation: "Uganda", receivedAt: "2017-08-25"))
        let (meeting, stats) = try desk.statistics()
        #expect(stats.notes == 3 && stats.lateNotes == 1)
        let page = try await Portal7MSP.test(desk: desk) { client in
            let browser = Browser(client)
            _ = try await browser.signIn("reader")
            return try await browser.get("/meetings/7MSP/statistics").text
        }
        #expect(page.contains("3 note(s) received, 1 of them late."))
        #expect(StatisticsReport.table(stats, meeting: meeting).contains("Notes: 3, of which late: 1 "))
        #expect(
            StatisticsHTML.render(stats, meeting: meeting).contains(
                ", of which 1 late note: registrations and amendments received after the deadline"))
    }
}
