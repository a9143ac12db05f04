import Foundation
import Testing

/// A session at the desk with the built msp: late notes decided on (`accept`, `decline`, `list-late`), the meeting's
/// choice for those awaiting a decision (`meeting set`, `export-roster`'s notice), corrections (`correct`, `void`,
/// `restore`, `undo`) as `history` shows them, and a note typed twice (`register --not-a-duplicate`).
@Suite struct DecisionCommandTests {
    /// The 7MSP with Norway on time (Ms. Anna First, "N 1"), then two late notes: Norway's amendment (Mr. B. Second,
    /// "N 2", 24 August 10:00) and Kenya's registration (Ms. A. Mwangi, "K 1/2017", 25 August).
    static func session() throws -> MSPRun {
        let msp = try MSPRun()
        try msp.add7MSP()
        expectSuccess(
            try msp(
                "register", "--delegation", "Norway", "--received", "2017-08-10", "--reference", "N 1", "--head",
                "Ms. Anna First"))
        let late = try msp(
            "register", "--delegation", "Kenya", "--received", "2017-08-25", "--reference", "K 1/2017", "--head",
            "Ms. A. Mwangi")
        expectSuccess(late)
        #expect(late.stdout.contains("LATE: received 7 days (date only) after the deadline"), "\(late.stdout)")
        expectSuccess(
            try msp(
                "register", "--delegation", "Norway", "--received", "2017-08-24T10:00", "--reference", "N 2",
                "--head", "Mr. B. Second"))
        return msp
    }

