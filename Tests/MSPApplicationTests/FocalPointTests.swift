import Foundation
import GRDB
import MSPApplication
import MSPDomain
import MSPStore
import Testing

/// Focal points: a personal link per delegation and meeting, whose token only the focal point has (the database keeps
/// its SHA-256); listed, re-issued and revoked by the secretariat, every change in the history.
@Suite struct FocalPointTests {
    static let uganda = FocalPointRequest(delegation: "Uganda", email: "focal@mission.example")

    /// The rows of a table as text: what a refused request must leave alone.
    static func rows(_ desk: RegistrationDesk, _ table: String) throws -> [[String: String]] {
        try desk.store.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid").map { row in
                Dictionary(
                    uniqueKeysWithValues: row.columnNames.map { ($0, String(describing: row[$0] as DatabaseValue)) })
            }
        }
    }

    /// Runs `body`, which must be refused, and checks that `focal_point` and `change` are as before.
    static func unchanged(_ desk: RegistrationDesk, _ body: () throws -> Void) throws {
        let before = try [rows(desk, "focal_point"), rows(desk, "change")]
        try body()
        #expect(try [rows(desk, "focal_point"), rows(desk, "change")] == before)
    }

    @Test func addingIssuesAnUnguessableTokenThatGivesTheDelegationAndTheMeeting() throws {
        let desk = try Desk.sevenMSP()
        let (focalPoint, token) = try desk.addFocalPoint(Self.uganda)
        #expect(focalPoint.delegation == "Uganda")
        #expect(focalPoint.email == "focal@mission.example")
        #expect(focalPoint.status == .active && focalPoint.issuedAt == Desk.now && focalPoint.issuedBy == "clerk")
        #expect(focalPoint.meeting.code == "7MSP")
        // 256 random bits in unpadded base64url: 43 characters, safe in a URL as they are.
        #expect(token.count == 43 && FocalPointToken.isWellFormed(token))
        #expect(token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        let access = try desk.focalPoint(token: token)
        #expect(access.delegation == "Uganda" && access.meeting.code == "7MSP")
        #expect(access.represented == .state(ReferenceData.states.find("Uganda")!))
        #expect(access.email == "focal@mission.example")
    }

    @Test func tokensDoNotRepeat() throws {
        let tokens = Set((0..<1000).map { _ in FocalPointToken.generate() })
        #expect(tokens.count == 1000)
        #expect(tokens.allSatisfy(FocalPointToken.isWellFormed))
    }

    @Test func theTableKeepsTheTokensHashNeverTheToken() throws {
        let desk = try Desk.sevenMSP()
        let (_, token) = try desk.addFocalPoint(Self.uganda)
        let (_, second) = try desk.reissueFocalPoint(FocalPointReissue(delegation: "Uganda"))
        try desk.store.read { db in
            let hashes = try Data.fetchAll(db, sql: "SELECT token_hash FROM focal_point ORDER BY id")
            #expect(hashes == [FocalPointToken.hash(token), FocalPointToken.hash(second)])
            #expect(hashes.allSatisfy { $0.count == 32 })
            // SHA-256 of "abc" (FIPS 180-2's example), so the hash is the standard one.
            #expect(
                FocalPointToken.hash("abc").map { String(format: "%02x", $0) }.joined()
                    == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
            // No column of any row of focal_point or change holds the token, or its first characters.
            for table in ["focal_point", "change"] {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table)") {
                    for column in row.columnNames {
                        let text = String(describing: row[column] as DatabaseValue)
                        for secret in [token, second] {
                            #expect(!text.contains(secret.prefix(8)), "\(table).\(column)")
                        }
                    }
                }
            }
        }
    }

    @Test func aTokenGivesItsOwnDelegationOnly() throws {
        let desk = try Desk.sevenMSP()
        try desk.addMeeting(Desk.eightMSPRequest)
        let (_, uganda) = try desk.addFocalPoint(Self.uganda, meeting: "7MSP")
        let (_, kenya) = try desk.addFocalPoint(
            FocalPointRequest(delegation: "Kenya", email: "kenya@mission.example"), meeting: "7MSP")
        let (_, uganda8) = try desk.addFocalPoint(Self.uganda, meeting: "8MSP")
        let accessUganda = try desk.focalPoint(token: uganda)
        #expect(accessUganda.delegation == "Uganda" && accessUganda.meeting.code == "7MSP")
        let accessKenya = try desk.focalPoint(token: kenya)
        #expect(accessKenya.delegation == "Kenya" && accessKenya.meeting.code == "7MSP")
        let access8 = try desk.focalPoint(token: uganda8)
        #expect(access8.delegation == "Uganda" && access8.meeting.code == "8MSP")
        #expect(Set([uganda, kenya, uganda8]).count == 3)
    }

    @Test func anOrganizationKnownToMspHasAFocalPoint() throws {
        let desk = try Desk.sevenMSP()
        let (focalPoint, token) = try desk.addFocalPoint(
            FocalPointRequest(delegation: "icrc", email: "delegation@icrc.example"))
        #expect(focalPoint.delegation == "International Committee of the Red Cross")
        #expect(try desk.focalPoint(token: token).represented == focalPoint.represented)
    }

    @Test func reissuingStopsTheOldLinkAtOnce() throws {
        let desk = try Desk.sevenMSP()
        let (_, old) = try desk.addFocalPoint(Self.uganda)
        let (focalPoint, new) = try desk.reissueFocalPoint(
            FocalPointReissue(delegation: "UG", email: "new.focal@mission.example", reason: "Focal point changed"))
        #expect(new != old)
        #expect(focalPoint.email == "new.focal@mission.example" && focalPoint.reissued)
        expectRefusal(field: .token, reason: .notFound) { try desk.focalPoint(token: old) }
        #expect(try desk.focalPoint(token: new).email == "new.focal@mission.example")
        // Without --email the address stays.
        let (again, _) = try desk.reissueFocalPoint(FocalPointReissue(delegation: "Uganda"))
        #expect(again.email == "new.focal@mission.example")
    }

    @Test func revokingStopsTheLinkAtOnceAndAFocalPointCanBeAddedAgain() throws {
        let desk = try Desk.sevenMSP()
        let (_, token) = try desk.addFocalPoint(Self.uganda)
        let revoked = try desk.revokeFocalPoint(delegation: "Uganda", reason: "Left the mission")
        #expect(revoked.status == .revoked && revoked.revokedAt == Desk.now)
        expectRefusal(field: .token, reason: .notFound) { try desk.focalPoint(token: token) }
        // Nothing left to revoke or re-issue.
        let error = try expectRefusalWritingNothing(desk, field: .delegation, reason: .notFound) {
            try desk.revokeFocalPoint(delegation: "Uganda")
        }
        #expect(error?.message.contains("revoked") == true)
        try expectRefusalWritingNothing(desk, field: .delegation, reason: .notFound) {
            try desk.reissueFocalPoint(FocalPointReissue(delegation: "Uganda"))
        }
        let (_, fresh) = try desk.addFocalPoint(Self.uganda)
        #expect(try desk.focalPoint(token: fresh).delegation == "Uganda")
        expectRefusal(field: .token, reason: .notFound) { try desk.focalPoint(token: token) }
    }

    @Test func unknownRevokedAndMalformedTokensAreRefusedAlike() throws {
        let desk = try Desk.sevenMSP()
        let (_, revokedToken) = try desk.addFocalPoint(Self.uganda)
        _ = try desk.revokeFocalPoint(delegation: "Uganda")
        let (_, replacedToken) = try desk.addFocalPoint(
            FocalPointRequest(delegation: "Kenya", email: "kenya@mission.example"))
        _ = try desk.reissueFocalPoint(FocalPointReissue(delegation: "Kenya"))
        let candidates = [
            revokedToken, replacedToken, FocalPointToken.generate(), "", "short", String(repeating: "A", count: 43),
            revokedToken + "A", String(revokedToken.dropLast()) + "!", "../../etc/passwd",
        ]
        let errors = candidates.map { token in
            expectRefusal(field: .token, reason: .notFound) { try desk.focalPoint(token: token) }
        }
        #expect(Set(errors.compactMap { $0?.message }).count == 1)
        #expect(errors.allSatisfy { $0?.message == errors.first??.message })
    }

    @Test func aSecondFocalPointIsRefusedAndPointsToReissue() throws {
        let desk = try Desk.sevenMSP()
        let (_, token) = try desk.addFocalPoint(Self.uganda)
        let before = try desk.focalPoints().focalPoints
        var error: InputError?
        try Self.unchanged(desk) {
            error = expectRefusal(field: .delegation, reason: .conflict) {
                try desk.addFocalPoint(FocalPointRequest(delegation: "Uganda", email: "other@mission.example"))
            }
        }
        #expect(error?.message.contains("re-issue") == true)
        #expect(error?.message.contains("focal@mission.example") == true)
        #expect(try desk.focalPoints().focalPoints == before)
        #expect(try desk.focalPoint(token: token).delegation == "Uganda")
    }

    @Test(arguments: ["", "   ", "focal", "focal@mission", "@mission.example", "a@b@mission.example", "fo cal@x.org"])
    func aBadEmailIsRefusedOnItsField(email: String) throws {
        let desk = try Desk.sevenMSP()
        try expectRefusalWritingNothing(desk, field: .email) {
            try desk.addFocalPoint(FocalPointRequest(delegation: "Uganda", email: email))
        }
        #expect(try desk.focalPoints().focalPoints.isEmpty)
        #expect(try Self.rows(desk, "focal_point").isEmpty)
    }

    @Test func aBadEmailOnReissueIsRefusedAndTheOldLinkStillWorks() throws {
        let desk = try Desk.sevenMSP()
        let (_, token) = try desk.addFocalPoint(Self.uganda)
        try Self.unchanged(desk) {
            expectRefusal(field: .email) {
                try desk.reissueFocalPoint(FocalPointReissue(delegation: "Uganda", email: "not-an-address"))
            }
        }
        #expect(try desk.focalPoint(token: token).delegation == "Uganda")
    }

    @Test func anUnknownDelegationIsRefusedWithSuggestions() throws {
        let desk = try Desk.sevenMSP()
        let error = try expectRefusalWritingNothing(desk, field: .delegation) {
            try desk.addFocalPoint(FocalPointRequest(delegation: "Ugnada", email: "focal@mission.example"))
        }
        #expect(error?.message.contains("Uganda") == true)
        // A new organization is not created here.
        let organization = try expectRefusalWritingNothing(desk, field: .delegation) {
            try desk.addFocalPoint(
                FocalPointRequest(delegation: "Geneva Forum for Peace", email: "focal@forum.example"))
        }
        #expect(organization?.message.contains("neither a State nor a known organization") == true)
        try expectRefusalWritingNothing(desk, field: .delegation, reason: .notFound) {
            try desk.revokeFocalPoint(delegation: "Kenya")
        }
        try expectRefusalWritingNothing(desk, field: .meeting, reason: .notFound) {
            try desk.addFocalPoint(Self.uganda, meeting: "9MSP")
        }
        #expect(try Self.rows(desk, "focal_point").isEmpty)
        #expect(try Self.rows(desk, "change").filter { $0["summary"]?.contains("focal") == true }.isEmpty)
    }

    @Test func theListGivesEachDelegationsNewestLinkInTheRostersOrder() throws {
        let desk = try Desk.sevenMSP()
        _ = try desk.addFocalPoint(Self.uganda)
        _ = try desk.addFocalPoint(FocalPointRequest(delegation: "Cote d'Ivoire", email: "ci@mission.example"))
        _ = try desk.addFocalPoint(FocalPointRequest(delegation: "Kenya", email: "kenya@mission.example"))
        _ = try desk.reissueFocalPoint(FocalPointReissue(delegation: "Uganda", email: "new@mission.example"))
        _ = try desk.revokeFocalPoint(delegation: "Kenya")
        let list = try desk.focalPoints().focalPoints
        #expect(list.map(\.delegation) == ["Côte d'Ivoire", "Kenya", "Uganda"])
        #expect(list.map(\.status) == [.active, .revoked, .active])
        #expect(list.map(\.email) == ["ci@mission.example", "kenya@mission.example", "new@mission.example"])
    }

    @Test func everyChangeIsInTheHistoryWithWhoAndWhy() throws {
        var desk = try Desk.sevenMSP()
        // A focal point may be named before the delegation sends a note: its history has the links only.
        _ = try desk.addFocalPoint(Self.uganda)
        #expect(try desk.history(delegation: "Uganda").entries.map(\.kindName) == ["focal_point_issued"])
        desk.user = "registrar"
        try Desk.register(desk, "Uganda", "Note 45/2017", received: "2017-08-15")
        _ = try desk.reissueFocalPoint(FocalPointReissue(delegation: "Uganda", reason: "Link lost"))
        _ = try desk.revokeFocalPoint(delegation: "Uganda", reason: "Left the mission")
        let history = try desk.history(delegation: "Uganda")
        #expect(
            history.entries.map(\.kindName) == [
                "registration", "focal_point_issued", "focal_point_reissued", "focal_point_revoked",
            ])
        let links = history.entries.filter { if case .focalPoint = $0.record { true } else { false } }
        #expect(links.map(\.recordedBy) == ["clerk", "registrar", "registrar"])
        #expect(links.map(\.command) == ["focal-point add", "focal-point reissue", "focal-point revoke"])
        #expect(links.map(\.reason) == [nil, "Link lost", "Left the mission"])
        #expect(
            links.map(\.record) == [
                .focalPoint(.issued, email: "focal@mission.example"),
                .focalPoint(.reissued, email: "focal@mission.example"),
                .focalPoint(.revoked, email: "focal@mission.example"),
            ])
        let changes = try desk.store.read { db in
            try String.fetchAll(db, sql: "SELECT command FROM change WHERE command LIKE 'focal-point%' ORDER BY id")
        }
        #expect(changes == ["focal-point add", "focal-point reissue", "focal-point revoke"])
        // A delegation with neither a note nor a focal point has no history.
        expectRefusal(field: .delegation, reason: .notFound) { try desk.history(delegation: "Kenya") }
    }
}
