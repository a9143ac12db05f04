import Foundation
import Testing

@testable import MSPDomain

@Suite struct HonorificTests {
    @Test(arguments: [
        ("H.E. Mr. John Doe", "H.E. Mr.", "John Doe"),
        ("H.E. Ms. Jane Roe", "H.E. Ms.", "Jane Roe"),
        ("Prof. Dr. Ada Lovelace", "Prof. Dr.", "Ada Lovelace"),
        ("Mr John Smith", "Mr.", "John Smith"),
        ("ms.  Wanjiru   Kamau", "Ms.", "Wanjiru Kamau"),
        ("Mrs. A. Example", "Mrs.", "A. Example"),
        // Whatever the case typed, as UN lists write them; a name typed all in lower case gets its capitals.
        ("h.e. ms kim", "H.E. Ms.", "Kim"),
        ("H.E. MR. Li Wei", "H.E. Mr.", "Li Wei"),
        ("mme. Claire Dubois", "Mme", "Claire Dubois"),
        ("S.E. M. Jean Dupont", "S.E. M.", "Jean Dupont"),
        ("M. Jean Dupont", "M.", "Jean Dupont"),
        ("s.e. sra. maría pérez", "S.E. Sra.", "María Pérez"),
        ("Sr. Juan Pérez", "Sr.", "Juan Pérez"),
        ("archbishop Ivan Jurkovič", "Archbishop", "Ivan Jurkovič"),
        ("msgr Richard Gyhra", "Msgr.", "Richard Gyhra"),
        ("Rev. Dr. Jane Roe", "Rev. Dr.", "Jane Roe"),
        ("amb. Michael Biontino", "Amb.", "Michael Biontino"),
        ("Prof Dr Ada Lovelace", "Prof. Dr.", "Ada Lovelace"),
        ("Dra. Ana Gómez", "Dra.", "Ana Gómez"),
        // "M." after another honorific is an initial, not "Monsieur".
        ("Mr. M. Kamau", "Mr.", "M. Kamau"),
        ("ms jean-pierre o'neill", "Ms.", "Jean-Pierre O'Neill"),
        ("Ms. maria van der Berg", "Ms.", "maria van der Berg"),
        // Military ranks, alone or with another honorific, as delegations of defence ministries give them.
        ("Lt. Col. Anna Berg", "Lt. Col.", "Anna Berg"),
        ("lt col. Anna Berg", "Lt. Col.", "Anna Berg"),
        ("Col. John Doe", "Col.", "John Doe"),
        ("Maj. Ali Hassan", "Maj.", "Ali Hassan"),
        ("Gen. Ana Silva", "Gen.", "Ana Silva"),
        ("Brig. Gen. Ana Silva", "Brig. Gen.", "Ana Silva"),
        ("Maj. Gen. Ana Silva", "Maj. Gen.", "Ana Silva"),
        ("Capt. Li Wei", "Capt.", "Li Wei"),
        ("Cdr. Li Wei", "Cdr.", "Li Wei"),
        ("Dr. Col. Jan Novak", "Dr. Col.", "Jan Novak"),
        ("H.E. Gen. Ana Silva", "H.E. Gen.", "Ana Silva"),
        ("Prof. Ada Lovelace", "Prof.", "Ada Lovelace"),
    ])
    func anHonorificIsKeptApartFromTheName(raw: String, title: String, name: String) {
        let split = Honorific.split(raw)
        #expect(split.title == title)
        #expect(split.name == name)
    }

    @Test(arguments: [
        "Dr.", "Mr.", "John Doe", "Drake Ramoray", "Mister Rogers", "He Yafei", "Miss", "Julie Bishop",
        // Names that are also ranks' short forms without their full point.
        "Gen Nakamura", "Col Murphy", "Maj Lind", "Lt.",
    ])
    func aNameWithoutAHonorificStaysWhole(raw: String) {
        let split = Honorific.split(raw)
        #expect(split.title == nil)
        #expect(split.name == raw)
    }
}

