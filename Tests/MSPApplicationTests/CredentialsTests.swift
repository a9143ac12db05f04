import MSPApplication
import MSPDomain
import MSPStore
import Testing

/// `recordCredentials` and `credentialsReport`: only registered States present credentials; the latest by
/// receipt counts; the report is about States Parties.
@Suite struct CredentialsTests {
    @Test(arguments: ["ICRC", "Cluster Munition Coalition"])
    func organizationsDoNotPresentCredentials(name: String) throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, name, "L1", received: "2017-08-10")
        let error = try expectRefusalWritingNothing(desk, field: .delegation) {
            _ = try desk.recordCredentials(
                CredentialsRequest(delegation: name, kind: .original, receivedAt: "2017-09-04"))
        }
        #expect(error?.message.contains("is not a State") == true)
    }

    @Test func anUnregisteredStateIsRefused() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Norway", "N1", received: "2017-08-10")
        let error = try expectRefusalWritingNothing(desk, field: .delegation, reason: .notFound) {
            _ = try desk.recordCredentials(
                CredentialsRequest(delegation: "Benin", kind: .original, receivedAt: "2017-09-04"))
        }
        #expect(error?.message.contains("has not registered") == true)
    }

    @Test func anUnknownNameIsRefusedWithSuggestions() throws {
        let desk = try Desk.sevenMSP()
        let error = try expectRefusalWritingNothing(desk, field: .delegation) {
            _ = try desk.recordCredentials(CredentialsRequest(delegation: "Benim", kind: .original))
        }
        #expect(error?.message.contains("'Benin'") == true)
    }

    @Test func aWithdrawnDelegationIsRefused() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Norway", "N1", received: "2017-08-10")
        _ = try desk.withdraw(WithdrawalRequest(delegation: "Norway", receivedAt: "2017-08-20"))
        let error = try expectRefusalWritingNothing(desk, field: .delegation) {
            _ = try desk.recordCredentials(
                CredentialsRequest(delegation: "Norway", kind: .original, receivedAt: "2017-09-04"))
        }
        #expect(error?.message.contains("withdrew") == true)
        #expect(try desk.history(delegation: "Norway").entries.map(\.kindName) == ["registration", "withdrawal"])
    }

    @Test func aReceiptThatDoesNotParseIsRefusedOnItsField() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Norway", "N1", received: "2017-08-10")
        try expectRefusalWritingNothing(desk, field: .receivedAt) {
            _ = try desk.recordCredentials(
                CredentialsRequest(delegation: "Norway", kind: .original, receivedAt: "4 Sept"))
        }
    }

    @Test func theLatestByReceiptCounts() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Norway", "N1", received: "2017-08-10")
        let original = try desk.recordCredentials(
            CredentialsRequest(
                delegation: "Norway", kind: .original,
                receivedAt: "2017-09-04T10:00"))
        #expect(original.counts && original.previous == nil && original.category == .statesParties)
        // A copy received earlier, recorded later, does not replace the original.
        let copy = try desk.recordCredentials(
            CredentialsRequest(
                delegation: "NOR", kind: .copy,
                receivedAt: "2017-09-01T10:00"))
        #expect(!copy.counts && copy.previous == .original)
        #expect(try desk.credentialsReport().report.original == ["Norway"])
        #expect(try desk.credentialsReport().report.copy.isEmpty)
        // One received later does.
        let later = try desk.recordCredentials(
            CredentialsRequest(
                delegation: "Norway", kind: .noteVerbale,
                receivedAt: "2017-09-05T09:00"))
        #expect(later.counts && later.previous == .original)
        let report = try desk.credentialsReport().report
        #expect(report.noteVerbale == ["Norway"] && report.original.isEmpty)
        // Every record stays in the history, in order of receipt.
        #expect(
            try desk.history(delegation: "Norway").entries.map(\.kindName) == [
                "registration", "credentials", "credentials", "credentials",
            ])
    }

    @Test func credentialsReceivedNowAreAtTheDesksClock() throws {
        let desk = try Desk.sevenMSP()
        try Desk.register(desk, "Norway", "N1", received: "2017-08-10")
        let recorded = try desk.recordCredentials(CredentialsRequest(delegation: "Norway", kind: .original))
        #expect(recorded.receipt == Receipt(instant: Instant(secondsSinceEpoch: 1_504_267_200), precision: .instant))
    }

    @Test func theReportListsOnlyRegisteredStatesPartiesNotWithdrawn() throws {
        let desk = try Desk.sevenMSP()
        for (name, reference) in [
            ("Norway", "N1"), ("Benin", "B1"), ("Côte d'Ivoire", "C1"), ("Croatia", "H1"),
            ("Uganda", "U1"), ("United States", "US1"), ("ICRC", "I1"),
        ] {
            try Desk.register(desk, name, reference, received: "2017-08-10")
        }
        _ = try desk.withdraw(WithdrawalRequest(delegation: "Croatia", receivedAt: "2017-08-20"))
        _ = try desk.recordCredentials(
            CredentialsRequest(delegation: "Norway", kind: .original, receivedAt: "2017-09-04"))
        _ = try desk.recordCredentials(
            CredentialsRequest(delegation: "Cote d'Ivoire", kind: .copy, receivedAt: "2017-09-04"))
        // A signatory's credentials are recorded but not reported.
        let uganda = try desk.recordCredentials(
            CredentialsRequest(delegation: "Uganda", kind: .original, receivedAt: "2017-09-04"))
        #expect(uganda.category == .signatoryStates)
        let report = try desk.credentialsReport().report
        #expect(report.original == ["Norway"])
        #expect(report.copy == ["Côte d'Ivoire"])
        #expect(report.noteVerbale.isEmpty)
        #expect(report.missing == ["Benin"])
        #expect(report.statesPartiesCount == 3)
    }
}
