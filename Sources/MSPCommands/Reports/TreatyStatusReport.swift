import MSPDomain
import MSPStore

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

    /// The Parties and signatories on `day`, in the membership's order.
    init(_ membership: TreatyMembership, convention: String, on day: LocalDate) {
        let states = ReferenceData.states
        func name(_ iso3: String) -> String { states.state(iso3: iso3)?.name ?? iso3 }
        let parties = membership.parties(on: day)
        let signatories = membership.signatories(on: day)
        self.convention = convention
        self.on = day.description
        statesParties = parties.count
        signatoryStates = signatories.count
        self.parties = parties.map { record in
            Party(
                name: name(record.iso3), iso3: record.iso3, consentedOn: record.consented?.description ?? "",
                consentKind: record.consentKind?.rawValue,
                entryIntoForce: membership.entryIntoForce(for: record)?.description)
        }
        self.signatories = signatories.map { record in
            Signatory(name: name(record.iso3), iso3: record.iso3, signedOn: record.signed?.description ?? "")
        }
    }
}

/// `msp treaty status`: for people, the counts and two tables sorted by name; or the document as JSON.
enum TreatyStatusReport {
    static func render(_ membership: TreatyMembership, convention: String, on day: LocalDate, format: OutputFormat)
        throws -> String
    {
        let status = TreatyStatusDocument(membership, convention: convention, on: day)
        guard format == .table else { return try Writers.document(status) }
        var out =
            "\(convention) on \(day.longDescription): \(status.statesParties) States Parties, \(status.signatoryStates) signatory States\n\n"
        out += "States Parties (deposit of instrument; entry into force for the State)\n"
        out += TextTable.render(
            header: ["state", "deposited", "kind", "in force"],
            rows: status.parties.sorted { $0.name < $1.name }.map { p in
                [p.name, p.consentedOn, p.consentKind ?? "", p.entryIntoForce ?? ""]
            })
        out += "\nSignatory States\n"
        out +=
            status.signatories.isEmpty
            ? "(none)\n"
            : TextTable.render(
                header: ["state", "signed"],
                rows: status.signatories.sorted { $0.name < $1.name }.map { s in
                    [s.name, s.signedOn]
                })
        return out
    }
}
