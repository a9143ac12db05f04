import Foundation
import GRDB
import MSPDomain
import MSPStore
import Testing

@Suite struct SchemaAndReferenceDataTests {
    @Test func aNewDatabaseHasTheSchemaAndTheReferenceData() throws {
        let store = try Store.inMemory()
        #expect(try store.schemaVersion() == SchemaMigrator.embedded.version)
        #expect(try store.count("organization") == ReferenceData.organizations.count)
        #expect(ReferenceData.organizations.count == 26)
        #expect(try store.count("treaty_membership") == 125)
        let ccm = try store.membership(convention: "CCM")
        #expect(ccm.parties(on: LocalDate(iso: "2017-09-04")!).count == 102)
        let resolver = try store.resolver()
        #expect(resolver.states.find("Uganda")?.iso3 == "UGA")
        #expect(resolver.organization(named: "ICRC")?.name == "International Committee of the Red Cross")
        #expect(try store.meetings().isEmpty)
    }

    @Test func aDatabaseFileIsCreatedReadableByItsOwnerOnly() throws {
        let scratch = try Scratch()
        defer { scratch.clean() }
        let store = try Store(path: scratch.path())
        #expect(store.createdFile)
        store.close()
        let attributes = try FileManager.default.attributesOfItem(atPath: scratch.path())
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let again = try Store(path: scratch.path())
        #expect(!again.createdFile)
        #expect(try again.count("treaty_membership") == 125)
        again.close()
    }

    @Test func openingAnUpToDateDatabaseAndReadingItWritesNothing() throws {
        let scratch = try Scratch()
        defer { scratch.clean() }
        let store = try Store(path: scratch.path())
        let meeting = try store.addMeeting(Sample.meeting(), change: Sample.change())
        store.close()
        let before = try #require(scratch.bytes())
        let again = try Store(path: scratch.path())
        _ = try again.roster(meeting)
        _ = try again.meetings()
        again.close()
        #expect(scratch.bytes() == before)
        let queue = try DatabaseQueue(path: scratch.path())
        #expect(try queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        try queue.close()
    }

    /// The embedded migrations and one more that this msp does not know yet.
    static let newer = SchemaMigrator(
        migrations: SchemaMigrator.embedded.migrations
            + [.init(identifier: "9999_from_the_future", sql: "CREATE TABLE future (x INTEGER)")])

    @Test func aDatabaseFromANewerMspIsRefusedUntouched() throws {
        let scratch = try Scratch()
        defer { scratch.clean() }
        try Store(path: scratch.path(), migrator: Self.newer).close()
        let before = try #require(scratch.bytes())
        let error = #expect(throws: StoreError.self) { try Store(path: scratch.path()) }
        guard case .newerSchema(let databaseVersion, let binaryVersion, let unknown) = error else {
            Issue.record("not newerSchema: \(String(describing: error))")
            return
        }
        #expect(databaseVersion == Self.newer.version)
        #expect(binaryVersion == SchemaMigrator.embedded.version)
        #expect(unknown == ["9999_from_the_future"])
        #expect(scratch.bytes() == before)
        #expect(!FileManager.default.fileExists(atPath: scratch.path() + "-wal"))
    }

    @Test func anOlderDatabaseIsCopiedBesideItselfBeforeItIsUpgraded() throws {
        let scratch = try Scratch()
        defer { scratch.clean() }
        let older = SchemaMigrator.embedded
        let old = try Store(path: scratch.path(), migrator: older)
        _ = try old.addMeeting(Sample.meeting(), change: Sample.change())
        old.close()

        let upgraded = try Store(path: scratch.path(), migrator: Self.newer)
        let backup = try #require(upgraded.upgradeBackup)
        #expect(backup == scratch.path() + ".schema-v\(older.version).bak")
        #expect(try upgraded.schemaVersion() == Self.newer.version)
        #expect(try upgraded.read { try $0.tableExists("future") })
        #expect(try upgraded.meetings().map(\.meeting.code) == ["7MSP"])
        // Kept by a command that succeeds (a failing one rolls the upgrade back: `SchemaVersionTests`).
        try upgraded.commitUpgrade()
        upgraded.close()

        let copy = try DatabaseQueue(path: backup)
        #expect(
            try copy.read { try String.fetchAll($0, sql: "SELECT identifier FROM schema_migration") }
                == older.migrations.map(\.identifier))
        #expect(try copy.read { try !$0.tableExists("future") })
        #expect(try copy.read { try String.fetchAll($0, sql: "SELECT code FROM meeting") } == ["7MSP"])
        try copy.close()
        let mode = try FileManager.default.attributesOfItem(atPath: backup)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)

        // An up-to-date database is opened without a copy.
        let current = try Store(path: scratch.path(), migrator: Self.newer)
        #expect(current.upgradeBackup == nil)
        current.close()
    }

    @Test func aFileThatIsNotADatabaseIsRefusedUntouched() throws {
        let scratch = try Scratch()
        defer { scratch.clean() }
        let text = Data("name,acronym\nNot a database,X\n".utf8)
        try text.write(to: URL(fileURLWithPath: scratch.path()))
        let error = #expect(throws: StoreError.self) { try Store(path: scratch.path()) }
        guard case .notADatabase = error else {
            Issue.record("not notADatabase: \(String(describing: error))")
            return
        }
        #expect(
            error?.description
                == "\(scratch.path()) is not an msp database: the file is not an SQLite database")
        #expect(scratch.bytes() == text)
    }
}