@Suite struct HonorificTitleTests {
    @Test func aTitleGivenApartIsWrittenAsUNListsWriteItWhenItIsOnlyHonorifics() throws {
        #expect(Honorific.normalizedTitle("h.e.  ms") == "H.E. Ms.")
        #expect(Honorific.normalizedTitle("s.e. mme") == "S.E. Mme")
        // Ranks are honorifics: written as UN lists write them.
        #expect(Honorific.normalizedTitle("lt. gen.") == "Lt. Gen.")
        // A mission's own form is kept.
        #expect(Honorific.normalizedTitle("Ambassador-at-large") == "Ambassador-at-large")
        let participant = try Participant.parse(
            role: "head", title: "h.e. mr.", name: "John Doe", function: nil, gender: nil, email: nil)
        #expect(participant.title == "H.E. Mr.")
    }

    @Test(arguments: ["H.E. Mr.", "s.e. sra.", "Archbishop", "m."])
    func onlyHonorificsIsNotAName(raw: String) {
        #expect(Honorific.isOnlyHonorifics(raw))
    }
}

@Suite struct TypedParticipantTests {
    @Test func everyFieldCanBeTypedOnOneLineWithCommasInsideTheParts() throws {
        let entry = try Submission.ParticipantEntry.typed(
            "H.E. Ms. Kim, Jae-won; Ambassador, Permanent Representative; female; kim@mission.example", role: "head",
            field: .participant(0))
        #expect(entry.name == "H.E. Ms. Kim, Jae-won")
        #expect(entry.function == "Ambassador, Permanent Representative")
        #expect(entry.gender == "female")
        #expect(entry.email == "kim@mission.example")
        #expect(entry.role == "head")
    }

    @Test func partsMayBeLeftOutOrEmpty() throws {
        let nameOnly = try Submission.ParticipantEntry.typed("Mr. Sam Poe", role: "adviser", field: .participant(2))
        #expect(nameOnly.name == "Mr. Sam Poe" && nameOnly.function == nil && nameOnly.gender == nil)
        let genderOnly = try Submission.ParticipantEntry.typed(
            "Ms. Kim; ; female", role: "head", field: .participant(0))
        #expect(genderOnly.function == nil && genderOnly.gender == "female" && genderOnly.email == nil)
        let emailOnly = try Submission.ParticipantEntry.typed("Ms. Kim;;;k@x.org", role: "head", field: .participant(0))
        #expect(emailOnly.email == "k@x.org" && emailOnly.gender == nil)
    }

    @Test func aGenderOrAnEmailInTheWrongPlaceIsRefusedWithItsField() {
        #expect(throws: InputError.self) {
            try Submission.ParticipantEntry.typed("Ms. Kim; female", role: "head", field: .participant(0))
        }
        do {
            _ = try Submission.ParticipantEntry.typed("Ms. Kim; kim@x.org", role: "head", field: .participant(1))
            Issue.record("an e-mail address as the function was accepted")
        } catch let error as InputError {
            #expect(error.field == .participant(1, "function"))
            #expect(error.message.contains("Ms. Kim; ; ; kim@x.org"))
        } catch { Issue.record("\(error)") }
        #expect(throws: InputError.self) {
            try Submission.ParticipantEntry.typed("Ms. Kim; Counsellor; k@x.org", role: "head", field: .participant(0))
        }
        #expect(throws: InputError.self) {
            try Submission.ParticipantEntry.typed(
                "Ms. Kim; a; female; k@x.org; extra", role: "head", field: .participant(0))
        }
    }

    @Test func aConfirmationReadsYesOrNo() throws {
        #expect(try Submission.confirmation("Yes"))
        #expect(try Submission.confirmation("true"))
        #expect(try !Submission.confirmation(""))
        #expect(try !Submission.confirmation(nil))
        #expect(throws: InputError.self) { try Submission.confirmation("perhaps") }
    }
}

