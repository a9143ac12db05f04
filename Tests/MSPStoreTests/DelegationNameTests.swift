import Foundation
import GRDB
import Testing

@testable import MSPDomain
@testable import MSPStore

/// `delegation.name` is a copy made at registration; a State's name is computed again from its ISO code and the
/// meeting's opening day wherever it is read, so a database written when msp stored today's names reads right.
@Suite struct DelegationNameStoreTests {
    /// The 7MSP with Eswatini and North Macedonia on time, Türkiye late, and the Cluster Munition Coalition; then
    /// each delegation's stored name overwritten with today's name, as an msp that knew no former names wrote it.
    func databaseWrittenWithTodaysNames() throws -> SevenMSP {
        let msp = try SevenMSP()
        let head = [Submission.ParticipantEntry(role: "head", name: "Ms. A. Head")]
        try msp.register("Eswatini", received: "2017-08-10", participants: head)
        try msp.register("North Macedonia", received: "2017-08-10", participants: head)
        try msp.register("Türkiye", received: "2017-08-21", participants: head)
        try msp.register("CMC", received: "2017-08-10", participants: head)
        try msp.store.transaction { db in
            for (iso3, name) in [("SWZ", "Eswatini"), ("MKD", "North Macedonia"), ("TUR", "Türkiye")] {
                try db.execute(
                    sql: "UPDATE delegation SET name = ?, sort_key = ? WHERE state_iso3 = ?",
                    arguments: [name, NameKey.sortKey(name), iso3])
            }
        }
        return msp
    }

    @Test func registrationStoresTheNameOnTheOpeningDay() throws {
        let msp = try SevenMSP()
        try msp.register(
            "Eswatini", received: "2017-08-10", participants: [.init(role: "head", name: "Ms. A. Head")])
        let stored = try msp.store.read {
            try Row.fetchOne($0, sql: "SELECT name, sort_key FROM delegation WHERE state_iso3 = 'SWZ'")
        }
        #expect(stored?["name"] == "Swaziland")
        #expect(stored?["sort_key"] == "swaziland")
    }

    @Test func everyReadNamesTheStateAsOnTheOpeningDayWhateverWasStored() throws {
        let msp = try databaseWrittenWithTodaysNames()
        let roster = try msp.store.roster(msp.meeting)
        #expect(
            roster.groups[0].delegations.map(\.name) == ["Swaziland", "The former Yugoslav Republic of Macedonia"])
        #expect(roster.groups[2].delegations.map(\.name) == ["Turkey"])
        #expect(roster.groups[4].delegations.map(\.name) == ["Cluster Munition Coalition"])
        #expect(try msp.store.lateNotes(msp.meeting).map(\.delegation) == ["Turkey"])
        #expect(try msp.delegation("Eswatini").name == "Swaziland")
        let earlier = try msp.credentials("Eswatini", .copy, received: "2017-09-04T09:00")
        #expect(earlier.isEmpty)
        #expect(
            try msp.credentials("Swaziland", .original, received: "2017-09-04T10:00").map(\.delegation) == ["Swaziland"]
        )
        let report = try msp.store.credentialsReport(msp.meeting)
        // The record and the State Party are matched by the name both are read under.
        #expect(report.original == ["Swaziland"])
        #expect(report.missing == ["The former Yugoslav Republic of Macedonia"])
    }
}
