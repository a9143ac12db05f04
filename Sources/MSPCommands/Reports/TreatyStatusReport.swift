import MSPApplication
import MSPDomain

/// A convention's States Parties and signatory States on a day, as `msp treaty status --format json` writes it.
struct TreatyStatusDocument: Encodable, Equatable {
    struct Party: Encodable, Equatable {
        var name: String
        var iso3: String
        /// The deposit of the instrument.
        var consentedOn: String
        var consentKind: String?
        /// When the Convention enters into force for the State (Article 17).
        var entryIntoForce: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case name, iso3
            case consentedOn = "consented_on"
            case consentKind = "consent_kind"
            case entryIntoForce = "entry_into_force"
        }
    }

    struct Signatory: Encodable, Equatable {
        var name: String
        var iso3: String
        var signedOn: String

        enum CodingKeys: String, CodingKey, CaseIterable {
            case name, iso3
            case signedOn = "signed_on"
        }
    }

    var convention: String
    var on: String
    var statesParties: Int
    var signatoryStates: Int
    var parties: [Party]
    var signatories: [Signatory]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case convention, on
        case statesParties = "states_parties"
        case signatoryStates = "signatory_states"
        case parties, signatories
    }

    /// The Parties and signatories on the day, in the membership's order, each under its name on the day.
    init(_ status: TreatyStatus) {
        let membership = status.membership
        self.convention = status.convention
        self.on = status.day.description
        statesParties = status.parties.count
        signatoryStates = status.signatories.count
        self.parties = status.parties.map { record in
            Party(
                name: status.name(of: record), iso3: record.iso3, consentedOn: record.consented?.description ?? "",
                consentKind: record.consentKind?.rawValue,
                entryIntoForce: membership.entryIntoForce(for: record)?.description)
        }
        self.signatories = status.signatories.map { record in
            Signatory(name: status.name(of: record), iso3: record.iso3, signedOn: record.signed?.description ?? "")
        }
    }
}

/// `msp treaty status`: for people, the counts and two tables sorted by name; or the document as JSON.
enum TreatyStatusReport {
    static func render(_ treatyStatus: TreatyStatus, format: OutputFormat) throws -> String {
        let status = TreatyStatusDocument(treatyStatus)
        guard format == .table else { return try Writers.document(status) }
        // Sorted as the list of participants sorts names: without case or diacritics (Türkiye before Turkmenistan).
        func ordered(_ a: String, _ b: String) -> Bool { (NameKey.sortKey(a), a) < (NameKey.sortKey(b), b) }
        var out =
            "\(status.convention) on \(treatyStatus.day.longDescription): \(status.statesParties) States Parties, \(status.signatoryStates) signatory States\n\n"
        out += "States Parties (deposit of instrument; entry into force for the State)\n"
        out += TextTable.render(
            header: ["state", "deposited", "kind", "in force"],
            rows: status.parties.sorted { ordered($0.name, $1.name) }.map { p in
                [p.name, p.consentedOn, p.consentKind ?? "", p.entryIntoForce ?? ""]
            })
        out += "\nSignatory States\n"
        out +=
            status.signatories.isEmpty
            ? "(none)\n"
            : TextTable.render(
                header: ["state", "signed"],
                rows: status.signatories.sorted { ordered($0.name, $1.name) }.map { s in
                    [s.name, s.signedOn]
                })
        return out
    }
}
