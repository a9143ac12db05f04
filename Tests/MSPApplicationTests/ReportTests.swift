import MSPApplication
import MSPDomain
import MSPStore
import Testing

/// `lateNotes`, `roster`, `statistics` and `history`: what the secretariat reads.
@Suite struct ReportTests {
    @Test func lateNotesAreOldestFirstAndLeaveOutWithdrawals() throws {
        let desk = try Desk.sevenMSP()
        // Recorded in another order than received.
        try Desk.register(desk, "Norway", "N2", received: "2017-08-25T10:00")
        try Desk.register(desk, "Kenya", "K1", received: "2017-08-20T09:15")
        try Desk.register(desk, "Norway", "N1", received: "2017-08-10")
        try Desk.register(desk, "ICRC", "I1", received: "2017-08-19")
        _ = try desk.withdraw(WithdrawalRequest(delegation: "Kenya", receivedAt: "2017-08-28", reference: "K2"))
        let notes = try desk.lateNotes().notes
        #expect(notes.map(\.delegation) == ["International Committee of the Red Cross", "Kenya", "Norway"])
        #expect(notes.map(\.reference) == ["I1", "K1", "N2"])
        #expect(notes.map(\.kind) == [.registration, .registration, .amendment])
        #expect(notes.map(\.category) == [.internationalOrganizations, .signatoryStates, .statesParties])
        // 19 August (known only by its date: one day late), 20 August 09:15, 25 August 10:00 in Geneva, from 19 August
        // 00:00.
        #expect(notes.map(\.lateness) == [.lateByDays(1), .late(seconds: 119_700), .late(seconds: 554_400)])
        #expect(notes.map(\.receivedPrecision) == [.date, .instant, .instant])
        #expect(try desk.statistics().statistics.lateNotes == 3)
    }

