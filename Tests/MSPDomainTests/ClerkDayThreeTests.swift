import Foundation
import MSPDomain
import Testing

/// Issue 20, "The clerk's day, round three": the rules behind what a new registration officer tripped over.
@Suite struct ClerkDayThreeDomainTests {
    @Test(
        arguments: [
            ("female", Gender.female), ("F", .female), ("woman", .female), ("Femme", .female), ("mujer", .female),
            ("m", .male), ("MAN", .male), ("homme", .male), ("hombre", .male), ("h", .male),
            ("x", .other), ("autre", .other), ("otro", .other), ("non-binary", .other),
        ])
    func everyDocumentedGenderWordIsAccepted(word: String, gender: Gender) throws {
        #expect(try Gender.parse(word) == gender)
    }

    @Test func theGenderWordsAreOneListThatTheErrorAndTheDocsGive() throws {
        let error = #expect(throws: InputError.self) { try Gender.parse("fem", field: .participant(0)) }
        #expect(error?.message.contains(Gender.acceptedWords) == true)
        #expect(Gender.words.map(\.gender) == Gender.allCases)
        #expect(Gender.words.map { $0.words[0] } == Gender.allCases.map(\.rawValue))
        // docs/commands.md lists every word, under its gender.
        let docs = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
                "../../docs/commands.md"), encoding: .utf8)
        for (gender, words) in Gender.words {
            let line = "  - `\(gender.rawValue)`: " + words.dropFirst().map { "`\($0)`" }.joined(separator: ", ")
            #expect(docs.contains(line), "docs/commands.md lists \(gender)'s words")
        }
    }

    @Test(
        arguments: [
            ("Ms. Hector Guerra", nil, "male", "Ms."), ("Mr. Ana Lopez", nil, "f", "Mr."),
            ("H.E. Mme Claire Dupont", nil, "homme", "H.E. Mme"), ("Ana Lopez", "Sr.", "mujer", "Sr."),
            ("Ana Lopez", "h.e. mrs", "male", "H.E. Mrs."),
        ] as [(String, String?, String, String)])
    func aGenderContradictingTheHonorificIsRefusedAtTheGender(
        name: String, title: String?, gender: String, honorific: String
    ) {
        let error = #expect(throws: InputError.self) {
            try Participant.parse(
                role: "head", title: title, name: name, function: nil, gender: gender, email: nil,
                field: .participant(1))
        }
        #expect(error?.field == .participant(1).appending("gender"))
        #expect(error?.message.contains("contradicts the honorific '\(honorific)'") == true)
    }

    @Test(
        arguments: [
            ("Ms. Ana Lopez", "female"), ("Mr. Hector Guerra", "m"), ("Dr. Ana Lopez", "male"),
            ("H.E. Ana Lopez", "female"), ("Ms. Alex Kim", "other"), ("Mx. Alex Kim", "female"), ("Alex Kim", "x"),
        ])
    func aGenderThatAgreesOrAnHonorificThatSaysNoneIsAccepted(name: String, gender: String) throws {
        _ = try Participant.parse(
            role: "head", title: nil, name: name, function: nil, gender: gender, email: nil, field: .participant(0))
    }

    @Test func aParticipantsEveryProblemIsFoundInOnePass() throws {
        var problems = ProblemCollector()
        let participant = try Participant.parse(
            role: "chair", title: nil, name: "Ms. Ana", function: nil, gender: "fem", email: "ana@x",
            field: .participant(0), problems: &problems)
        #expect(participant == nil)
        #expect(problems.errors.map { $0.field?.leaf } == ["role", "gender", "email"])
    }

    @Test(
        arguments: [
            ("GV.OR.18/0412", "GV.OR.18/412", true), ("GV.OR.18/0412", "gv or 18 / 412", true),
            ("Note 45/2017", "NOTE No45-2017", false), ("Note 45/2017", "note 45 / 2017", true),
            ("GV.OR.18/0412", "GV.OR.184/12", false), ("N 0", "n 000", true),
            ("GV.OR.18/0412", "GV.OR.18/0412", false), ("A1", "A2", false),
        ])
    func referencesAreComparedLoosely(a: String, b: String, same: Bool) {
        #expect(NoteReference.areLooselyEqual(a, b) == same)
    }
}
