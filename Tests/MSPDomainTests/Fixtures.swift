import Foundation

@testable import MSPDomain

/// The reference data of the repository, read from `fixtures/reference` beside this source file.
enum Fixtures {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appending(path: "Package.swift").path) { return url }
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    static func text(_ name: String) throws -> String {
        try String(contentsOf: root.appending(path: "fixtures/reference/\(name)"), encoding: .utf8)
    }
}

extension Fixtures {
    static func states() throws -> StateDirectory {
        try StateDirectory(csv: text("states.csv"), history: text("state-names-history.csv"))
    }

    static func organizations() throws -> [Organization] {
        try Organization.parseFixture(csv: text("organizations.csv"))
    }

    static func resolver() throws -> DelegationResolver {
        DelegationResolver(states: try states(), organizations: try organizations())
    }

    /// `ccm-membership.csv` (it has no quoted cells), read without the store.
    static func ccmMembership() throws -> TreatyMembership {
        let lines = try text("ccm-membership.csv").split(whereSeparator: \.isNewline).map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let column = { (name: String) in header.firstIndex(of: name)! }
        let records = lines.dropFirst().map { line -> MembershipRecord in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let date = { (name: String) in LocalDate(iso: cells[column(name)]) }
            return MembershipRecord(
                iso3: cells[column("iso_alpha3")], signed: date("signature_date"),
                consented: date("consent_date"),
                consentKind: ConsentKind(rawValue: cells[column("consent_kind")]),
                withdrawalEffective: date("withdrawal_effective_date"))
        }
        return TreatyMembership(convention: "CCM", records: records)
    }

    static let zurich = try! VenueTimeZone(identifier: "Europe/Zurich")
}

/// An instant from its UTC calendar fields, computed by Foundation (independently of MSPDomain).
func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0) -> Instant {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let date = calendar.date(
        from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))!
    return Instant(date)
}

func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

/// The instant an ISO 8601 text with an offset names.
func instant(_ text: String) throws -> Instant {
    guard case .instant(let instant) = try WhenParser.parse(text) else { throw InputError("not an instant: \(text)") }
    return instant
}
