import Testing

@testable import MSPDomain

@Suite struct MeetingStatisticsTests {
    let zone = try! VenueTimeZone(identifier: "Europe/Zurich")
    var deadline: Deadline { try! WhenParser.deadline("2017-08-18", in: zone) }

    func instant(_ text: String) -> Instant { try! WhenParser.receipt(text, in: zone).instant }

    @Test func countsDelegationsAndParticipantsPerCategoryFromTheRoster() {
        let roster = Roster([
            .init(
                name: "Germany", category: .statesParties,
                participants: [
                    Participant(role: .head, name: "Michael Biontino", gender: .male),
                    Participant(role: .alternate, name: "Katrin Vogel", gender: .female),
                ]),
            .init(
                name: "Benin", category: .statesParties,
                participants: [Participant(role: .head, name: "A. H.", gender: .female)]),
            .init(name: "Uganda", category: .signatoryStates, participants: [Participant(role: .head, name: "C. O.")]),
            .init(name: "ICRC", category: .internationalOrganizations, participants: []),
        ])
        let stats = MeetingStatistics(roster: roster, statesPartiesTotal: 102, notes: [], deadline: deadline)
        #expect(
            stats.delegationsByCategory == [
                .statesParties: 2, .signatoryStates: 1, .observerStates: 0,
                .internationalOrganizations: 1, .civilSociety: 0,
            ])
        #expect(stats.participantsByCategory[.statesParties] == 3)
        #expect(stats.participantsByCategory[.signatoryStates] == 1)
        #expect(stats.participantsByCategory[.civilSociety] == 0)
        #expect(stats.delegations == 4 && stats.participants == 4)
        #expect(stats.statesPartiesRegistered == 2)
        #expect(stats.statesPartiesDescription == "2 of 102")
        #expect(stats.participantsByGender[.female] == 2)
        #expect(stats.participantsByGender[.male] == 1)
        #expect(stats.participantsByGender[nil] == 1)
        // Gender within each category, every category present.
        #expect(stats.participantsByCategoryAndGender[.statesParties] == [.male: 1, .female: 2])
        #expect(stats.participantsByCategoryAndGender[.signatoryStates] == [nil: 1])
        #expect(stats.participantsByCategoryAndGender[.civilSociety] == [:])
    }

    @Test func countsLateNotesAgainstTheEndOfTheDeadlineDayAndNotesByChannel() {
        let notes: [MeetingStatistics.NoteFact] = [
            .init(received: instant("2017-08-18T23:59:59"), channel: .email),
            .init(received: instant("2017-08-19T00:00:00"), channel: .email),
            .init(received: instant("2017-08-18T18:30:00-04:00"), channel: .fax),
            .init(received: instant("2017-08-01"), channel: nil),
        ]
        let stats = MeetingStatistics(roster: Roster([]), statesPartiesTotal: 102, notes: notes, deadline: deadline)
        #expect(stats.notes == 4)
        #expect(stats.lateNotes == 2)
        #expect(stats.notesByChannel[.email] == 2)
        #expect(stats.notesByChannel[.fax] == 1)
        #expect(stats.notesByChannel[nil] == 1)
        #expect(stats.notesByChannel[.post] == nil)
        #expect(stats.statesPartiesRegistered == 0)
    }

    @Test func notesAreCountedByTheirDayAtTheVenueLateOrNot() {
        let notes: [MeetingStatistics.NoteFact] = [
            .init(received: instant("2017-08-18T23:59:59"), channel: .email),
            // 18:30 in New York is 00:30 on the 19th in Geneva: that day, late.
            .init(received: instant("2017-08-18T18:30:00-04:00"), channel: .fax),
            .init(received: instant("2017-08-19T09:00:00"), channel: .email, isWithdrawal: true),
            .init(received: instant("2017-08-01"), channel: nil),
        ]
        let stats = MeetingStatistics(
            roster: Roster([]), statesPartiesTotal: 102, notes: notes, deadline: deadline, timeZone: zone)
        #expect(
            stats.notesByDay.map { "\($0.day) \($0.others)+\($0.late)" } == [
                "2017-08-01 1+0", "2017-08-18 1+0", "2017-08-19 1+1",
            ])
        // A withdrawal after the deadline needs no decision: it is no late note, by day or in all.
        #expect(stats.lateNotes == 1 && stats.notesByDay.map(\.late).reduce(0, +) == stats.lateNotes)
        // Without the venue's time zone there is no day to count by.
        #expect(
            MeetingStatistics(roster: Roster([]), statesPartiesTotal: 102, notes: notes, deadline: deadline)
                .notesByDay.isEmpty)
    }
}
