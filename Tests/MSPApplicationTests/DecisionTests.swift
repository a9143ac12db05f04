import MSPApplication
import MSPDomain
import MSPStore
import Testing

extension Desk {
    /// The number of the note with this reference among a delegation's notes, as `history` shows it.
    static func number(_ desk: RegistrationDesk, _ delegation: String, _ reference: String?) throws -> Int64 {
        let entries = try desk.history(delegation: delegation).entries
        let entry = entries.first {
            if case .note(_, let recorded, _, _) = $0.record { return recorded == reference }
            return false
        }
        return try #require(entry?.number, "no note \(reference ?? "without reference") of \(delegation)")
    }

    /// The names on the list of participants of a delegation, in order; nil when it is not on the list.
    static func rosterNames(_ desk: RegistrationDesk, _ delegation: String) throws -> [String]? {
        let delegations = try desk.roster().roster.groups.flatMap(\.delegations)
        return delegations.first { $0.name == delegation }?.participants.map(\.name)
    }

    /// The 7MSP at a meeting that holds late notes awaiting a decision until accepted.
    static func sevenMSPHolding(user: String = "clerk") throws -> RegistrationDesk {
        let desk = try empty(user: user)
        var request = sevenMSPRequest
        request.undecidedLateNotes = .hold
        try desk.addMeeting(request)
        return desk
    }

    /// Norway registered on time with Ms. First, then a late amendment (7 days late) naming Mr. Second.
    static func norwayWithLateAmendment(_ desk: RegistrationDesk) throws -> Int64 {
        try register(desk, "Norway", "N1", received: "2017-08-10", participants: [head("Ms. First")])
        try register(desk, "Norway", "N2", received: "2017-08-25", participants: [head("Mr. Second")])
        return try number(desk, "Norway", "N2")
    }
}

/// `decide`: the secretariat accepts or declines a late note, with a reason; a later decision replaces the earlier;
/// the list of participants follows the decision and the meeting's choice for notes awaiting one.
@Suite struct DecisionTests {
    static let reason = "The mission's e-mail of 17 August bounced; resent on request"