@Suite struct ParticipantTests {
    func parse(
        role: String? = "head", title: String? = nil, name: String? = "H.E. Mr. John Doe", function: String? = nil,
        gender: String? = nil, email: String? = nil
    ) throws -> Participant {
        try Participant.parse(
            role: role, title: title, name: name, function: function, gender: gender, email: email,
            field: .participant(0))
    }

    @Test func aParticipantIsNormalised() throws {
        let p = try parse(
            role: " Head of delegation ", name: "  H.E. Mr. John Doe ", function: " Ambassador ",
            gender: "M", email: " j.doe@example.org ")
        #expect(
            p
                == Participant(
                    role: .head, title: "H.E. Mr.", name: "John Doe", function: "Ambassador", gender: .male,
                    email: "j.doe@example.org"))
        #expect(p.displayName == "H.E. Mr. John Doe")
    }

    @Test func aTitleGivenApartWinsOverTheNamesHonorific() throws {
        let p = try parse(title: "Dr.", name: "Ms. Jane Roe")
        #expect(p.title == "Dr.")
        #expect(p.name == "Jane Roe")
    }

    @Test(
        arguments: [
            (nil, "H.E. Mr. John Doe", nil, nil, "participants[0].role"),
            ("chair", "John Doe", nil, nil, "participants[0].role"),
            ("head", "", nil, nil, "participants[0].name"),
            ("head", "   ", nil, nil, "participants[0].name"),
            ("head", nil, nil, nil, "participants[0].name"),
            ("head", "John\u{7}Doe", nil, nil, "participants[0].name"),
            ("head", "John Doe", "robot", nil, "participants[0].gender"),
            ("head", "John Doe", nil, "john.example.org", "participants[0].email"),
            ("head", "John Doe", nil, "john@localhost", "participants[0].email"),
            ("head", "John Doe", nil, "john doe@example.org", "participants[0].email"),
            ("head", "John Doe", nil, "@example.org", "participants[0].email"),
        ] as [(String?, String?, String?, String?, String)])
    func aWrongParticipantIsRefusedNamingTheField(
        role: String?, name: String?, gender: String?, email: String?, field: String
    ) {
        let error = #expect(throws: InputError.self) { try parse(role: role, name: name, gender: gender, email: email) }
        #expect(error?.field?.description == field)
    }

    static let head = Participant(role: .head, name: "A")
    static let alternate = Participant(role: .alternate, name: "B")

    @Test func aNoteThatListsParticipantsNamesExactlyOneHead() throws {
        let nobody = #expect(throws: InputError.self) { try Participant.checkComposition([]) }
        #expect(nobody?.field == .participants)
        #expect(nobody?.message.contains("lists no participant") == true)
        try Participant.checkComposition([Self.alternate, Self.head])
        let none = #expect(throws: InputError.self) { try Participant.checkComposition([Self.alternate]) }
        #expect(none?.message.contains("no head") == true)
        let two = #expect(throws: InputError.self) {
            try Participant.checkComposition([
                Self.head, Self.alternate, Participant(role: .head, title: "Ms.", name: "C"),
            ])
        }
        #expect(two?.message.contains("2 heads") == true)
        #expect(two?.message.contains("Ms. C") == true)
    }

    @Test(arguments: [("email", Channel.email), ("E-mail", .email), (" POST ", .post), ("hand", .hand), ("fax", .fax)])
    func channels(raw: String, channel: Channel) throws {
        #expect(try Channel.parse(raw) == channel)
    }

    @Test func unknownVocabularyIsRefused() throws {
        #expect(throws: InputError.self) { try Channel.parse("pigeon") }
        #expect(throws: InputError.self) { try MSPDomain.Category.parse("state") }
        #expect(try MSPDomain.Category.parse("Civil Society") == .civilSociety)
        #expect(try MSPDomain.Category.parse("international-organization") == .internationalOrganizations)
    }
}

