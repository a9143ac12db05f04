import MSPApplication
import MSPDomain
import MSPStore
import Testing

/// `correct`, `void`, `restore`, `undo`: the secretariat fixes its own transcription of a note; nothing is deleted,
/// the note as first recorded stays and the history says what changed, who changed it and why.
@Suite struct CorrectionTests {
    static let reason = "Transcription error"

    // MARK: Correcting each field

    @Test func aCorrectedReferenceIsWhatTheNoteSaysNowAndTheFirstVersionStays() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Norway", "N 4", received: "2017-08-10")
        let number = try Desk.number(desk, "Norway", "N 4")
        var registrar = desk
        registrar.user = "registrar"
        registrar.clock = { Desk.now.adding(seconds: 600) }
        let recording = try registrar.correct(
            CorrectionRequest(note: number, reason: "Misread the note's number", reference: "N 45/2017"))
        #expect(recording.note == number && recording.delegation == "Norway" && !recording.voided)
        #expect(recording.changes == ["reference: 'N 4' → 'N 45/2017'"])
        let stored = try desk.meeting(code: "7MSP")
        #expect(try desk.store.note(number: number, meeting: stored)?.snapshot.reference == "N 45/2017")
        // The first version stays as recorded.
        let versions = try desk.store.versions(number: number, meeting: stored)
        #expect(versions.map(\.snapshot.reference) == ["N 4", "N 45/2017"])
        #expect(versions.map(\.command) == ["register", "correct"])
        // The history shows the note as first recorded, then the correction: what, who, when, why.
        let history = try desk.history(delegation: "Norway").entries
        #expect(history.map(\.kindName) == ["registration", "correction"])
        #expect(history[0].record == .note(.registration, reference: "N 4", channel: nil, participants: 1))
        #expect(history[0].recordedBy == "clerk" && history[0].reason == nil)
        #expect(history[1].record == .corrected(["reference: 'N 4' → 'N 45/2017'"]))
        #expect(history[1].reason == "Misread the note's number")
        #expect(history[1].recordedBy == "registrar" && history[1].recordedAt == Desk.now.adding(seconds: 600))
        #expect(history[1].command == "correct" && history[1].number == number)
        // The reference it had is free again; the one it has now is taken.
        try Desk.register(desk, "Norway", "N 4", received: "2017-08-11")
        try expectRefusalWritingNothing(desk, field: .reference, reason: .conflict) {
            try Desk.register(desk, "Norway", "N 45/2017", received: "2017-08-12")
        }
    }

    @Test func makingALateNoteOnTimeTakesItOffTheLateList() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Kenya", "K1", received: "2017-08-25")
        let number = try Desk.number(desk, "Kenya", "K1")
        #expect(try desk.lateNotes().notes.count == 1)
        let recording = try desk.correct(
            CorrectionRequest(note: number, reason: "Date stamp misread", receivedAt: "2017-08-15T10:30:00+02:00"))
        #expect(recording.changes == ["received: 2017-08-25 → 2017-08-15T10:30:00+02:00"])
        #expect(try desk.lateNotes().notes.isEmpty)
        let statistics = try desk.statistics().statistics
        #expect(statistics.lateNotes == 0 && statistics.lateNotesByStatus[.pending] == 0)
        let history = try desk.history(delegation: "Kenya").entries
        // The note as first recorded was late; the correction's line says what it is now.
        #expect(history.map(\.lateness) == [.lateByDays(7), .onTime])
        // On time now, it needs no decision.
        try expectRefusalWritingNothing(desk, field: .note) {
            try desk.decide(DecisionRequest(note: number, outcome: .accepted, reason: "ok"))
        }
    }

    @Test func makingANoteOnTimeLateBringsItOntoTheLateListPending() throws {
        let desk = try Desk.sevenMSPHolding()
        try Desk.register(desk, "Kenya", "K1", received: "2017-08-15")
        let number = try Desk.number(desk, "Kenya", "K1")
        #expect(try Desk.rosterNames(desk, "Kenya") == ["Head of Kenya"])
        _ = try desk.correct(CorrectionRequest(note: number, reason: Self.reason, receivedAt: "2017-08-19"))
        #expect(try desk.lateNotes().notes.map(\.status) == [.pending])
        // The meeting holds late notes until accepted: it leaves the list at once.
        #expect(try Desk.rosterNames(desk, "Kenya") == nil)
    }

    @Test func aCorrectedChannelCountsInTheFigures() throws {
        let desk = try Desk.sevenMSP()
        var submission = Desk.note("Norway", "N1", received: "2017-08-10")
        submission.channel = "email"
        _ = try desk.register(submission)
        let number = try Desk.number(desk, "Norway", "N1")
        let recording = try desk.correct(CorrectionRequest(note: number, reason: "Came by hand", channel: "hand"))
        #expect(recording.changes == ["channel: 'email' → 'hand'"])
        let statistics = try desk.statistics().statistics
        #expect(statistics.notesByChannel[.hand] == 1 && statistics.notesByChannel[.email] == nil)
    }

    @Test func aCorrectedNameIsOnTheListOfParticipants() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(
            desk, "Norway", "N1", received: "2017-08-10",
            participants: [Desk.head("Ms. Jonsdottir"), Desk.member("adviser", "Mr. Berg")])
        let number = try Desk.number(desk, "Norway", "N1")
        let recording = try desk.correct(
            CorrectionRequest(
                note: number, reason: "Accents dropped",
                participants: .list([Desk.head("Ms. Jónsdóttir"), Desk.member("adviser", "Mr. Berg")], wholeList: true))
        )
        #expect(recording.changes == ["participant 1: 'head, Ms. Jonsdottir' → 'head, Ms. Jónsdóttir'"])
        #expect(try Desk.rosterNames(desk, "Norway") == ["Jónsdóttir", "Berg"])
        #expect(try desk.findPerson("Jonsdottir").found.count == 1)
    }

    // MARK: Correcting one participant

    /// The Cluster Munition Coalition's letter: a head and an adviser, the head's function left out by the clerk.
    static func coalition(_ desk: RegistrationDesk) throws -> Int64 {
        try Desk.register(
            desk, "Cluster Munition Coalition", "CMC 1", received: "2017-08-10", category: "civil_society",
            participants: [
                .init(role: "head", name: "Ms. Megan Burk", gender: "female", email: "megan@cmc.example"),
                .init(role: "adviser", name: "Mr. Hector Gerra", function: "Adviser", gender: "male"),
            ])
        return try Desk.number(desk, "Cluster Munition Coalition", "CMC 1")
    }

    @Test func aHeadAloneCorrectsTheHeadAndKeepsHerGenderAndTheOtherParticipants() throws {
        let desk = try Desk.sevenMSP()
        let number = try Self.coalition(desk)
        let recording = try desk.correct(
            CorrectionRequest(
                note: number, reason: "Function missing",
                participants: .list(
                    [.typed("Ms. Megan Burke; Director", role: "head", field: .participant(0))], wholeList: false)))
        #expect(
            recording.changes == [
                "participant 1: 'head, Ms. Megan Burk, female, megan@cmc.example' → 'head, Ms. Megan Burke, Director, female, megan@cmc.example'"
            ])
        let people = try #require(
            try desk.roster().roster.groups.flatMap(\.delegations).first { $0.name == "Cluster Munition Coalition" }?
                .participants)
        #expect(people.map(\.name) == ["Megan Burke", "Hector Gerra"])
        #expect(people.map(\.gender) == [.female, .male])
        #expect(people[0].function == "Director" && people[0].email == "megan@cmc.example")
    }

    @Test func oneParticipantIsCorrectedFieldByFieldAndTheRestStays() throws {
        let desk = try Desk.sevenMSP()
        let number = try Self.coalition(desk)
        let name = try desk.correct(
            CorrectionRequest(
                note: number, reason: "Misspelt", participants: .participant(1, .init(role: nil, name: "Hector Guerra"))
            ))
        #expect(
            name.changes == [
                "participant 2: 'adviser, Mr. Hector Gerra, Adviser, male' → 'adviser, Mr. Hector Guerra, Adviser, male'"
            ])
        // A name given with its honorific brings it; a function alone changes only the function.
        _ = try desk.correct(
            CorrectionRequest(
                note: number, reason: "Title and function",
                participants: .participant(1, .init(role: nil, name: "Dr. Hector Guerra", function: "Legal adviser"))))
        let people = try #require(
            try desk.roster().roster.groups.flatMap(\.delegations).first { $0.name == "Cluster Munition Coalition" }?
                .participants)
        #expect(people.map(\.displayName) == ["Ms. Megan Burk", "Dr. Hector Guerra"])
        #expect(people[1].function == "Legal adviser" && people[1].gender == .male)
        #expect(people[0].gender == .female && people[0].email == "megan@cmc.example")
    }

    @Test func aPartialListDoesNotSilentlyReplaceTheWholeOne() throws {
        let desk = try Desk.sevenMSP()
        let number = try Self.coalition(desk)
        let partial = try expectRefusalWritingNothing(desk, field: .replaceList) {
            try desk.correct(
                CorrectionRequest(
                    note: number, reason: Self.reason,
                    participants: .list(
                        [Desk.head("Ms. Megan Burke"), Desk.member("alternate", "Mr. X")], wholeList: false)))
        }
        #expect(
            partial?.message.hasPrefix("note \(number) lists 2 participants; the 2 given would replace them all")
                == true)
        try expectRefusalWritingNothing(desk, field: .replaceList) {
            try desk.correct(
                CorrectionRequest(
                    note: number, reason: Self.reason,
                    participants: .list([Desk.member("adviser", "Mr. Hector Guerra")], wholeList: false)))
        }
        let missing = try expectRefusalWritingNothing(desk, field: .participant(2)) {
            try desk.correct(
                CorrectionRequest(note: number, reason: Self.reason, participants: .participant(2, Desk.head("Ms. X"))))
        }
        #expect(missing?.message == "note \(number) lists 2 participants: there is no participant 3")
        try expectRefusalWritingNothing(desk, field: .participant(1)) {
            try desk.correct(
                CorrectionRequest(
                    note: number, reason: Self.reason, participants: .participant(1, .init(role: nil, name: nil))))
        }
        // A participant corrected as register checks it: a second head is refused.
        try expectRefusalWritingNothing(desk, field: .participants) {
            try desk.correct(
                CorrectionRequest(
                    note: number, reason: Self.reason, participants: .participant(1, .init(role: "head", name: nil))))
        }
        // Confirmed as the whole list, it replaces it.
        _ = try desk.correct(
            CorrectionRequest(
                note: number, reason: "The adviser did not come",
                participants: .list([Desk.head("Ms. Megan Burke")], wholeList: true)))
        #expect(
            try desk.roster().roster.groups.flatMap(\.delegations).first { $0.name == "Cluster Munition Coalition" }?
                .participants.map(\.name) == ["Megan Burke"])
    }

    @Test func aParticipantAddedOrRemovedIsOneLineEach() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Norway", "N1", received: "2017-08-10", participants: [Desk.head("Ms. A")])
        let number = try Desk.number(desk, "Norway", "N1")
        let added = try desk.correct(
            CorrectionRequest(
                note: number, reason: "Second page missed",
                participants: .list([Desk.head("Ms. A"), Desk.member("alternate", "Mr. B")], wholeList: true)))
        #expect(added.changes == ["participant 2: none → 'alternate, Mr. B'"])
        #expect(try desk.statistics().statistics.participants == 2)
    }

    @Test func aNoteMovedToAnotherStateMovesItsParticipantsAndBothListsFollow() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Norway", "N1", received: "2017-08-10", participants: [Desk.head("Ms. Norway")])
        // Sweden's note, recorded against Norway by mistake: it amended Norway's composition.
        try Desk.register(desk, "Norway", "S1", received: "2017-08-12", participants: [Desk.head("Mr. Sweden")])
        #expect(try Desk.rosterNames(desk, "Norway") == ["Sweden"])
        let number = try Desk.number(desk, "Norway", "S1")
        let recording = try desk.correct(
            CorrectionRequest(note: number, reason: "Wrong delegation", delegation: "SWE"))
        #expect(recording.delegation == "Sweden")
        #expect(recording.changes == ["delegation: 'Norway' → 'Sweden'"])
        #expect(try Desk.rosterNames(desk, "Norway") == ["Norway"])
        #expect(try Desk.rosterNames(desk, "Sweden") == ["Sweden"])
        #expect(try desk.statistics().statistics.statesPartiesRegistered == 2)
        // Sweden's first note is a registration; Norway's history keeps what was done to the note.
        #expect(try desk.history(delegation: "Sweden").entries.last?.kindName == "correction")
        #expect(try desk.history(delegation: "Norway").entries.map(\.kindName).contains("correction"))
        // Undone, it is Norway's again and Sweden leaves the list.
        _ = try desk.undo(note: number, reason: "It was Norway's after all")
        #expect(try Desk.rosterNames(desk, "Norway") == ["Sweden"])
        #expect(try Desk.rosterNames(desk, "Sweden") == nil)
    }

    @Test func aNoteMovedToAStateOfAnotherCategoryIsListedInThatGroup() throws {
        let desk = try Desk.sevenMSP()
        // Niger is a State Party; Nigeria was a signatory at the 7MSP.
        try Desk.register(desk, "Niger", "NG1", received: "2017-08-10")
        let number = try Desk.number(desk, "Niger", "NG1")
        _ = try desk.correct(CorrectionRequest(note: number, reason: "Wrong State", delegation: "Nigeria"))
        let groups = try desk.roster().roster.groups
        #expect(groups.first { $0.category == .statesParties }?.delegations.isEmpty == true)
        #expect(groups.first { $0.category == .signatoryStates }?.delegations.map(\.name) == ["Nigeria"])
        #expect(try desk.delegations().delegations.map(\.name) == ["Nigeria"])
    }

    // MARK: Refused corrections

    @Test func nothingToCorrectIsRefused() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Norway", "N1", received: "2017-08-10")
        let number = try Desk.number(desk, "Norway", "N1")
        let nothing = try expectRefusalWritingNothing(desk, field: .note) {
            try desk.correct(CorrectionRequest(note: number, reason: Self.reason))
        }
        #expect(nothing?.message.contains("nothing to correct") == true)
        try expectRefusalWritingNothing(desk, field: .note) {
            try desk.correct(CorrectionRequest(note: number, reason: Self.reason, reference: "N1", channel: nil))
        }
        // The same day said another way is the same receipt.
        try expectRefusalWritingNothing(desk, field: .note) {
            try desk.correct(CorrectionRequest(note: number, reason: Self.reason, receivedAt: " 2017-08-10 "))
        }
        #expect(try desk.history(delegation: "Norway").entries.count == 1)
    }

    @Test func aCorrectedNoteIsCheckedAsRegisterChecksIt() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Norway", "N1", received: "2017-08-10")
        let number = try Desk.number(desk, "Norway", "N1")
        try expectRefusalWritingNothing(desk, field: .receivedAt) {
            try desk.correct(CorrectionRequest(note: number, reason: Self.reason, receivedAt: "2017-02-30"))
        }
        try expectRefusalWritingNothing(desk, field: .receivedAt) {
            try desk.correct(CorrectionRequest(note: number, reason: Self.reason, receivedAt: "yesterday-ish"))
        }
        let heads = try expectRefusalWritingNothing(desk, field: .participants) {
            try desk.correct(
                CorrectionRequest(
                    note: number, reason: Self.reason,
                    participants: .list([Desk.head("Ms. A"), Desk.head("Mr. B")], wholeList: true)))
        }
        #expect(heads?.message.contains("2 heads") == true)
        try expectRefusalWritingNothing(desk, field: .participants) {
            try desk.correct(
                CorrectionRequest(note: number, reason: Self.reason, participants: .list([], wholeList: true)))
        }
        try expectRefusalWritingNothing(desk, field: .channel) {
            try desk.correct(CorrectionRequest(note: number, reason: Self.reason, channel: "pigeon"))
        }
        try expectRefusalWritingNothing(desk, field: .delegation) {
            try desk.correct(CorrectionRequest(note: number, reason: Self.reason, delegation: "Norwey"))
        }
        #expect(try desk.history(delegation: "Norway").entries.count == 1)
    }

    @Test func aCorrectionNeedsAReasonAndAKnownNote() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Norway", "N1", received: "2017-08-10")
        let number = try Desk.number(desk, "Norway", "N1")
        try expectRefusalWritingNothing(desk, field: .reason) {
            try desk.correct(CorrectionRequest(note: number, reason: " ", reference: "N2"))
        }
        try expectRefusalWritingNothing(desk, field: .note, reason: .notFound) {
            try desk.correct(CorrectionRequest(note: number + 100, reason: Self.reason, reference: "N2"))
        }
    }

    @Test func aReferenceThatClashesIsAConflict() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Norway", "N1", received: "2017-08-10")
        try Desk.register(desk, "Norway", "N2", received: "2017-08-11")
        let number = try Desk.number(desk, "Norway", "N2")
        let error = try expectRefusalWritingNothing(desk, field: .reference, reason: .conflict) {
            try desk.correct(CorrectionRequest(note: number, reason: Self.reason, reference: "N1"))
        }
        #expect(error?.message.contains("already recorded") == true)
        #expect(try desk.history(delegation: "Norway").entries.map(\.kindName) == ["registration", "amendment"])
        let stored = try desk.meeting(code: "7MSP")
        #expect(try desk.store.note(number: number, meeting: stored)?.snapshot.reference == "N2")
    }

    @Test func aVoidNoteIsNotCorrected() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Norway", "N1", received: "2017-08-10")
        let number = try Desk.number(desk, "Norway", "N1")
        _ = try desk.void(note: number, reason: "Recorded by mistake")
        try expectRefusalWritingNothing(desk, field: .note, reason: .conflict) {
            try desk.correct(CorrectionRequest(note: number, reason: Self.reason, reference: "N2"))
        }
    }

    // MARK: Voiding and restoring

    @Test func aVoidedNoteLeavesTheListTheLateNotesAndTheFiguresAndStaysInTheHistory() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Norway", "N1", received: "2017-08-10", participants: [Desk.head("Ms. First")])
        let number = try Desk.norwayWithLateAmendmentOnly(desk)
        try Desk.register(desk, "Kenya", "K1", received: "2017-08-25")
        let kenya = try Desk.number(desk, "Kenya", "K1")
        #expect(try Desk.rosterNames(desk, "Norway") == ["Second"])

        let voided = try desk.void(note: number, reason: "Typed twice")
        #expect(voided.voided && voided.changes == ["voided"] && voided.delegation == "Norway")
        _ = try desk.void(note: kenya, reason: "Not for this meeting")
        #expect(try Desk.rosterNames(desk, "Norway") == ["First"])
        #expect(try Desk.rosterNames(desk, "Kenya") == nil)
        #expect(try desk.lateNotes().notes.isEmpty)
        let statistics = try desk.statistics().statistics
        #expect(statistics.notes == 1 && statistics.lateNotes == 0 && statistics.delegations == 1)
        #expect(try desk.delegations().delegations.map(\.name) == ["Norway"])
        let history = try desk.history(delegation: "Norway").entries
        #expect(history.map(\.kindName) == ["registration", "amendment", "voiding"])
        #expect(history.last?.reason == "Typed twice" && history.last?.number == number)
        #expect(try desk.history(delegation: "Kenya").entries.map(\.kindName) == ["registration", "voiding"])
    }

    @Test func aVoidedNoteIsNotADuplicateAnyMore() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Norway", received: "2017-08-10")
        let number = try Desk.number(desk, "Norway", nil)
        _ = try desk.void(note: number, reason: "Recorded against the wrong day")
        // Its participants are free again: the same note typed anew is no duplicate of a void one.
        try Desk.register(desk, "Norway", received: "2017-08-11")
        #expect(try Desk.rosterNames(desk, "Norway") == ["Head of Norway"])
        #expect(
            try desk.history(delegation: "Norway").entries.map(\.kindName) == [
                "registration", "voiding", "registration",
            ])
    }

    @Test func aNoteIsVoidedOnceAndRestoredOnlyWhenVoid() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Kenya", "K1", received: "2017-08-25")
        let number = try Desk.number(desk, "Kenya", "K1")
        try expectRefusalWritingNothing(desk, field: .note, reason: .conflict) {
            try desk.restore(note: number, reason: "Never void")
        }
        _ = try desk.void(note: number, reason: "Typed twice")
        let twice = try expectRefusalWritingNothing(desk, field: .note, reason: .conflict) {
            try desk.void(note: number, reason: "Again")
        }
        #expect(twice?.message.contains("void already") == true)
        try expectRefusalWritingNothing(desk, field: .reason) { try desk.restore(note: number, reason: "") }
        try expectRefusalWritingNothing(desk, field: .note, reason: .notFound) {
            try desk.void(note: number + 100, reason: "Unknown")
        }
        #expect(try desk.history(delegation: "Kenya").entries.map(\.kindName) == ["registration", "voiding"])
    }

    @Test func aRestoredNoteIsBackWithItsDecision() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Kenya", "K1", received: "2017-08-25")
        let number = try Desk.number(desk, "Kenya", "K1")
        _ = try desk.decide(DecisionRequest(note: number, outcome: .accepted, reason: "ok"))
        _ = try desk.void(note: number, reason: "Typed twice")
        #expect(try Desk.rosterNames(desk, "Kenya") == nil)
        let restored = try desk.restore(note: number, reason: "It was the only one")
        #expect(!restored.voided && restored.changes == ["restored"])
        #expect(try Desk.rosterNames(desk, "Kenya") == ["Head of Kenya"])
        #expect(try desk.lateNotes().notes.map(\.status) == [.decided(.accepted)])
        let history = try desk.history(delegation: "Kenya").entries
        #expect(history.map(\.kindName) == ["registration", "accepted", "voiding", "restoring"])
        #expect(history.map(\.reason) == [nil, "ok", "Typed twice", "It was the only one"])
    }

    @Test func aNoteWhoseReferenceWasTakenMeanwhileIsNotRestored() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Norway", "N1", received: "2017-08-10")
        let number = try Desk.number(desk, "Norway", "N1")
        _ = try desk.void(note: number, reason: "Recorded by mistake")
        try Desk.register(desk, "Norway", "N1", received: "2017-08-11")
        try expectRefusalWritingNothing(desk, field: .note, reason: .conflict) {
            try desk.restore(note: number, reason: "After all")
        }
    }

    // MARK: Undo

    @Test func undoingACorrectionBringsBackTheVersionBeforeAsANewVersion() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Norway", "N1", received: "2017-08-10", participants: [Desk.head("Ms. A")])
        let number = try Desk.number(desk, "Norway", "N1")
        _ = try desk.correct(
            CorrectionRequest(
                note: number, reason: "Wrong name", reference: "N 1",
                participants: .list([Desk.head("Ms. B")], wholeList: false)))
        #expect(try Desk.rosterNames(desk, "Norway") == ["B"])
        let undone = try desk.undo(note: number, reason: "The first reading was right")
        #expect(undone.changes == ["reference: 'N 1' → 'N1'", "participant 1: 'head, Ms. B' → 'head, Ms. A'"])
        #expect(!undone.voided)
        #expect(try Desk.rosterNames(desk, "Norway") == ["A"])
        let stored = try desk.meeting(code: "7MSP")
        #expect(try desk.store.note(number: number, meeting: stored)?.snapshot.reference == "N1")
        let versions = try desk.store.versions(number: number, meeting: stored)
        #expect(versions.map(\.command) == ["register", "correct", "undo"])
        let history = try desk.history(delegation: "Norway").entries
        #expect(history.map(\.kindName) == ["registration", "correction", "correction"])
        #expect(history.last?.reason == "The first reading was right")
    }

    @Test func undoingAVoidingBringsTheNoteBack() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Kenya", "K1", received: "2017-08-25")
        let number = try Desk.number(desk, "Kenya", "K1")
        _ = try desk.void(note: number, reason: "Typed twice")
        let undone = try desk.undo(note: number, reason: "Wrong note voided")
        #expect(!undone.voided && undone.changes == ["restored"])
        #expect(try Desk.rosterNames(desk, "Kenya") == ["Head of Kenya"])
        #expect(try desk.lateNotes().notes.map(\.delegation) == ["Kenya"])
        #expect(
            try desk.history(delegation: "Kenya").entries.map(\.kindName) == ["registration", "voiding", "restoring"])
    }

    @Test func undoingARestoringVoidsTheNoteAgain() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Kenya", "K1", received: "2017-08-25")
        let number = try Desk.number(desk, "Kenya", "K1")
        _ = try desk.void(note: number, reason: "Typed twice")
        _ = try desk.restore(note: number, reason: "Not twice after all")
        let undone = try desk.undo(note: number, reason: "Twice after all")
        #expect(undone.voided && undone.changes == ["voided"])
        #expect(try desk.lateNotes().notes.isEmpty)
    }

    @Test func anUndoThatWouldBringBackAReferenceTakenMeanwhileIsRefusedOnTheNote() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Norway", "N1", received: "2017-08-10")
        let number = try Desk.number(desk, "Norway", "N1")
        _ = try desk.correct(CorrectionRequest(note: number, reason: "Misread", reference: "N 1"))
        try Desk.register(desk, "Norway", "N1", received: "2017-08-11")
        let error = try expectRefusalWritingNothing(desk, field: .note, reason: .conflict) {
            try desk.undo(note: number, reason: "The first reading was right")
        }
        #expect(error?.message.contains("'N1'") == true)
    }

    @Test func aNoteNeverCorrectedHasNothingToUndo() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Kenya", "K1", received: "2017-08-25")
        let number = try Desk.number(desk, "Kenya", "K1")
        // A decision is not a correction: undo does not take it back.
        _ = try desk.decide(DecisionRequest(note: number, outcome: .accepted, reason: "ok"))
        let error = try expectRefusalWritingNothing(desk, field: .note) {
            try desk.undo(note: number, reason: "Oops")
        }
        #expect(error?.message.contains("nothing to undo") == true)
        try expectRefusalWritingNothing(desk, field: .reason) {
            try desk.undo(note: number, reason: "")
        }
        #expect(try desk.history(delegation: "Kenya").entries.map(\.kindName) == ["registration", "accepted"])
    }

    // MARK: A note typed twice

    @Test func aNoteWithoutReferenceListingTheSameParticipantsTheSameDayIsRefused() throws {
        let desk = try Desk.sevenMSP()
        let people = [Desk.head("H.E. Ms. Kim"), Desk.member("adviser", "Mr. Lee")]
        try Desk.register(desk, "Norway", received: "2017-08-10", participants: people)
        let number = try Desk.number(desk, "Norway", nil)
        // The same people, written another way, are the same people.
        let again = [Desk.head("h.e. ms. KIM"), Desk.member("adviser", "Mr. Lee")]
        let error = try expectRefusalWritingNothing(desk, field: .participants, reason: .conflict) {
            try Desk.register(desk, "NOR", received: "2017-08-11", participants: again)
        }
        #expect(error?.message.contains("probably a duplicate: note \(number) of Norway") == true)
        #expect(try desk.history(delegation: "Norway").entries.count == 1)
        // A dry run is refused as well.
        try expectRefusalWritingNothing(desk, field: .participants, reason: .conflict) {
            try desk.register(Desk.note("Norway", received: "2017-08-11", participants: again), dryRun: true)
        }
    }

    @Test func aNoteWithAReferenceOrConfirmedOrOtherPeopleIsRecorded() throws {
        let desk = try Desk.sevenMSP()
        let people = [Desk.head("Ms. Kim")]
        try Desk.register(desk, "Norway", received: "2017-08-10", participants: people)
        // With a reference of its own.
        try Desk.register(desk, "Norway", "N2", received: "2017-08-11", participants: people)
        // Confirmed as another note.
        _ = try desk.register(
            Desk.note("Norway", received: "2017-08-12", participants: people), confirmedNotDuplicate: true)
        // Other participants, or another role.
        try Desk.register(desk, "Norway", received: "2017-08-13", participants: [Desk.head("Mr. Park")])
        try Desk.register(
            desk, "Norway", received: "2017-08-14",
            participants: [Desk.head("Mr. Park"), Desk.member("adviser", "Ms. Kim")])
        // The same participants for another delegation.
        try Desk.register(desk, "Sweden", received: "2017-08-10", participants: people)
        #expect(try desk.history(delegation: "Norway").entries.count == 5)
    }

    @Test func aTwinWithAReferenceIsNotADuplicateOfANoteWithout() throws {
        let desk = try Desk.sevenMSP()
        let people = [Desk.head("Ms. Kim")]
        try Desk.register(desk, "Norway", "N1", received: "2017-08-10", participants: people)
        try Desk.register(desk, "Norway", received: "2017-08-11", participants: people)
        #expect(try desk.history(delegation: "Norway").entries.count == 2)
    }

    @Test func theNextDayAtTheVenueTheSameParticipantsAreRecorded() throws {
        let store = try Store.inMemory()
        // 23:30 in Geneva (21:30 UTC) on 1 September, then 00:30 on the 2nd (22:30 UTC, still the 1st in UTC).
        let evening = Instant(secondsSinceEpoch: 1_504_301_400)
        let desk = RegistrationDesk(store: store, user: "clerk", clock: { evening })
        try desk.addMeeting(Desk.sevenMSPRequest)
        let people = [Desk.head("Ms. Kim")]
        try Desk.register(desk, "Norway", received: "2017-08-10", participants: people)
        let later = RegistrationDesk(store: store, user: "clerk", clock: { evening.adding(seconds: 900) })
        try expectRefusalWritingNothing(later, field: .participants, reason: .conflict) {
            try Desk.register(later, "Norway", received: "2017-08-11", participants: people)
        }
        let nextDay = RegistrationDesk(store: store, user: "clerk", clock: { evening.adding(seconds: 3600) })
        try Desk.register(nextDay, "Norway", received: "2017-08-11", participants: people)
        #expect(try nextDay.history(delegation: "Norway").entries.count == 2)
    }
}

extension Desk {
    /// A late amendment of Norway (7 days late) naming Mr. Second; its number.
    static func norwayWithLateAmendmentOnly(_ desk: RegistrationDesk) throws -> Int64 {
        try register(desk, "Norway", "N2", received: "2017-08-25", participants: [head("Mr. Second")])
        return try number(desk, "Norway", "N2")
    }
}
