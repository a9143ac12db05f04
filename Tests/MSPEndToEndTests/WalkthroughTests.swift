import Foundation
import Testing

/// The walkthrough, as a new user types it.
@Suite struct WalkthroughTests {
    @Test func theFirstSessionOfANewUser() throws {
        let msp = try MSPRun()
        try msp.add7MSP()
        let uganda = try msp(
            "register", "--delegation", "Uganda", "--received", "2017-08-15T10:30:00+02:00",
            "--reference", "Note 45/2017", "--channel", "email", "--head", "H.E. Mr. John Doe",
            "--alternate", "Ms. Jane Roe", "--adviser", "Mr. Sam Poe")
        #expect(uganda.status == 0, "\(uganda.stderr)")
        #expect(uganda.stdout.contains("registration of Uganda (signatory_state)"))
        let cmc = try msp(
            "register", "--delegation", "Cluster Munition Coalition", "--category", "civil_society",
            "--received", "2017-08-20", "--head", "Ms. A. Example")
        #expect(cmc.status == 0, "\(cmc.stderr)")
        #expect(cmc.stdout.contains("LATE"))

        let late = try msp("list-late", "--format", "json")
        #expect(late.status == 0)
        let notes = try #require(try JSONSerialization.jsonObject(with: Data(late.stdout.utf8)) as? [[String: Any]])
        #expect(notes.count == 1)
        #expect(notes.first?["delegation"] as? String == "Cluster Munition Coalition")
        #expect(notes.first?["received_at"] as? String == "2017-08-20T00:00:00+02:00")
        // Known only by its date, 20 August: two days after the deadline's day, never "0 seconds".
        #expect(notes.first?["late_by_seconds"] as? Int == nil)
        #expect(notes.first?["late_by_days"] as? Int == 2)
        #expect(notes.first?["late_by"] as? String == "2 days (date only)")
        #expect(notes.first?["kind"] as? String == "registration")

        let html = try msp("export-roster", "--format", "html", "--output", "roster.html")
        #expect(html.status == 0, "\(html.stderr)")
        let page = try String(contentsOfFile: msp.path("roster.html"), encoding: .utf8)
        #expect(page.contains("<h3><bdi>Uganda</bdi></h3>"))
        #expect(page.contains("H.E. Mr. <bdi class=\"name\">John Doe</bdi>"))
    }
}