@Suite struct RosterTests {
    static func people(_ roles: [(Role, String)]) -> [Participant] {
        roles.map { Participant(role: $0.0, name: $0.1) }
    }

    @Test func delegationsAreGroupedInCategoryOrderAndSortedWithoutCaseOrDiacritics() {
        let roster = Roster([
            .init(name: "Cluster Munition Coalition", category: .civilSociety, participants: []),
            .init(name: "Costa Rica", category: .statesParties, participants: []),
            .init(name: "Côte d'Ivoire", category: .statesParties, participants: []),
            .init(name: "Uganda", category: .signatoryStates, participants: []),
            .init(name: "chile", category: .statesParties, participants: []),
            .init(name: "Cuba", category: .statesParties, participants: []),
            .init(name: "Canada", category: .statesParties, participants: []),
            .init(
                name: "International Committee of the Red Cross", category: .internationalOrganizations,
                participants: []),
            .init(name: "Zambia", category: .statesParties, participants: []),
            .init(name: "Afghanistan", category: .statesParties, participants: []),
        ])
        #expect(roster.groups.map(\.category) == MSPDomain.Category.allCases)
        #expect(
            roster.groups.map(\.title) == [
                "States Parties", "Signatory States", "Observer States",
                "International organizations", "Civil society",
            ])
        #expect(
            roster.groups[0].delegations.map(\.name) == [
                "Afghanistan", "Canada", "chile", "Costa Rica", "Côte d'Ivoire", "Cuba", "Zambia",
            ])
        #expect(roster.groups[1].delegations.map(\.name) == ["Uganda"])
        #expect(roster.groups[2].delegations.isEmpty)
        #expect(roster.groups[4].delegations.map(\.name) == ["Cluster Munition Coalition"])
        #expect(roster.delegationCount == 10)
    }

    @Test func anEmptyRosterStillHasTheFiveGroups() {
        let roster = Roster([])
        #expect(roster.groups.map(\.category) == MSPDomain.Category.allCases)
        #expect(roster.groups.allSatisfy { $0.delegations.isEmpty })
        #expect(roster.participantCount == 0)
    }

    @Test func theHeadComesFirstThenAlternatesThenAdvisersEachInTheNotesOrder() {
        let given = Self.people([
            (.adviser, "Adviser 1"), (.alternate, "Alternate 1"), (.adviser, "Adviser 2"),
            (.head, "Head"), (.alternate, "Alternate 2"), (.adviser, "Adviser 3"),
        ])
        let roster = Roster([.init(name: "Germany", category: .statesParties, participants: given)])
        #expect(
            roster.groups[0].delegations[0].participants.map(\.name)
                == ["Head", "Alternate 1", "Alternate 2", "Adviser 1", "Adviser 2", "Adviser 3"])
        #expect(roster.participantCount == 6)
    }

    @Test func lateNotesAreOldestFirst() {
        func note(_ name: String, _ seconds: Int64) -> LateNote {
            LateNote(
                delegation: name, category: .statesParties, reference: nil, kind: .registration,
                received: Instant(secondsSinceEpoch: seconds), receivedPrecision: .instant, channel: nil,
                lateness: .late(seconds: seconds))
        }
        let ordered = LateNote.ordered([
            note("Zambia", 20), note("Côte d'Ivoire", 30), note("Chile", 10), note("Cuba", 30),
            note("Costa Rica", 30),
        ])
        #expect(ordered.map(\.delegation) == ["Chile", "Zambia", "Costa Rica", "Côte d'Ivoire", "Cuba"])
    }
}

@Suite struct DelegationTimelineTests {
    typealias Entry = DelegationTimeline.Entry

