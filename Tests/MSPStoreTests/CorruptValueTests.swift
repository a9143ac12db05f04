import Foundation
import GRDB
import MSPDomain
import MSPStore
import Testing

/// A stored value this msp does not know (a file edited by hand, or written by another program) is an error that
/// names the table, the column and the value: never a guess, never a crash.
@Suite struct CorruptValueTests {
    /// A 7MSP with a late registration of Uganda (two participants, by e-mail) and the ICRC's, and Germany's
    /// credentials.
    static func sample() throws -> SevenMSP {
        let msp = try SevenMSP()
        try msp.register(
            "Uganda", received: "2017-08-25",
            participants: [
                .init(role: "head", name: "H.E. Mr. John Doe", gender: "male"),
                .init(role: "adviser", name: "Ms. Jane Roe", gender: "female"),
            ], reference: "Note 45/2017")
        try msp.register("ICRC", received: "2017-08-10", participants: [.init(role: "head", name: "Mr. Sam Poe")])
        try msp.register("Germany", received: "2017-08-10", participants: [.init(role: "head", name: "Ms. Eva Roe")])
        try msp.credentials("Germany", .original, received: "2017-08-29T11:46:40Z")
        return msp
    }

    /// Writes `value` with raw SQL, past the schema's CHECK constraints (which keep msp itself from writing it).
    static func corrupt(_ store: Store, _ sql: String, _ value: String) throws {
        try store.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: sql, arguments: [value])
            try db.execute(sql: "PRAGMA ignore_check_constraints = OFF")
        }
    }

    @Test func anUnknownNoteKindIsAnError() throws {
        let msp = try Self.sample()
        try Self.corrupt(msp.store, "UPDATE note SET kind = ?", "postponement")
        let error = StoreError.corrupt(table: "note", column: "kind", value: "postponement")
        #expect(throws: error) { try msp.store.lateNotes(msp.meeting) }
        #expect(throws: error) { try msp.history("Uganda") }
        #expect(throws: error) { try msp.store.statistics(msp.meeting) }
        // Recording another note reads the delegation's notes again: the unknown kind is not overwritten.
        #expect(throws: error) { try msp.register("Uganda", received: "2017-08-26") }
        #expect(error.description == "the database holds 'postponement' in note.kind, which this msp does not know")
    }

    @Test func anUnknownPrecisionOrChannelOfANoteIsAnError() throws {
        let msp = try Self.sample()
        try Self.corrupt(msp.store, "UPDATE note SET received_precision = ?", "week")
        let precision = StoreError.corrupt(table: "note", column: "received_precision", value: "week")
        #expect(throws: precision) { try msp.store.lateNotes(msp.meeting) }
        #expect(throws: precision) { try msp.history("Uganda") }

        let other = try Self.sample()
        try Self.corrupt(other.store, "UPDATE note SET channel = ?", "pigeon")
        let channel = StoreError.corrupt(table: "note", column: "channel", value: "pigeon")
        #expect(throws: channel) { try other.store.lateNotes(other.meeting) }
        #expect(throws: channel) { try other.history("Uganda") }
        #expect(throws: channel) { try other.store.statistics(other.meeting) }
    }

    @Test func anUnknownRoleOrGenderOfAParticipantIsAnError() throws {
        let msp = try Self.sample()
        try Self.corrupt(msp.store, "UPDATE participant SET role = ? WHERE position = 2", "deputy head")
        let role = StoreError.corrupt(table: "participant", column: "role", value: "deputy head")
        #expect(throws: role) { try msp.store.roster(msp.meeting) }
        #expect(throws: role) { try msp.store.statistics(msp.meeting) }

        let other = try Self.sample()
        try Self.corrupt(other.store, "UPDATE participant SET gender = ? WHERE position = 2", "f")
        #expect(throws: StoreError.corrupt(table: "participant", column: "gender", value: "f")) {
            try other.store.roster(other.meeting)
        }
    }

    @Test func anUnknownCategoryOfAnOrganizationIsAnError() throws {
        let msp = try Self.sample()
        try Self.corrupt(
            msp.store, "UPDATE organization SET category = ? WHERE acronym = 'ICRC'",
            "observer")
        let error = StoreError.corrupt(table: "organization", column: "category", value: "observer")
        #expect(throws: error) { try msp.store.roster(msp.meeting) }
        #expect(throws: error) { try msp.store.resolver() }
    }

    @Test func anUnknownKindOfCredentialsIsAnErrorNotADroppedRecord() throws {
        let msp = try Self.sample()
        try Self.corrupt(msp.store, "UPDATE credential SET kind = ?", "telegram")
        let error = StoreError.corrupt(table: "credential", column: "kind", value: "telegram")
        #expect(throws: error) { try msp.store.credentialsReport(msp.meeting) }
        #expect(throws: error) { try msp.history("Germany") }
    }

    @Test func anUnknownKindOfConsentIsAnError() throws {
        let msp = try Self.sample()
        try Self.corrupt(
            msp.store, "UPDATE treaty_membership SET consent_kind = ? WHERE state_iso3 = 'DEU'", "signature")
        #expect(throws: StoreError.corrupt(table: "treaty_membership", column: "consent_kind", value: "signature")) {
            try msp.store.membership(convention: "CCM")
        }
    }

    @Test func anUnknownDistributionLanguageOrDateOfADocumentIsAnError() throws {
        let msp = try Self.sample()
        try msp.store.setMasthead(
            Masthead(symbol: "CCM/MSP/2017/INF.1"), for: .participants, meeting: msp.meeting,
            change: ChangeInfo(at: .now(), osUser: "clerk", command: "document set"))
        for (column, value) in [
            ("distribution", "Public"), ("original_language", "Latin"), ("issued_on", "2017-02-30"),
        ] {
            try Self.corrupt(msp.store, "UPDATE meeting_document SET \(column) = ?", value)
            #expect(throws: StoreError.corrupt(table: "meeting_document", column: column, value: value)) {
                try msp.store.masthead(.participants, meeting: msp.meeting)
            }
            try msp.store.setMasthead(
                Masthead(symbol: "CCM/MSP/2017/INF.1"), for: .participants, meeting: msp.meeting,
                change: ChangeInfo(at: .now(), osUser: "clerk", command: "document set"))
        }
    }
}