    /// Who runs msp here: the operating system's name for this process's user, which every change keeps.
    static let user: String = {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return "" }
        return String(cString: name)
    }()

    /// `list-late --format json`, rows by delegation.
    static func lateNotes(_ msp: MSPRun, _ arguments: String...) throws -> [[String: Any]] {
        let result = try msp.run(["list-late", "--format", "json"] + arguments)
        expectSuccess(result)
        return try #require(try result.json() as? [[String: Any]])
    }

    static func number(_ rows: [[String: Any]], _ delegation: String) throws -> Int {
        try #require(rows.first { $0["delegation"] as? String == delegation }?["note"] as? Int)
    }

    /// The roster as CSV rows (category, delegation, role, title, name, function), header left out.
    static func roster(_ msp: MSPRun) throws -> (rows: [[String]], stderr: String) {
        let result = try msp("export-roster", "--format", "csv")
        expectSuccess(result)
        return (Array(csvRows(result.stdout).dropFirst()), result.stderr)
    }

    @Test func lateNotesArePendingUntilAcceptedOrDeclinedWithWhoWhenAndWhy() throws {
        let msp = try Self.session()
        let pending = try Self.lateNotes(msp)
        #expect(pending.map { $0["delegation"] as? String } == ["Norway", "Kenya"])
        #expect(pending.allSatisfy { $0["decision"] as? String == "pending" })
        for key in ["decided_by", "decided_at", "decision_reason"] {
            #expect(pending.allSatisfy { $0[key] is NSNull }, "\(key)")
        }
        let kenya = try Self.number(pending, "Kenya")
        let norway = try Self.number(pending, "Norway")
        #expect(kenya != norway)
        // The table shows the number and the decision.
        let table = try msp("list-late")
        expectSuccess(table)
        let kenyaLine = try #require(table.stdout.split(separator: "\n").first { $0.contains("Kenya") })
        #expect(kenyaLine.hasPrefix("\(kenya) ") && kenyaLine.hasSuffix("pending"), "\(kenyaLine)")

        let accepted = try msp("accept", "\(kenya)", "--reason", "Delayed by the diplomatic pouch")
        expectSuccess(accepted)
        #expect(
            accepted.stdout
                == "Accepted late note \(kenya) of Kenya, K 1/2017 (late by 7 days (date only)): it counts in the list of participants (in \(msp.database)).\n"
        )
        let afterAccepting = try Self.lateNotes(msp)
        let row = try #require(afterAccepting.first { $0["delegation"] as? String == "Kenya" })
        #expect(row["note"] as? Int == kenya)
        #expect(row["decision"] as? String == "accepted")
        #expect(row["decided_by"] as? String == Self.user)
        #expect(row["decision_reason"] as? String == "Delayed by the diplomatic pouch")
        let decidedAt = try #require(row["decided_at"] as? String)
        #expect(decidedAt.contains(try Regex(#"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$"#)), "\(decidedAt)")
        let acceptedLine = try #require(
            try msp("list-late").stdout.split(separator: "\n").first { $0.contains("Kenya") })
        #expect(
            acceptedLine.contains("accepted by \(Self.user), ")
                && acceptedLine.hasSuffix(": Delayed by the diplomatic pouch"))
        // --pending leaves decided notes out.
        #expect(try Self.lateNotes(msp, "--pending").map { $0["delegation"] as? String } == ["Norway"])

        let declined = try msp("decline", "\(norway)", "--reason", "Received after the list was issued")
        expectSuccess(declined)
        #expect(declined.stdout.hasPrefix("Declined late note \(norway) of Norway, N 2 (late by 5 days 10 hours)"))
        #expect(declined.stdout.contains("it does not change the list of participants"))
        #expect(try Self.lateNotes(msp, "--pending").isEmpty)
        // A later decision replaces the earlier and says so.
        let again = try msp("accept", "\(norway)", "--reason", "On appeal")
        expectSuccess(again)
        #expect(again.stdout.contains("it was declined before"), "\(again.stdout)")
        #expect(try Self.lateNotes(msp).first { $0["note"] as? Int == norway }?["decision"] as? String == "accepted")
        let csv = try msp("list-late", "--format", "csv")
        expectSuccess(csv)
        #expect(
            csvRows(csv.stdout).first?.suffix(4) == ["decision", "decided_by", "decided_at", "decision_reason"])
    }

    @Test func theListFollowsTheDecisionsAndExportRosterSaysWhatAwaitsOne() throws {
        let msp = try Self.session()
        let numbers = try Self.lateNotes(msp)
        // Both late notes pending: the meeting includes them until declined, and export-roster says so.
        var (rows, notice) = try Self.roster(msp)
        #expect(rows.map { $0[4] } == ["B. Second", "A. Mwangi"])
        #expect(
            notice
                == "msp: 2 late notes await a decision (msp list-late --pending); the list includes them until they are declined\n"
        )
        expectSuccess(try msp("decline", "\(try Self.number(numbers, "Norway"))", "--reason", "Too late"))
        (rows, notice) = try Self.roster(msp)
        #expect(rows.map { $0[4] } == ["Anna First", "A. Mwangi"])
        #expect(notice.hasPrefix("msp: 1 late note awaits a decision (msp list-late --pending);"), "\(notice)")

        // Held until accepted: Kenya's pending registration leaves the list at once.
        let set = try msp("meeting", "set", "--undecided-late-notes", "hold")
        expectSuccess(set)
        #expect(set.stdout == "7MSP: late notes awaiting a decision count only once accepted (in \(msp.database)).\n")
        (rows, notice) = try Self.roster(msp)
        #expect(rows.map { $0[1] } == ["Norway"])
        #expect(
            notice
                == "msp: 1 late note awaits a decision (msp list-late --pending); the list leaves them out until they are accepted\n"
        )
        #expect(try msp("meeting", "show").stdout.contains("count once accepted (undecided: hold)"))
        expectSuccess(try msp("accept", "\(try Self.number(numbers, "Kenya"))", "--reason", "Pouch"))
        (rows, notice) = try Self.roster(msp)
        #expect(rows.map { $0[1] } == ["Norway", "Kenya"])
        #expect(notice.isEmpty)
        // Back to include: nothing pending, nothing changes.
        expectSuccess(try msp("meeting", "set", "7MSP", "--undecided-late-notes", "include"))
        #expect(try Self.roster(msp).rows.map { $0[4] } == ["Anna First", "A. Mwangi"])
    }

    @Test func aMeetingAddedHoldingLateNotesLeavesAPendingOneOut() throws {
        let msp = try MSPRun()
        expectSuccess(
            try msp(
                "meeting", "add", "7MSP", "--title", "Seventh Meeting of States Parties", "--convention", "CCM",
                "--opens", "2017-09-04", "--closes", "2017-09-06", "--deadline", "2017-08-18", "--time-zone",
                "Europe/Zurich", "--undecided-late-notes", "hold"))
        expectSuccess(try msp("register", "--delegation", "Kenya", "--received", "2017-08-25", "--head", "Ms. A"))
        let (rows, notice) = try Self.roster(msp)
        #expect(rows.isEmpty)
        #expect(notice.contains("the list leaves them out until they are accepted"))
    }

    @Test func statsAndDelegationsCountLateNotesByDecision() throws {
        let msp = try Self.session()
        let numbers = try Self.lateNotes(msp)
        expectSuccess(try msp("decline", "\(try Self.number(numbers, "Kenya"))", "--reason", "Too late"))
        let stats = try #require(try msp("stats", "--format", "json").json() as? [String: Any])
        #expect(stats["late_notes"] as? Int == 2)
        #expect(
            stats["late_notes_by_decision"] as? [String: Int] == ["pending": 1, "accepted": 0, "declined": 1])
        // Kenya's only note declined: it is not on the list.
        #expect(stats["delegations"] as? Int == 1)
        let table = try msp("stats")
        #expect(
            table.stdout.contains("Notes: 3, of which late: 2 (1 pending, 0 accepted, 1 declined)"), "\(table.stdout)")
        let delegations = try msp("delegations", "--format", "csv")
        expectSuccess(delegations)
        let rows = csvRows(delegations.stdout)
        let header = try #require(rows.first)
        let columns = ["delegation", "participants", "late_notes", "late_pending", "late_accepted", "late_declined"]
        let indexes = try columns.map { column in try #require(header.firstIndex(of: column)) }
        #expect(
            rows.dropFirst().map { row in indexes.map { row[$0] } } == [
                ["Norway", "1", "1", "1", "0", "0"], ["Kenya", "0", "1", "0", "0", "1"],
            ])
    }

    @Test func correctionsAreVersionsThatHistoryShowsWithTheirReasons() throws {
        let msp = try Self.session()
        let numbers = try Self.lateNotes(msp)
        let kenya = try Self.number(numbers, "Kenya")
        let history = try #require(
            try msp("history", "--delegation", "Norway", "--format", "json").json() as? [[String: Any]])
        let first = try #require(history.first?["note"] as? Int)
        // A misspelled name.
        let name = try msp("correct", "\(first)", "--head", "Ms. Anna Fürst", "--reason", "Umlaut dropped")
        expectSuccess(name)
        #expect(
            name.stdout
                == "Corrected note \(first) of Norway at 7MSP (in \(msp.database)):\n  participant 1: 'head, Ms. Anna First' → 'head, Ms. Anna Fürst'\n"
        )
        // A wrong receipt time: Kenya's note was on time after all, and leaves the late notes.
        let time = try msp("correct", "\(kenya)", "--received", "2017-08-18T16:05", "--reason", "E-mail time stamp")
        expectSuccess(time)
        #expect(time.stdout.contains("received: 2017-08-25 → 2017-08-18T16:05:00+02:00"), "\(time.stdout)")
        #expect(try Self.lateNotes(msp).map { $0["delegation"] as? String } == ["Norway"])
        // The amendment is still late and pending, so the list shows it; the first note says Fürst now.
        expectSuccess(try msp("decline", "\(try Self.number(numbers, "Norway"))", "--reason", "Too late"))
        #expect(try Self.roster(msp).rows.map { $0[4] } == ["Anna Fürst", "A. Mwangi"])

        let json = try #require(
            try msp("history", "--delegation", "Norway", "--format", "json").json() as? [[String: Any]])
        #expect(json.map { $0["kind"] as? String } == ["registration", "correction", "amendment", "declined"])
        // The note as first recorded stays.
        #expect(json[0]["reference"] as? String == "N 1" && json[0]["reason"] is NSNull)
        #expect(json[1]["note"] as? Int == first)
        #expect(json[1]["changes"] as? String == "participant 1: 'head, Ms. Anna First' → 'head, Ms. Anna Fürst'")
        #expect(json[1]["reason"] as? String == "Umlaut dropped")
        #expect(json[1]["recorded_by"] as? String == Self.user && json[1]["command"] as? String == "correct")
        #expect(json[3]["reason"] as? String == "Too late" && json[3]["command"] as? String == "decline")
        let table = try msp("history", "--delegation", "Norway")
        expectSuccess(table)
        let correction = try #require(table.stdout.split(separator: "\n").first { $0.contains("correction") })
        #expect(correction.contains("correction: participant 1: 'head, Ms. Anna First' → 'head, Ms. Anna Fürst'"))
        #expect(correction.contains(Self.user) && correction.hasSuffix("Umlaut dropped"), "\(correction)")
        let kenyaHistory = try #require(
            try msp("history", "--delegation", "Kenya", "--format", "json").json() as? [[String: Any]])
        #expect(kenyaHistory.map { $0["kind"] as? String } == ["registration", "correction"])
        #expect(kenyaHistory[1]["reason"] as? String == "E-mail time stamp")
    }

    /// The demo's Cluster Munition Coalition (note 18: Ms. Megan Burke, head, and an adviser): the head's function
    /// added, one participant's name corrected, and a partial list refused, not taken for the whole one.
    @Test func aCorrectionOfOneParticipantKeepsTheRestAndAPartialListIsRefused() throws {
        let msp = try MSPRun()
        expectSuccess(try msp("demo", "--database", msp.database))
        // The issue's command: the head says that already, and nothing is taken away.
        expectFailure(
            try msp("correct", "18", "--head", "Ms. Megan Burke; Director", "--reason", "Function missing"),
            status: 65, mentioning: "nothing to correct: note 18 says that already")
        let head = try msp("correct", "18", "--head", "Ms. Megan Burke; Coordinator", "--reason", "Misread")
        expectSuccess(head)
        #expect(
            head.stdout.hasSuffix(
                ":\n  participant 1: 'head, Ms. Megan Burke, Director, female' → 'head, Ms. Megan Burke, Coordinator, female'\n"
            ),
            "\(head.stdout)")
        let adviser = try msp(
            "correct", "18", "--participant", "2", "--function", "Treaty Implementation Director", "--reason", "Missing"
        )
        expectSuccess(adviser)
        #expect(
            adviser.stdout.contains(
                "'adviser, Ms. Tamar Gabelnick, Policy Adviser, female' → 'adviser, Ms. Tamar Gabelnick, Treaty Implementation Director, female'"
            ))
        let coalition = try Self.roster(msp).rows.filter { $0[1] == "Cluster Munition Coalition" }
        #expect(coalition.map { $0[4] } == ["Megan Burke", "Tamar Gabelnick"])
        #expect(coalition.map { $0[5] } == ["Coordinator", "Treaty Implementation Director"])
        let before = msp.snapshot()
        expectFailure(
            try msp("correct", "18", "--head", "Ms. Megan Burke", "--alternate", "Mr. X", "--reason", "Typo"),
            status: 65, mentioning: "--replace-list: note 18 lists 2 participants; the 2 given would replace them all")
        #expect(msp.snapshot() == before)
        expectSuccess(
            try msp(
                "correct", "18", "--head", "Ms. Megan Burke; Director", "--replace-list", "--reason", "Came alone"))
        #expect(try Self.roster(msp).rows.filter { $0[1] == "Cluster Munition Coalition" }.count == 1)
    }

    @Test func voidRestoreAndUndo() throws {
        let msp = try Self.session()
        let kenya = try Self.number(try Self.lateNotes(msp), "Kenya")
        let voided = try msp("void", "\(kenya)", "--reason", "Typed against the wrong meeting")
        expectSuccess(voided)
        #expect(voided.stdout == "Voided note \(kenya) of Kenya at 7MSP; history keeps it (in \(msp.database)).\n")
        #expect(try Self.lateNotes(msp).map { $0["delegation"] as? String } == ["Norway"])
        #expect(try Self.roster(msp).rows.map { $0[1] } == ["Norway"])
        let stats = try #require(try msp("stats", "--format", "json").json() as? [String: Any])
        #expect(stats["notes"] as? Int == 2 && stats["late_notes"] as? Int == 1 && stats["delegations"] as? Int == 1)

        let restored = try msp("restore", "\(kenya)", "--reason", "It was for this meeting")
        expectSuccess(restored)
        #expect(restored.stdout == "Restored note \(kenya) of Kenya at 7MSP (in \(msp.database)).\n")
        #expect(try Self.roster(msp).rows.map { $0[1] } == ["Norway", "Kenya"])

        let undone = try msp("undo", "\(kenya)", "--reason", "Restored the wrong note")
        expectSuccess(undone)
        #expect(
            undone.stdout == "Undid the last change of note \(kenya) of Kenya at 7MSP (in \(msp.database)):\n  voided\n"
        )
        #expect(try Self.roster(msp).rows.map { $0[1] } == ["Norway"])
        let history = try #require(
            try msp("history", "--delegation", "Kenya", "--format", "json").json() as? [[String: Any]])
        #expect(history.map { $0["kind"] as? String } == ["registration", "voiding", "restoring", "voiding"])
        #expect(history.map { $0["command"] as? String } == ["register", "void", "restore", "undo"])
        #expect(
            history.map { $0["reason"] as? String } == [
                nil, "Typed against the wrong meeting", "It was for this meeting", "Restored the wrong note",
            ])

        // Undo of a correction.
        let first = try #require(
            (try msp("history", "--delegation", "Norway", "--format", "json").json() as? [[String: Any]])?.first?[
                "note"] as? Int)
        expectSuccess(try msp("correct", "\(first)", "--reference", "N 1/2017", "--reason", "Misread"))
        let undoCorrection = try msp("undo", "\(first)", "--reason", "It was right")
        expectSuccess(undoCorrection)
        #expect(undoCorrection.stdout.contains("reference: 'N 1/2017' → 'N 1'"), "\(undoCorrection.stdout)")
    }

    @Test func aNoteTypedTwiceIsRefusedUntilConfirmed() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let typed = ["register", "--delegation", "Sweden", "--received", "2017-08-12", "--head", "Ms. S. One"]
        expectSuccess(try msp.run(typed))
        let before = msp.snapshot()
        let refused = try msp.run(typed)
        expectFailure(refused, status: 65, mentioning: "probably a duplicate")
        #expect(refused.stderr.contains("--not-a-duplicate"), "\(refused.stderr)")
        #expect(msp.snapshot() == before)
        let confirmed = try msp.run(typed + ["--not-a-duplicate"])
        expectSuccess(confirmed)
        #expect(confirmed.stdout.hasPrefix("Recorded amendment of Sweden"))
        // With a reference of its own it is another note.
        expectSuccess(try msp.run(typed + ["--reference", "S 2"]))
        let history = try #require(
            try msp("history", "--delegation", "Sweden", "--format", "json").json() as? [[String: Any]])
        #expect(history.count == 3)
    }
}
