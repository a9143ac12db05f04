import ArgumentParser
import Foundation
import MSPDomain
import MSPApplication
import MSPStore

extension MSP {
    /// `msp treaty ...`: the convention's States Parties and signatories.
    public struct Treaty: ParsableCommand {
        public static let configuration = CommandConfiguration(commandName: "treaty", 
            abstract: "The convention's membership: States Parties and signatory States on a day; record and import it.",
            subcommands: [Status.self, Record.self, Import.self])

        public init() {}

        public struct Status: ParsableCommand {
            public static let configuration = CommandConfiguration(commandName: "status", 
                abstract: "Count and list the States Parties and signatory States on a day.",
                discussion: """
                    A State is a Party from the deposit of its instrument of ratification, acceptance, approval or accession; \
                    the date the Convention enters into force for it (Article 17) is shown beside it.

                    Example: msp treaty status --convention CCM --on 2017-09-04 --format json
                    """)

            @OptionGroup public var database: DatabaseOptions

            @Option(help: "The convention's code.")
            public var convention: String = "CCM"

            @Option(help: ArgumentHelp("The day, YYYY-MM-DD (default: today, UTC).", valueName: "date"))
            public var on: String?

            @Option(help: "Output format: table or json.")
            public var format: DocumentFormat = .table

            public init() {}

            public func validate() throws {
                guard format == .table || format == .json else {
                    throw ValidationError("--format for 'treaty status' is table or json")
                }
            }

            public func run() throws {
                let day = try on.map { try LocalDate.parse($0, field: .day) } ?? VenueTimeZone.utcToday()
                let status = try database.withDesk { try $0.treatyStatus(convention: convention, on: day) }
                let (code, membership, parties, signatories) = (status.convention, status.membership, status.parties, status.signatories)
                let states = ReferenceData.states
                func name(_ iso3: String) -> String { states.state(iso3: iso3)?.name ?? iso3 }
                if format == .json {
                    let object: [String: Any] = [
                        "convention": code, "on": day.description,
                        "states_parties": parties.count, "signatory_states": signatories.count,
                        "parties": parties.map { record in
                            ["name": name(record.iso3), "iso3": record.iso3, "consented_on": record.consented!.description,
                             "consent_kind": (record.consentKind?.rawValue).orNull,
                             "entry_into_force": (membership.entryIntoForce(for: record)?.description).orNull] as [String: Any]
                        },
                        "signatories": signatories.map { record in
                            ["name": name(record.iso3), "iso3": record.iso3, "signed_on": record.signed!.description]
                        },
                    ]
                    print(try JSONOutput.render(object), terminator: "")
                    return
                }
                var out = "\(code) on \(day.longDescription): \(parties.count) States Parties, \(signatories.count) signatory States\n\n"
                out += "States Parties (deposit of instrument; entry into force for the State)\n"
                out += TextTable.render(header: ["state", "deposited", "kind", "in force"], rows: parties.sorted { name($0.iso3) < name($1.iso3) }.map { r in
                    [name(r.iso3), r.consented!.description, r.consentKind?.rawValue ?? "", membership.entryIntoForce(for: r)?.description ?? ""]
                })
                out += "\nSignatory States\n"
                out += signatories.isEmpty ? "(none)\n" : TextTable.render(header: ["state", "signed"], rows: signatories.sorted { name($0.iso3) < name($1.iso3) }.map { r in
                    [name(r.iso3), r.signed!.description]
                })
                print(out, terminator: "")
            }
        }
    }
}

extension VenueTimeZone {
    static func utcToday() -> LocalDate {
        Instant.now().secondsSinceEpoch >= 0 ? LocalDate(daysSinceEpoch: Int(Instant.now().secondsSinceEpoch / 86400)) : LocalDate(daysSinceEpoch: 0)
    }
}
