import MSPApplication
import MSPDomain
import MSPStore
import Testing

/// What the secretariat sets for a meeting's documents: each field checked, what a request leaves out kept, a
/// refusal writing nothing, each document on its own.
@Suite struct DocumentTests {
    @Test func aDocumentIsProvisionalWithoutSymbolUntilSetAndKeepsWhatARequestLeavesOut() throws {
        let desk = try Desk.sevenMSP()
        #expect(try desk.masthead(.participants).masthead == .unset)
        _ = try desk.setMasthead(
            MastheadRequest(kind: .participants, symbol: "CCM/MSP/2017/INF.1", issued: "2017-09-04"))
        let final = try desk.setMasthead(MastheadRequest(kind: .participants, provisional: false)).masthead
        #expect(final.symbol == "CCM/MSP/2017/INF.1" && final.issued?.description == "2017-09-04")
        #expect(final.title(.participants) == "List of participants")
        #expect(try desk.masthead(.participants).masthead == final)
        // The credentials report is a document of its own.
        #expect(try desk.masthead(.credentials).masthead == .unset)
        // An empty symbol or date removes it.
        let cleared = try desk.setMasthead(MastheadRequest(kind: .participants, symbol: "", issued: "")).masthead
        #expect(cleared.symbol == nil && cleared.issued == nil && !cleared.provisional)
    }

    @Test func aBadFieldIsRefusedAtItsFieldAndNothingChanges() throws {
        let desk = try Desk.sevenMSP()
        _ = try desk.setMasthead(MastheadRequest(kind: .participants, symbol: "CCM/MSP/2017/INF.1"))
        let before = try desk.masthead(.participants).masthead
        let cases: [(MastheadRequest, FieldPath)] = [
            (MastheadRequest(kind: .participants, symbol: "INF 1", issued: "2017-09-05"), .symbol),
            (MastheadRequest(kind: .participants, issued: "2017-13-01"), .issued),
            (MastheadRequest(kind: .participants, symbol: "CCM/MSP/2017/INF.2", language: "Latin"), .language),
            (MastheadRequest(kind: .participants, distribution: "Secret"), .distribution),
        ]
        for (request, field) in cases {
            let error = #expect(throws: InputError.self) { try desk.setMasthead(request) }
            #expect(error?.field == field)
        }
        #expect(try desk.masthead(.participants).masthead == before)
    }
}