@Suite struct MeetingStoreTests {
    @Test func aMeetingIsAddedAndReadBack() throws {
        let store = try Store.inMemory()
        let meeting = try Sample.meeting()
        let stored = try store.addMeeting(meeting, change: Sample.change())
        #expect(stored.meeting == meeting)
        #expect(try store.meetings().map(\.meeting) == [meeting])
        #expect(try store.count("change") == 1)
    }

    @Test(arguments: ["7MSP", "7msp"])
    func aCodeAlreadyUsedIsAnInputError(code: String) throws {
        let store = try Store.inMemory()
        try store.addMeeting(Sample.meeting(), change: Sample.change())
        let before = try store.counts()
        let error = #expect(throws: InputError.self) {
            try store.addMeeting(Sample.meeting(code: code), change: Sample.change())
        }
        #expect(error?.message.contains("exists already") == true)
        #expect(try store.counts() == before)
    }
}

@Suite struct RegistrationStoreTests {
    @Test func anAmendmentReplacesTheCompositionAndKeepsTheHistory() throws {
        let (store, meeting) = try Store.with7MSP()
        let first = try store.register(
            Submission(
                delegation: "Uganda", reference: "Note 45/2017", receivedAt: "2017-08-15T10:30:00+02:00",
                participants: Sample.participants([
                    ("head", "H.E. Mr. John Doe"), ("adviser", "Mr. Sam Poe"),
                    ("alternate", "Ms. Jane Roe"),
                ])), for: meeting)
        #expect(first.kind == .registration)
        #expect(first.category == .signatoryStates)
        #expect(first.lateness == .onTime)

        let second = try store.register(
            Submission(
                delegation: "UG", reference: "Note 52/2017", receivedAt: "2017-08-17",
                participants: Sample.participants([("head", "Ms. Jane Roe")])), for: meeting)
        #expect(second.kind == .amendment)

        let roster = try store.roster(meeting)
        let uganda = try #require(roster.groups[1].delegations.first)
        #expect(uganda.name == "Uganda")
        #expect(uganda.participants == [Participant(role: .head, title: "Ms.", name: "Jane Roe")])
        #expect(try store.count("note") == 2)
        #expect(try store.count("participant") == 4)
        #expect(try store.count("delegation") == 1)
        let kinds = try store.read { try String.fetchAll($0, sql: "SELECT kind FROM note ORDER BY received_at") }
        #expect(kinds == ["registration", "amendment"])
    }

    @Test func aNoteReceivedEarlierButRecordedLaterIsTheRegistration() throws {
        let (store, meeting) = try Store.with7MSP()
        try store.register(
            Submission(
                delegation: "Germany", reference: "B", receivedAt: "2017-08-10",
                participants: Sample.participants([("head", "Mr. Later")])), for: meeting)
        let earlier = try store.register(
            Submission(
                delegation: "Germany", reference: "A", receivedAt: "2017-08-01",
                participants: Sample.participants([("head", "Mr. Earlier")])), for: meeting)
        #expect(earlier.kind == .registration)
        let kinds = try store.read {
            try [String: String](
                uniqueKeysWithValues: Row.fetchAll($0, sql: "SELECT reference, kind FROM note").map { ($0[0], $0[1]) })
        }
        #expect(kinds == ["A": "registration", "B": "amendment"])
        #expect(try store.roster(meeting).groups[0].delegations[0].participants.map(\.name) == ["Later"])
    }