    @Test func kindsFollowTheTimeOfReceiptNotTheOrderOfRecording() {
        // Recorded in the order 1, 2, 3, but note 3 was received first.
        let timeline = DelegationTimeline([
            Entry(id: 1, received: Instant(secondsSinceEpoch: 200), isWithdrawal: false, participantCount: 2),
            Entry(id: 2, received: Instant(secondsSinceEpoch: 300), isWithdrawal: false, participantCount: 0),
            Entry(id: 3, received: Instant(secondsSinceEpoch: 100), isWithdrawal: false, participantCount: 3),
        ])
        #expect(timeline.kinds == [3: .registration, 1: .amendment, 2: .amendment])
        // The newest note that lists participants is the composition; a note without participants changes nothing.
        #expect(timeline.compositionNote == 1)
        #expect(!timeline.isWithdrawn)
    }

    @Test func aWithdrawalTakesTheDelegationOffAndANewerNoteBringsItBack() {
        var entries = [
            Entry(id: 1, received: Instant(secondsSinceEpoch: 100), isWithdrawal: false, participantCount: 2),
            Entry(id: 2, received: Instant(secondsSinceEpoch: 200), isWithdrawal: true, participantCount: 0),
        ]
        let withdrawn = DelegationTimeline(entries)
        #expect(withdrawn.isWithdrawn)
        #expect(withdrawn.kinds == [1: .registration, 2: .withdrawal])
        entries.append(
            Entry(id: 3, received: Instant(secondsSinceEpoch: 300), isWithdrawal: false, participantCount: 1))
        let back = DelegationTimeline(entries)
        #expect(!back.isWithdrawn)
        #expect(back.kinds[3] == .amendment)
        #expect(back.compositionNote == 3)
    }

    @Test func notesReceivedAtTheSameSecondAreOrderedByRecording() {
        let timeline = DelegationTimeline([
            Entry(id: 8, received: Instant(secondsSinceEpoch: 100), isWithdrawal: false, participantCount: 1),
            Entry(id: 7, received: Instant(secondsSinceEpoch: 100), isWithdrawal: false, participantCount: 1),
        ])
        #expect(timeline.kinds == [7: .registration, 8: .amendment])
        #expect(timeline.compositionNote == 8)
    }

    @Test func noNotesNoComposition() {
        let timeline = DelegationTimeline([])
        #expect(timeline.kinds.isEmpty)
        #expect(timeline.compositionNote == nil)
        #expect(!timeline.isWithdrawn)
    }
}

