import Foundation
import Testing

/// Issue 20, "The clerk's day, round three", with the built msp: a receipt long after the deadline is recorded with a
/// warning on standard error; the gender words of the documented list.
@Suite struct ClerkDayThreeCommandTests {
    @Test func aReceiptLongAfterTheDeadlineIsRecordedWithAWarningLine() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let result = try msp("register", "--delegation", "Kenya", "--received", "2017-10-20", "--head", "Ms. A. Mwangi")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Recorded registration of Kenya"))
        #expect(
            result.stderr
                == "msp: warning: the note is recorded as received 2017-10-20, 62 days after the deadline of 7MSP (more than 30): check the receipt time\n"
        )
        let credentials = try msp(
            "credentials", "record", "--delegation", "Kenya", "--kind", "copy", "--received", "2017-09-07T10:00")
        #expect(credentials.status == 0 && credentials.stderr.hasPrefix("msp: warning: the credentials are recorded"))
        // Within 30 days, no warning.
        expectSuccess(
            try msp("register", "--delegation", "Peru", "--received", "2017-09-05", "--head", "Mr. H. Guerra"))
    }

    @Test func theGenderWordsOfTheListAreAcceptedAndTheHelpGivesThem() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        expectSuccess(
            try msp(
                "register", "--delegation", "Peru", "--received", "2017-08-10", "--head", "Sra. Ana Lopez; ; femme",
                "--alternate", "Sr. Hector Guerra; ; hombre", "--adviser", "Dr. Alex Kim; ; x"))
        let stats = try #require(try msp("stats", "--format", "json").json() as? [String: Any])
        #expect(
            stats["participants_by_gender"] as? [String: Int] == ["female": 1, "male": 1, "other": 1, "unspecified": 0])
        let help = try msp("register", "--help")
        for word in ["femme", "mujer", "homme", "hombre", "autre", "otro"] {
            #expect(help.stdout.contains(word), "register --help lists '\(word)'")
        }
    }
}