    @Test func aReferenceAlreadyRecordedForTheDelegationIsRefusedAndNothingIsWritten() throws {
        let (store, meeting) = try Store.with7MSP()
        let note = Submission(
            delegation: "Uganda", reference: "Note 45/2017", receivedAt: "2017-08-15",
            participants: Sample.participants([("head", "Mr. John Doe")]))
        try store.register(note, for: meeting)
        let before = try store.counts()
        let error = #expect(throws: InputError.self) { try store.register(note, for: meeting) }
        #expect(error?.message.contains("already recorded") == true)
        #expect(try store.counts() == before)

        // In one batch, a duplicate undoes the notes before it.
        let fresh = try store.draft(
            Submission(delegation: "Kenya", reference: "K1", receivedAt: "2017-08-15"), for: meeting)
        #expect(throws: InputError.self) {
            try store.record(
                [fresh, try store.draft(note, for: meeting)], meeting: meeting, change: Sample.change(),
                summary: "batch")
        }
        #expect(try store.counts() == before)
    }

    @Test func theSameReferenceFromAnotherDelegationIsAnotherNote() throws {
        let (store, meeting) = try Store.with7MSP()
        try store.register(Submission(delegation: "Uganda", reference: "Note 1/2017"), for: meeting)
        try store.register(Submission(delegation: "Kenya", reference: "Note 1/2017"), for: meeting)
        #expect(try store.count("note") == 2)
    }

    @Test func aDryRunWritesNothing() throws {
        let (store, meeting) = try Store.with7MSP()
        let before = try store.counts()
        let recorded = try store.register(
            Submission(
                delegation: "Geneva Call", category: "civil_society",
                receivedAt: "2017-08-20",
                participants: Sample.participants([("head", "Ms. A. Example")])),
            for: meeting, dryRun: true)
        #expect(recorded.kind == .registration)
        #expect(recorded.lateness == .lateByDays(2))
        #expect(try store.counts() == before)
        #expect(try store.resolver().organization(named: "Geneva Call") == nil)
    }

    @Test func aNewOrganizationIsCreatedOnceAndFoundAgainByItsAcronym() throws {
        let (store, meeting) = try Store.with7MSP()
        let organizations = try store.count("organization")
        let first = try store.register(
            Submission(
                delegation: "Geneva Call (GC)", category: "civil_society",
                reference: "L1", receivedAt: "2017-08-01"), for: meeting)
        #expect(first.delegation == "Geneva Call")
        #expect(try store.count("organization") == organizations + 1)
        let found = try #require(try store.resolver().organization(named: "gc"))
        #expect(found == Organization(name: "Geneva Call", acronym: "GC", category: .civilSociety))

        let second = try store.register(
            Submission(delegation: "GC", reference: "L2", receivedAt: "2017-08-02"), for: meeting)
        #expect(second.kind == .amendment)
        #expect(second.category == .civilSociety)
        #expect(try store.count("organization") == organizations + 1)
        #expect(try store.count("delegation") == 1)
        #expect(try store.roster(meeting).groups[4].delegations.map(\.name) == ["Geneva Call"])
    }

    @Test func lateNotesAreListedOldestFirstWithTheirKinds() throws {
        let (store, meeting) = try Store.with7MSP()
        try store.register(
            Submission(delegation: "Kenya", reference: "K2", receivedAt: "2017-08-25T09:00"), for: meeting)
        try store.register(
            Submission(delegation: "Germany", reference: "G1", receivedAt: "2017-08-18T23:59:59"), for: meeting)
        try store.register(Submission(delegation: "CMC", reference: "C1", receivedAt: "2017-08-20"), for: meeting)
        try store.register(
            Submission(delegation: "Kenya", reference: "K1", receivedAt: "2017-08-18T18:30:00-04:00"), for: meeting)
        let late = try store.lateNotes(meeting)
        #expect(late.map(\.reference) == ["K1", "C1", "K2"])
        #expect(late.map(\.kind) == [.registration, .registration, .amendment])
        // The CMC's letter is known only by its date, 20 August: two days after the deadline's day, not "0 seconds".
        let lateness: [Lateness] = [.late(seconds: 1800), .lateByDays(2), .late(seconds: 6 * 86400 + 9 * 3600)]
        #expect(late.map(\.lateness) == lateness)
        #expect(late.map(\.category) == [.signatoryStates, .civilSociety, .signatoryStates])
        #expect(late[1].receivedPrecision == .date)
        let figures = try store.statistics(meeting)
        let counted: [Int] = [figures.delegations, figures.participants, figures.notes, figures.lateNotes]
        // Each note lists its head (StoreSupport gives one to a note that names nobody).
        #expect(counted == [3, 3, 4, 3])
    }

    @Test func anInstantDeadlineIsMetAtThatSecond() throws {
        let store = try Store.inMemory()
        let meeting = try store.addMeeting(
            Sample.meeting(deadline: "2017-08-18T12:00:00+02:00"), change: Sample.change())
        try store.register(
            Submission(delegation: "Kenya", reference: "on time", receivedAt: "2017-08-18T12:00:00+02:00"), for: meeting
        )
        try store.register(
            Submission(delegation: "Kenya", reference: "late", receivedAt: "2017-08-18T12:00:01+02:00"), for: meeting)
        #expect(try store.lateNotes(meeting).map(\.reference) == ["late"])
        #expect(try store.lateNotes(meeting).map(\.lateness.seconds) == [1])
        #expect(try store.statistics(meeting).lateNotes == 1)
    }

    @Test func aStatesCategoryIsReadOnTheOpeningDayOfEachMeeting() throws {
        let store = try Store.inMemory()
        let before = try store.addMeeting(
            Sample.meeting(
                code: "6MSP", opens: "2016-09-05", closes: "2016-09-07",
                deadline: "2016-08-19"), change: Sample.change())
        let after = try store.addMeeting(Sample.meeting(), change: Sample.change())
        #expect(
            try store.register(Submission(delegation: "Benin", reference: "B6"), for: before).category
                == .signatoryStates)
        #expect(
            try store.register(Submission(delegation: "Benin", reference: "B7"), for: after).category == .statesParties)
        #expect(try store.roster(before).groups[1].delegations.map(\.name) == ["Benin"])
        #expect(try store.roster(after).groups[0].delegations.map(\.name) == ["Benin"])
    }

    @Test func aWithdrawnDelegationLeavesTheRosterAndANewerNoteBringsItBack() throws {
        let (store, meeting) = try Store.with7MSP()
        try store.register(
            Submission(
                delegation: "Uganda", reference: "R", receivedAt: "2017-08-01",
                participants: Sample.participants([("head", "Mr. A")])), for: meeting)
        var withdrawal = try store.draft(
            Submission(delegation: "Uganda", reference: "W", receivedAt: "2017-08-10"), for: meeting)
        withdrawal.isWithdrawal = true
        try store.transaction { db in
            try db.execute(
                sql: "INSERT INTO change (made_at, os_user, command, summary) VALUES (0, 'test', 'test', 'withdrawal')")
            var recorder = NoteRecorder(db: db, meeting: meeting, changeId: db.lastInsertedRowID)
            #expect(try recorder.record(withdrawal).kind == .withdrawal)
        }
        #expect(try store.roster(meeting).delegationCount == 0)
        #expect(try store.statistics(meeting).delegations == 0)

        let back = try store.register(
            Submission(
                delegation: "Uganda", reference: "R2", receivedAt: "2017-08-12",
                participants: Sample.participants([("head", "Ms. B")])), for: meeting)
        #expect(back.kind == .amendment)
        #expect(try store.roster(meeting).groups[1].delegations.map { $0.participants.map(\.name) } == [["B"]])
        #expect(try store.count("note") == 3)
    }

    @Test func theRosterIsOrderedAndEveryGroupIsThere() throws {
        let (store, meeting) = try Store.with7MSP()
        for (name, head) in [
            ("Cuba", "Mr. C"), ("Côte d’Ivoire", "Mr. I"), ("costa rica", "Ms. R"), ("Canada", "Ms. A"),
        ] {
            try store.register(
                Submission(delegation: name, participants: Sample.participants([("head", head)])), for: meeting)
        }
        let roster = try store.roster(meeting)
        #expect(roster.groups.map(\.category) == MSPDomain.Category.allCases)
        #expect(roster.groups[0].delegations.map(\.name) == ["Canada", "Costa Rica", "Côte d'Ivoire", "Cuba"])
    }
}