@Suite struct SubmissionJSONTests {
    @Test func aValidObjectIsRead() throws {
        let json = """
            {"meeting": "7MSP", "delegation": "Kenya", "category": null, "reference": "Note KMG/DIS/17/3",
             "received_at": "2017-08-18T18:30:00-04:00", "channel": "email",
             "participants": [{"role": "head", "title": "Ms.", "name": "Wanjiru Kamau", "function": "First Counsellor",
                               "gender": "female", "email": "w.kamau@example.org"}]}
            """
        let submission = try SubmissionJSON.decodeScanned(Data(json.utf8)).0
        #expect(
            submission
                == Submission(
                    meeting: "7MSP", delegation: "Kenya", category: nil, reference: "Note KMG/DIS/17/3",
                    receivedAt: "2017-08-18T18:30:00-04:00", channel: "email",
                    participants: [
                        .init(
                            role: "head", title: "Ms.", name: "Wanjiru Kamau", function: "First Counsellor",
                            gender: "female", email: "w.kamau@example.org")
                    ]))
    }

    @Test func keysMayBeLeftOut() throws {
        let submission = try SubmissionJSON.decodeScanned(Data(#"{"delegation": "Kenya"}"#.utf8)).0
        #expect(submission == Submission(delegation: "Kenya"))
    }

    @Test(arguments: [
        (#"{"delegation": "Kenya", "recieved_at": "2017-08-18"}"#, "recieved_at"),
        (#"{"delegation": "Kenya", "participants": [{"role": "head", "name": "A", "phone": "1"}]}"#, "participants[0]"),
        (#"{"delegation": 42}"#, "delegation: expected a string"),
        (#"{"delegation": "Kenya", "participants": {"role": "head"}}"#, "participants: expected an array"),
        (
            #"{"delegation": "Kenya", "participants": [{"role": "head", "name": ["A"]}]}"#,
            "participants[0].name: expected a string"
        ),
        (#"{"delegation": "Kenya", "participants": ["A"]}"#, "participants[0]"),
        (#"["Kenya"]"#, "the top level"),
        (#"{"delegation": "Kenya""#, "not valid JSON"),
        ("", "not valid JSON"),
    ])
    func aWrongObjectIsRefusedNamingTheKeyPath(json: String, mention: String) {
        let error = #expect(throws: JSONInputError.self) { try SubmissionJSON.decodeScanned(Data(json.utf8)).0 }
        #expect(error?.error.message.contains(mention) == true, "\(error?.error.message ?? "")")
        #expect(error?.error.message.contains("\n") == false)
    }
}

@Suite struct NoteDraftTests {
    let meeting = try! Meeting(
        code: "7MSP", title: "Seventh Meeting of States Parties", convention: "CCM", venue: nil,
        opens: day("2017-09-04"), closes: day("2017-09-06"), timeZone: Fixtures.zurich,
        deadline: WhenParser.deadline("2017-08-18", in: Fixtures.zurich))
    let resolver = try! Fixtures.resolver()
    let membership = try! Fixtures.ccmMembership()

    func check(_ submission: Submission) throws -> NoteDraft {
        try NoteDraft.check(
            submission, meeting: meeting, resolver: resolver, membership: membership,
            now: utc(2017, 8, 1))
    }

    @Test func aLateNoteIsCheckedAndFlagged() throws {
        let draft = try check(
            Submission(
                delegation: "Kenya", reference: " Note 1 ", receivedAt: "2017-08-18T18:30:00-04:00",
                channel: "e-mail", participants: [.init(role: "head", name: "Ms. Wanjiru Kamau")]))
        #expect(draft.represented.name == "Kenya")
        #expect(draft.category == .signatoryStates)
        #expect(draft.reference == "Note 1")
        #expect(draft.channel == .email)
        #expect(draft.lateness == .late(seconds: 1800))
        #expect(draft.participants == [Participant(role: .head, title: "Ms.", name: "Wanjiru Kamau")])
    }

    @Test func aReceiptLeftOutIsNow() throws {
        let draft = try check(Submission(delegation: "Germany", participants: [.init(role: "head", name: "A")]))
        #expect(draft.receipt == Receipt(instant: utc(2017, 8, 1), precision: .instant))
        #expect(draft.lateness == .onTime)
    }

    @Test(arguments: [
        (Submission(delegation: "Kenya", receivedAt: "18/08/2017"), "received_at"),
        (Submission(delegation: "Kenya", channel: "pigeon"), "channel"),
        (Submission(delegation: "Kenya", category: "nonsense"), "category"),
        (Submission(delegation: "Kenya", category: "state_party"), "delegation"),
        (Submission(delegation: "Kenia Republik"), "delegation"),
        (
            Submission(
                delegation: "Kenya", participants: [.init(role: "head", name: "A"), .init(role: "head", name: "B")]),
            "participants"
        ),
        (
            Submission(
                delegation: "Kenya", participants: [.init(role: "head", name: "A"), .init(role: "boss", name: "B")]),
            "participants[1].role"
        ),
        (Submission(delegation: "Kenya", reference: String(repeating: "x", count: 201)), "reference"),
    ])
    func aWrongSubmissionIsRefusedNamingTheField(submission: Submission, field: String) {
        let error = #expect(throws: InputError.self) { try check(submission) }
        #expect(error?.field?.description == field)
    }
}
