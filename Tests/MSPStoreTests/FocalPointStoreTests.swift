import Foundation
import GRDB
import MSPDomain
import MSPStore
import Testing

/// `focal_point` in the store: the schema keeps one working link per delegation and meeting and a 32-byte hash (even
/// when two processes race past the desk's own check); a link stops working once; an unknown State is an error.
@Suite struct FocalPointStoreTests {
    static let uganda = Represented.state(ReferenceData.states.find("Uganda")!)

    static func hash(_ byte: UInt8) -> Data { Data(repeating: byte, count: 32) }

    @Test func oneWorkingLinkPerDelegationEvenPastTheDesksCheck() throws {
        let (store, meeting) = try Store.with7MSP()
        let first = try store.issueFocalPoint(
            Self.uganda, email: "a@mission.example", tokenHash: Self.hash(1), meeting: meeting, change: Sample.change())
        let error = #expect(throws: InputError.self) {
            try store.issueFocalPoint(
                Self.uganda, email: "b@mission.example", tokenHash: Self.hash(2), meeting: meeting,
                change: Sample.change())
        }
        #expect(error?.reason == .conflict && error?.field == .delegation)
        // Nothing of the refused link was written, not even its change.
        let counts = try store.read { db in
            [
                try Int.fetchOne(db, sql: "SELECT count(*) FROM focal_point"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM change WHERE summary LIKE 'focal point%'"),
            ]
        }
        #expect(counts == [1, 1])
        // Found by its hash while it works, and not once it stopped.
        #expect(try store.activeFocalPoint(tokenHash: Self.hash(1))?.entry == first)
        #expect(try store.activeFocalPoint(tokenHash: Self.hash(2)) == nil)
        let revoked = try store.revokeFocalPoint(first.id, meeting: meeting, change: Sample.change())
        #expect(!revoked.isActive && revoked.revoked?.by == "test")
        #expect(try store.activeFocalPoint(tokenHash: Self.hash(1)) == nil)
        // A link stopped meanwhile cannot be stopped again, nor replaced.
        let again = #expect(throws: InputError.self) {
            try store.revokeFocalPoint(first.id, meeting: meeting, change: Sample.change())
        }
        #expect(again?.reason == .notFound)
        #expect(throws: InputError.self) {
            try store.issueFocalPoint(
                Self.uganda, email: "a@mission.example", tokenHash: Self.hash(3), meeting: meeting,
                change: Sample.change(), replacing: first.id)
        }
        #expect(try store.focalPoints(meeting: meeting).count == 1)
    }

    @Test func theSchemaRefusesAHashThatIsNotThirtyTwoBytesOrATokenAsText() throws {
        let (store, meeting) = try Store.with7MSP()
        _ = try store.issueFocalPoint(
            Self.uganda, email: "a@mission.example", tokenHash: Self.hash(1), meeting: meeting, change: Sample.change())
        for value in ["'abc'", "x'00'", "'\(String(repeating: "A", count: 32))'"] {
            #expect(throws: DatabaseError.self) {
                try store.writer.write { db in
                    try db.execute(sql: "UPDATE focal_point SET token_hash = \(value)")
                }
            }
        }
    }

    @Test func aStateThisMspDoesNotKnowIsCorrupt() throws {
        let (store, meeting) = try Store.with7MSP()
        _ = try store.issueFocalPoint(
            Self.uganda, email: "a@mission.example", tokenHash: Self.hash(1), meeting: meeting, change: Sample.change())
        try store.writer.write { db in try db.execute(sql: "UPDATE focal_point SET state_iso3 = 'XXX'") }
        #expect(throws: StoreError.corrupt(table: "focal_point", column: "state_iso3", value: "XXX")) {
            try store.focalPoints(meeting: meeting)
        }
    }
}