    @Test func aLateNoteIsPendingUntilDecided() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Norway", "N1", received: "2017-08-10")
        try Desk.register(desk, "Kenya", "K1", received: "2017-08-25")
        let late = try desk.lateNotes().notes
        #expect(late.map(\.delegation) == ["Kenya"])
        #expect(late.first?.status == .pending && late.first?.decision == nil)
        #expect(late.first?.number == (try Desk.number(desk, "Kenya", "K1")))
    }

    @Test func acceptingALateNoteRecordsWhoWhenAndWhy() throws {
        let desk = try Desk.sevenMSP(user: "registrar")
        try Desk.register(desk, "Kenya", "K1", received: "2017-08-25")
        let number = try Desk.number(desk, "Kenya", "K1")
        let recording = try desk.decide(DecisionRequest(note: number, outcome: .accepted, reason: "  \(Self.reason) "))
        #expect(recording.note == number && recording.delegation == "Kenya" && recording.reference == "K1")
        #expect(recording.outcome == .accepted && recording.previous == nil)
        #expect(recording.lateness == .lateByDays(7))
        let late = try #require(try desk.lateNotes().notes.first)
        #expect(late.status == .decided(.accepted))
        #expect(late.decision == DecisionTaken(outcome: .accepted, by: "registrar", at: Desk.now, reason: Self.reason))
        #expect(try Desk.rosterNames(desk, "Kenya") == ["Head of Kenya"])
    }

    @Test func decliningALateNoteRecordsItAndTheNoteStaysOnTheLateList() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Kenya", "K1", received: "2017-08-25")
        let number = try Desk.number(desk, "Kenya", "K1")
        let recording = try desk.decide(DecisionRequest(note: number, outcome: .declined, reason: "Received too late"))
        #expect(recording.outcome == .declined && recording.previous == nil)
        let late = try desk.lateNotes().notes
        #expect(late.count == 1)
        #expect(late.first?.status == .decided(.declined))
        #expect(late.first?.decision?.reason == "Received too late" && late.first?.decision?.by == "clerk")
    }

    @Test func aNoteReceivedOnTimeIsNotDecidedOn() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Norway", "N1", received: "2017-08-18T23:59:59+02:00")
        let number = try Desk.number(desk, "Norway", "N1")
        let error = try expectRefusalWritingNothing(desk, field: .note) {
            try desk.decide(DecisionRequest(note: number, outcome: .accepted, reason: Self.reason))
        }
        #expect(error?.message.contains("on time") == true)
        #expect(try desk.history(delegation: "Norway").entries.map(\.kindName) == ["registration"])
    }

    @Test func aLateWithdrawalIsNotDecidedOn() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Norway", "N1", received: "2017-08-10")
        _ = try desk.withdraw(WithdrawalRequest(delegation: "Norway", receivedAt: "2017-08-25", reference: "N9"))
        let number = try Desk.number(desk, "Norway", "N9")
        let error = try expectRefusalWritingNothing(desk, field: .note) {
            try desk.decide(DecisionRequest(note: number, outcome: .declined, reason: Self.reason))
        }
        #expect(error?.message.contains("withdrawal") == true)
    }

    @Test func aVoidedNoteIsNotDecidedOn() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Kenya", "K1", received: "2017-08-25")
        let number = try Desk.number(desk, "Kenya", "K1")
        _ = try desk.void(note: number, reason: "Typed against the wrong meeting")
        let error = try expectRefusalWritingNothing(desk, field: .note, reason: .conflict) {
            try desk.decide(DecisionRequest(note: number, outcome: .accepted, reason: Self.reason))
        }
        #expect(error?.message.contains("void") == true)
        #expect(try desk.history(delegation: "Kenya").entries.map(\.kindName) == ["registration", "voiding"])
    }

    @Test func anUnknownNoteNumberIsNotFound() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Kenya", "K1", received: "2017-08-25")
        let error = try expectRefusalWritingNothing(desk, field: .note, reason: .notFound) {
            try desk.decide(DecisionRequest(note: 9999, outcome: .accepted, reason: Self.reason))
        }
        #expect(error?.message.contains("9999") == true)
    }

    @Test func aNoteOfAnotherMeetingIsNotFoundAtThisOne() throws {
        let desk = try Desk.sevenMSP()
        try desk.addMeeting(Desk.eightMSPRequest)
        _ = try desk.register(Desk.note("Kenya", "K1", received: "2017-08-25"), meeting: "7MSP")
        let number = try #require(try desk.lateNotes(meeting: "7MSP").notes.first?.number)
        try expectRefusalWritingNothing(desk, field: .note, reason: .notFound) {
            try desk.decide(DecisionRequest(note: number, outcome: .accepted, reason: Self.reason), meeting: "8MSP")
        }
    }

    @Test(arguments: ["", "   ", "line one\nline two", String(repeating: "x", count: 501)])
    func aReasonIsRequiredOnOneLineOfAtMost500Characters(reason: String) throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Kenya", "K1", received: "2017-08-25")
        let number = try Desk.number(desk, "Kenya", "K1")
        try expectRefusalWritingNothing(desk, field: .reason) {
            try desk.decide(DecisionRequest(note: number, outcome: .accepted, reason: reason))
        }
        #expect(try desk.lateNotes().notes.first?.status == .pending)
    }

    @Test func aReasonOf500CharactersIsTaken() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Kenya", "K1", received: "2017-08-25")
        let number = try Desk.number(desk, "Kenya", "K1")
        let reason = String(repeating: "x", count: 500)
        _ = try desk.decide(DecisionRequest(note: number, outcome: .accepted, reason: reason))
        #expect(try desk.lateNotes().notes.first?.decision?.reason == reason)
    }

    @Test func aLaterDecisionReplacesTheEarlierAndBothStayInTheHistory() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Kenya", "K1", received: "2017-08-25")
        let number = try Desk.number(desk, "Kenya", "K1")
        _ = try desk.decide(DecisionRequest(note: number, outcome: .accepted, reason: "First look"))
        var later = desk
        later.user = "chief"
        later.clock = { Desk.now.adding(seconds: 3600) }
        let second = try later.decide(DecisionRequest(note: number, outcome: .declined, reason: "On reflection"))
        #expect(
            second.previous == DecisionTaken(outcome: .accepted, by: "clerk", at: Desk.now, reason: "First look"))
        let late = try #require(try desk.lateNotes().notes.first)
        #expect(
            late.decision
                == DecisionTaken(
                    outcome: .declined, by: "chief", at: Desk.now.adding(seconds: 3600), reason: "On reflection"))
        let history = try desk.history(delegation: "Kenya").entries
        #expect(history.map(\.kindName) == ["registration", "accepted", "declined"])
        #expect(history.map(\.reason) == [nil, "First look", "On reflection"])
        #expect(history.map(\.recordedBy) == ["clerk", "clerk", "chief"])
        #expect(history.dropFirst().allSatisfy { $0.number == number })
        // The newest decision is the one that counts: declined, Kenya's only note leaves it off the list.
        #expect(try Desk.rosterNames(desk, "Kenya") == nil)
    }

    // MARK: The list of participants and the meeting's choice

    @Test func underIncludeAPendingLateAmendmentCountsAndADeclinedOneNeverDoes() throws {
        let desk = try Desk.sevenMSP()
        #expect(try desk.meetings().first?.meeting.undecidedLateNotes == .include)
        let number = try Desk.norwayWithLateAmendment(desk)
        #expect(try Desk.rosterNames(desk, "Norway") == ["Second"])
        _ = try desk.decide(DecisionRequest(note: number, outcome: .declined, reason: "Too late"))
        #expect(try Desk.rosterNames(desk, "Norway") == ["First"])
        // Declined stays out whatever the meeting's choice.
        try desk.setUndecidedLateNotes(.hold)
        #expect(try Desk.rosterNames(desk, "Norway") == ["First"])
        try desk.setUndecidedLateNotes(.include)
        #expect(try Desk.rosterNames(desk, "Norway") == ["First"])
        // Accepting it after all brings it in.
        _ = try desk.decide(DecisionRequest(note: number, outcome: .accepted, reason: "Appeal granted"))
        #expect(try Desk.rosterNames(desk, "Norway") == ["Second"])
    }

    @Test func underHoldAPendingLateNoteCountsOnlyOnceAccepted() throws {
        let desk = try Desk.sevenMSPHolding()
        #expect(try desk.meetings().first?.meeting.undecidedLateNotes == .hold)
        let number = try Desk.norwayWithLateAmendment(desk)
        try Desk.register(desk, "Kenya", "K1", received: "2017-08-25")
        #expect(try Desk.rosterNames(desk, "Norway") == ["First"])
        #expect(try Desk.rosterNames(desk, "Kenya") == nil)
        #expect(try desk.statistics().statistics.delegations == 1)
        _ = try desk.decide(DecisionRequest(note: number, outcome: .accepted, reason: "Within the grace period"))
        #expect(try Desk.rosterNames(desk, "Norway") == ["Second"])
        let kenya = try Desk.number(desk, "Kenya", "K1")
        _ = try desk.decide(DecisionRequest(note: kenya, outcome: .accepted, reason: "Within the grace period"))
        #expect(try Desk.rosterNames(desk, "Kenya") == ["Head of Kenya"])
        #expect(try desk.statistics().statistics.delegations == 2)
    }

    @Test func switchingBetweenIncludeAndHoldRecomputesTheListAtOnce() throws {
        let desk = try Desk.sevenMSP()
        _ = try Desk.norwayWithLateAmendment(desk)
        try Desk.register(desk, "Kenya", "K1", received: "2017-08-25")
        let held = try desk.setUndecidedLateNotes(.hold)
        #expect(held.undecidedLateNotes == .hold)
        #expect(try desk.meetings().first?.meeting.undecidedLateNotes == .hold)
        #expect(try Desk.rosterNames(desk, "Norway") == ["First"])
        #expect(try Desk.rosterNames(desk, "Kenya") == nil)
        #expect(try desk.statistics().statistics.participants == 1)
        let included = try desk.setUndecidedLateNotes(.include)
        #expect(included.undecidedLateNotes == .include)
        #expect(try Desk.rosterNames(desk, "Norway") == ["Second"])
        #expect(try Desk.rosterNames(desk, "Kenya") == ["Head of Kenya"])
        #expect(try desk.statistics().statistics.participants == 2)
    }

    @Test func aMeetingCanBeAddedHoldingLateNotes() throws {
        let desk = try Desk.sevenMSPHolding()
        #expect(try desk.overview(code: "7MSP").meeting.undecidedLateNotes == .hold)
    }

    @Test func aDeclinedLateRegistrationLeavesTheDelegationOffTheList() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Norway", "N1", received: "2017-08-10")
        try Desk.register(desk, "Kenya", "K1", received: "2017-08-25")
        #expect(try Desk.rosterNames(desk, "Kenya") == ["Head of Kenya"])
        let number = try Desk.number(desk, "Kenya", "K1")
        _ = try desk.decide(DecisionRequest(note: number, outcome: .declined, reason: "Too late"))
        #expect(try desk.roster().roster.groups.flatMap(\.delegations).map(\.name) == ["Norway"])
        let statistics = try desk.statistics().statistics
        #expect(statistics.delegations == 1 && statistics.participants == 1)
        #expect(statistics.delegationsByCategory[.signatoryStates] == 0)
    }

    @Test func aLateWithdrawalNeedsNoDecisionAndTakesTheDelegationOffUnderHold() throws {
        let desk = try Desk.sevenMSPHolding()
        try Desk.register(desk, "Norway", "N1", received: "2017-08-10")
        _ = try desk.withdraw(WithdrawalRequest(delegation: "Norway", receivedAt: "2017-08-25"))
        #expect(try desk.lateNotes().notes.isEmpty)
        #expect(try Desk.rosterNames(desk, "Norway") == nil)
    }

    // MARK: Figures

    @Test func statisticsAndDelegationsCountLateNotesByDecision() throws {
        let desk = try Desk.sevenMSP()
        // Norway: on time, then a late amendment accepted and another pending.
        try Desk.register(desk, "Norway", "N1", received: "2017-08-10", participants: [Desk.head("Ms. First")])
        try Desk.register(desk, "Norway", "N2", received: "2017-08-21", participants: [Desk.head("Mr. Second")])
        try Desk.register(desk, "Norway", "N3", received: "2017-08-22", participants: [Desk.head("Mr. Third")])
        // Kenya: a late registration declined. Germany: a late registration pending, then a late withdrawal.
        try Desk.register(desk, "Kenya", "K1", received: "2017-08-25")
        try Desk.register(desk, "Germany", "G1", received: "2017-08-23")
        _ = try desk.withdraw(WithdrawalRequest(delegation: "Germany", receivedAt: "2017-08-26"))
        // Benin: a late note voided, which no figure counts.
        try Desk.register(desk, "Benin", "B1", received: "2017-08-24")
        _ = try desk.void(note: try Desk.number(desk, "Benin", "B1"), reason: "Recorded twice")
        _ = try desk.decide(
            DecisionRequest(note: try Desk.number(desk, "Norway", "N2"), outcome: .accepted, reason: "ok"))
        _ = try desk.decide(
            DecisionRequest(note: try Desk.number(desk, "Kenya", "K1"), outcome: .declined, reason: "no"))

        let statistics = try desk.statistics().statistics
        #expect(statistics.notes == 6)
        #expect(statistics.lateNotes == 4)
        #expect(
            statistics.lateNotesByStatus == [.pending: 2, .decided(.accepted): 1, .decided(.declined): 1])
        #expect(statistics.delegations == 1)

        let overviews = try desk.delegations().delegations
        #expect(overviews.map(\.name) == ["Germany", "Norway", "Kenya"])
        func counts(_ name: String) -> [Int]? {
            overviews.first { $0.name == name }.map {
                [$0.lateNotes, $0.latePending, $0.lateAccepted, $0.lateDeclined]
            }
        }
        #expect(counts("Norway") == [2, 1, 1, 0])
        #expect(counts("Kenya") == [1, 0, 0, 1])
        #expect(counts("Germany") == [1, 1, 0, 0])
        #expect(overviews.first { $0.name == "Kenya" }?.participants == 0)
    }

    @Test func aDecisionChangesTheFiguresAtOnce() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Kenya", "K1", received: "2017-08-25")
        #expect(try desk.statistics().statistics.lateNotesByStatus[.pending] == 1)
        _ = try desk.decide(
            DecisionRequest(note: try Desk.number(desk, "Kenya", "K1"), outcome: .accepted, reason: "ok"))
        let statistics = try desk.statistics().statistics
        #expect(statistics.lateNotesByStatus == [.pending: 0, .decided(.accepted): 1, .decided(.declined): 0])
        #expect(try desk.delegations().delegations.first?.lateAccepted == 1)
    }
}