    @Test func theRosterIsInUNOrder() throws {
        let desk = try Desk.sevenMSP()
        let notes: [(String, String, String?)] = [
            ("CMC", "C1", nil), ("Some Campaign", "S1", "civil_society"), ("ICRC", "I1", nil),
            ("United States", "US1", nil), ("Uganda", "U1", nil), ("Kenya", "K1", nil),
            ("Croatia", "H1", nil), ("Côte d'Ivoire", "CI1", nil), ("Chile", "CL1", nil),
        ]
        for (name, reference, category) in notes {
            try Desk.register(desk, name, reference, received: "2017-08-10", category: category)
        }
        let roster = try desk.roster().roster
        #expect(
            roster.groups.map(\.title) == [
                "States Parties", "Signatory States", "Observer States", "International organizations", "Civil society",
            ])
        // Côte d'Ivoire sorts as Cote d'Ivoire: after Chile, before Croatia.
        #expect(
            roster.groups.map { $0.delegations.map(\.name) } == [
                ["Chile", "Côte d'Ivoire", "Croatia"],
                ["Kenya", "Uganda"],
                ["United States of America"],
                ["International Committee of the Red Cross"],
                ["Cluster Munition Coalition", "Some Campaign"],
            ])
    }

    @Test func withinADelegationTheHeadComesFirstThenAlternatesThenAdvisers() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(
            desk, "Norway", "N1", received: "2017-08-10",
            participants: [
                Desk.member("adviser", "Mr. Adviser One"), Desk.member("alternate", "Ms. Alternate One"),
                Desk.member("adviser", "Mr. Adviser Two"), Desk.head("H.E. Ms. Head"),
                Desk.member("alternate", "Mr. Alternate Two"),
            ])
        let participants = try #require(desk.roster().roster.groups[0].delegations.first).participants
        #expect(participants.map(\.name) == ["Head", "Alternate One", "Alternate Two", "Adviser One", "Adviser Two"])
        #expect(participants.map(\.role) == [.head, .alternate, .alternate, .adviser, .adviser])
    }

    @Test func statisticsCountByCategoryAndStatesPartiesOutOf102() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(
            desk, "Norway", "N1", received: "2017-08-10",
            participants: [
                .init(role: "head", name: "Ms. A", gender: "f"), .init(role: "adviser", name: "Mr. B", gender: "m"),
            ])
        try Desk.register(desk, "Benin", "B1", received: "2017-08-19")
        _ = try desk.register(
            Submission(
                delegation: "Uganda", reference: "U1", receivedAt: "2017-08-10", channel: "e-mail",
                participants: [Desk.head(), Desk.member("adviser", "Mr. U")]))
        try Desk.register(desk, "United States", "US1", received: "2017-08-10")
        try Desk.register(desk, "ICRC", "I1", received: "2017-08-10")
        try Desk.register(
            desk, "CMC", "C1", received: "2017-08-10",
            participants: [Desk.head("Ms. C"), Desk.member("adviser", "Mr. D"), Desk.member("adviser", "Mr. E")])
        try Desk.register(desk, "Kenya", "K1", received: "2017-08-10")
        _ = try desk.withdraw(WithdrawalRequest(delegation: "Kenya", receivedAt: "2017-08-11"))
        let statistics = try desk.statistics().statistics
        #expect(
            statistics.delegationsByCategory == [
                .statesParties: 2, .signatoryStates: 1, .observerStates: 1,
                .internationalOrganizations: 1, .civilSociety: 1,
            ])
        #expect(
            statistics.participantsByCategory == [
                .statesParties: 3, .signatoryStates: 2, .observerStates: 1,
                .internationalOrganizations: 1, .civilSociety: 3,
            ])
        #expect(statistics.statesPartiesRegistered == 2 && statistics.statesPartiesTotal == 102)
        #expect(statistics.statesPartiesDescription == "2 of 102")
        #expect(statistics.delegations == 6 && statistics.participants == 10)
        #expect(statistics.participantsByGender == [.female: 1, .male: 1, nil: 8])
        #expect(statistics.notes == 8 && statistics.lateNotes == 1)
        #expect(statistics.notesByChannel == [.email: 1, nil: 7])
    }

    @Test func historyIsInOrderOfReceiptWithWhoRecordedIt() throws {
        let desk = try Desk.sevenMSP(user: "j.dupont")
        try Desk.register(
            desk, "Norway", "N2", received: "2017-08-12", participants: [Desk.head(), Desk.member("adviser", "Mr. B")])
        try Desk.register(desk, "Norway", "N1", received: "2017-08-10")
        _ = try desk.recordCredentials(CredentialsRequest(delegation: "Norway", kind: .copy, receivedAt: "2017-08-20"))
        _ = try desk.withdraw(WithdrawalRequest(delegation: "Norway", receivedAt: "2017-08-30", reference: "N3"))
        let history = try desk.history(delegation: "kingdom of norway")
        #expect(history.delegation == "Norway")
        let entries = history.entries
        #expect(entries.map(\.kindName) == ["registration", "amendment", "credentials", "withdrawal"])
        #expect(
            entries.map(\.record) == [
                .note(.registration, reference: "N1", channel: nil, participants: 1),
                .note(.amendment, reference: "N2", channel: nil, participants: 2),
                .credentials(.copy),
                .note(.withdrawal, reference: "N3", channel: nil, participants: 0),
            ])
        #expect(entries.allSatisfy { $0.recordedBy == "j.dupont" })
        #expect(entries.allSatisfy { $0.recordedAt == Instant(secondsSinceEpoch: 1_504_267_200) })
        #expect(entries.map(\.command) == ["register", "register", "credentials record", "withdraw"])
        // Received on 30 August, known only by its date: 12 days after the deadline's day (the 19th is one day
        // late); credentials are never late.
        #expect(entries.map(\.lateness) == [.onTime, .onTime, nil, .lateByDays(12)])
    }

    @Test func historyOfAnUnknownNameIsRefused() throws {
        let desk = try Desk.sevenMSP()
        let error = expectRefusal(field: .delegation) { try desk.history(delegation: "Norwey") }
        #expect(error?.message.contains("'Norway'") == true)
    }
}
