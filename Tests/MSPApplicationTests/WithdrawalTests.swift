import MSPApplication
import MSPDomain
import MSPStore
import Testing

/// `withdraw`: only a registered delegation, once, and not before its newest note; nothing is deleted.
@Suite struct WithdrawalTests {
    @Test func aWithdrawalTakesTheDelegationOffTheRoster() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Norway", "N1", received: "2017-08-10")
        try Desk.register(desk, "Benin", "B1", received: "2017-08-10")
        let withdrawal = try desk.withdraw(
            WithdrawalRequest(delegation: "NOR", receivedAt: "2017-08-25", reference: "N9"))
        #expect(
            withdrawal.kind == .withdrawal && withdrawal.delegation == "Norway" && withdrawal.category == .statesParties
        )
        #expect(withdrawal.participantCount == 0 && withdrawal.reference == "N9")
        let statistics = try desk.statistics().statistics
        #expect(try desk.roster().roster.groups[0].delegations.map(\.name) == ["Benin"])
        #expect(statistics.delegations == 1 && statistics.statesPartiesDescription == "1 of 102")
        // Nothing is deleted: the notes stay, the withdrawal is one of them.
        #expect(statistics.notes == 3)
        #expect(try desk.history(delegation: "Norway").entries.map(\.kindName) == ["registration", "withdrawal"])
    }

    @Test func aLaterNoteBringsAWithdrawnDelegationBack() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Norway", "N1", received: "2017-08-10", participants: [Desk.head("Ms. First")])
        _ = try desk.withdraw(WithdrawalRequest(delegation: "Norway", receivedAt: "2017-08-15"))
        let back = try Desk.register(
            desk, "Norway", "N2", received: "2017-08-17", participants: [Desk.head("Mr. Back")])
        #expect(back.kind == .amendment)
        #expect(try desk.roster().roster.groups[0].delegations.map(\.name) == ["Norway"])
        #expect(try desk.roster().roster.groups[0].delegations.first?.participants.map(\.name) == ["Back"])
    }

    @Test func aDelegationThatSentNoNoteCannotWithdraw() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Norway", "N1", received: "2017-08-10")
        let error = try expectRefusalWritingNothing(desk, field: .delegation, reason: .notFound) {
            _ = try desk.withdraw(WithdrawalRequest(delegation: "Kenya", receivedAt: "2017-08-20"))
        }
        #expect(error?.message.contains("not registered") == true)
    }

    /// `InputError.Reason.notFound` is documented as "what it names (a meeting, a delegation) is not there".
    @Test func aDelegationThatSentNoNoteIsNotFound() throws {
        let desk = try Desk.sevenMSP()
        let withdrawal = #expect(throws: InputError.self) { try desk.withdraw(WithdrawalRequest(delegation: "Kenya")) }
        let history = #expect(throws: InputError.self) { try desk.history(delegation: "Kenya") }
        let credentials = #expect(throws: InputError.self) {
            _ = try desk.recordCredentials(CredentialsRequest(delegation: "Kenya", kind: .original))
        }
        #expect(withdrawal?.reason == .notFound)
        #expect(history?.reason == .notFound)
        #expect(credentials?.reason == .notFound)
    }

    @Test func anUnknownNameCannotWithdraw() throws {
        let desk = try Desk.sevenMSP()
        let error = try expectRefusalWritingNothing(desk, field: .delegation) {
            _ = try desk.withdraw(WithdrawalRequest(delegation: "Norwey", receivedAt: "2017-08-20"))
        }
        #expect(error?.message.contains("'Norway'") == true)
    }

    @Test func aDelegationWithdrawsOnce() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Norway", "N1", received: "2017-08-10")
        _ = try desk.withdraw(WithdrawalRequest(delegation: "Norway", receivedAt: "2017-08-15"))
        let error = try expectRefusalWritingNothing(desk, field: .delegation, reason: .conflict) {
            _ = try desk.withdraw(WithdrawalRequest(delegation: "Norway", receivedAt: "2017-08-16"))
        }
        #expect(error?.message.contains("already withdrawn") == true)
        #expect(try desk.history(delegation: "Norway").entries.count == 2)
    }

    @Test func aWithdrawalReceivedBeforeTheNewestNoteIsRefused() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Norway", "N1", received: "2017-08-10")
        try Desk.register(desk, "Norway", "N2", received: "2017-08-14")
        try expectRefusalWritingNothing(desk, field: .receivedAt) {
            _ = try desk.withdraw(WithdrawalRequest(delegation: "Norway", receivedAt: "2017-08-12"))
        }
        #expect(try desk.roster().roster.delegationCount == 1)
        #expect(try desk.history(delegation: "Norway").entries.map(\.kindName) == ["registration", "amendment"])
    }

    @Test func aWithdrawalReceivedNowIsAtTheDesksClockAndLateNotesLeaveItOut() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Norway", "N1", received: "2017-08-10")
        let withdrawal = try desk.withdraw(WithdrawalRequest(delegation: "Norway"))
        #expect(withdrawal.receipt == Receipt(instant: Instant(secondsSinceEpoch: 1_504_267_200), precision: .instant))
        #expect(withdrawal.lateness == .late(seconds: 1_173_600))
        #expect(try desk.lateNotes().notes.isEmpty)
        #expect(try desk.statistics().statistics.lateNotes == 0)
    }

    @Test func aWithdrawalsReferenceIsCheckedAsANotes() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Norway", "N1", received: "2017-08-10")
        try expectRefusalWritingNothing(desk, field: .reference, reason: .conflict) {
            _ = try desk.withdraw(WithdrawalRequest(delegation: "Norway", receivedAt: "2017-08-15", reference: "N1"))
        }
        try expectRefusalWritingNothing(desk, field: .reference) {
            _ = try desk.withdraw(
                WithdrawalRequest(delegation: "Norway", receivedAt: "2017-08-15", reference: "N\u{7}2"))
        }
        try expectRefusalWritingNothing(desk, field: .receivedAt) {
            _ = try desk.withdraw(WithdrawalRequest(delegation: "Norway", receivedAt: "yesterday"))
        }
    }
}
