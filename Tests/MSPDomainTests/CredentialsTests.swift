import Testing

@testable import MSPDomain

@Suite struct CredentialsTests {
    func at(_ seconds: Int64) -> Instant { Instant(secondsSinceEpoch: 1_500_000_000 + seconds) }

    @Test func everyStatePartyIsInExactlyOneListInNameOrder() {
        let report = CredentialsReport(
            statesParties: ["Zambia", "Côte d'Ivoire", "Germany", "Australia", "Benin"],
            entries: [
                CredentialEntry(id: 1, delegation: "Germany", kind: .original, received: at(0)),
                CredentialEntry(id: 2, delegation: "Zambia", kind: .copy, received: at(0)),
                CredentialEntry(id: 3, delegation: "Côte d'Ivoire", kind: .noteVerbale, received: at(0)),
                CredentialEntry(id: 4, delegation: "Australia", kind: .copy, received: at(0)),
                // Not a State Party at this meeting: kept, not reported.
                CredentialEntry(id: 5, delegation: "Uganda", kind: .original, received: at(0)),
            ])
        #expect(report.original == ["Germany"])
        #expect(report.copy == ["Australia", "Zambia"])
        #expect(report.noteVerbale == ["Côte d'Ivoire"])
        #expect(report.missing == ["Benin"])
        #expect(report.statesPartiesCount == 5)
    }

    @Test func theLatestRecordCountsByReceiptThenByOrderOfRecording() {
        let report = CredentialsReport(
            statesParties: ["Germany", "Benin"],
            entries: [
                // Germany's original arrived after the copy, though the copy was recorded later.
                CredentialEntry(id: 2, delegation: "Germany", kind: .copy, received: at(10)),
                CredentialEntry(id: 1, delegation: "Germany", kind: .original, received: at(20)),
                // Two records received at the same moment: the one recorded later counts.
                CredentialEntry(id: 3, delegation: "Benin", kind: .noteVerbale, received: at(5)),
                CredentialEntry(id: 4, delegation: "Benin", kind: .copy, received: at(5)),
            ])
        #expect(report.original == ["Germany"])
        #expect(report.copy == ["Benin"])
        #expect(report.noteVerbale.isEmpty && report.missing.isEmpty)
    }

    @Test func kindsParseAsTheCommandLineAndTheDatabaseWriteThem() throws {
        #expect(try CredentialKind.parse("note-verbale") == .noteVerbale)
        #expect(try CredentialKind.parse("Note Verbale") == .noteVerbale)
        #expect(try CredentialKind.parse("ORIGINAL") == .original)
        #expect(CredentialKind.noteVerbale.rawValue == "note_verbale")
        #expect(CredentialKind.noteVerbale.argument == "note_verbale")
        #expect(throws: InputError.self) { try CredentialKind.parse("fax") }
    }
}
