import MSPDomain
import MSPStore

/// A convention's States Parties and signatory States on a day.
package struct TreatyStatus: Sendable {
    package var convention: String
    package var day: LocalDate
    package var membership: TreatyMembership
    package var parties: [MembershipRecord]
    package var signatories: [MembershipRecord]
    /// The UN short name of every State in `parties` and `signatories` on `day`, by ISO code.
    package var names: [String: String]

    /// The State's UN short name on the day (its ISO code if it is not a State msp knows).
    package func name(of record: MembershipRecord) -> String { names[record.iso3] ?? record.iso3 }
}

/// One fact of a State's membership as a front end gives it.
package struct MembershipRequest: Sendable, Equatable {
    package enum Fact: Sendable, Equatable {
        /// The day the State signed.
        case signed(String)
        /// The day it deposited its instrument of consent, and the instrument.
        case consent(String, ConsentKind)
        /// The day its withdrawal takes effect.
        case withdrawal(String)
    }

    package var convention: String
    package var state: String
    package var fact: Fact

    package init(convention: String, state: String, fact: Fact) {
        self.convention = convention
        self.state = state
        self.fact = fact
    }
}

/// What recording one membership fact did.
package struct MembershipRecording: Sendable, Equatable {
    package var convention: String
    package var state: State
    package var change: MembershipChange
    package var before: MembershipRecord?
    package var after: MembershipRecord
    /// False when the fact was recorded already.
    package var changed: Bool { before != after }
}

extension RegistrationDesk {
    /// A convention's code as typed: trimmed, upper case, not empty.
    static func convention(_ raw: String) throws -> String {
        let code = try raw.checkedText("convention", field: .convention).trimmed.uppercased()
        guard !code.isEmpty else { throw InputError("the convention is empty", field: .convention) }
        return code
    }

    /// The States Parties (from the deposit of their instrument) and signatory States of a convention on a day.
    package func treatyStatus(convention raw: String, on day: LocalDate) throws -> TreatyStatus {
        try reading {
            let code = try Self.convention(raw)
            let membership = try store.membership(convention: code)
            guard !membership.records.isEmpty else {
                throw InputError("no membership records for convention '\(raw)'", field: .convention, reason: .notFound)
            }
            let parties = membership.parties(on: day)
            let signatories = membership.signatories(on: day)
            var names: [String: String] = [:]
            for record in parties + signatories {
                names[record.iso3] = ReferenceData.states.name(iso3: record.iso3, on: day)
            }
            return TreatyStatus(
                convention: code, day: day, membership: membership, parties: parties, signatories: signatories,
                names: names)
        }
    }

    /// Records a State's signature, instrument of consent or withdrawal, as it arrives between meetings; a date
    /// recorded again replaces the earlier one. A State's category at every meeting follows at once.
    package func recordMembership(_ request: MembershipRequest) throws -> MembershipRecording {
        try writing {
            let code = try Self.convention(request.convention)
            try request.state.checkedText("State's name", field: .state)
            guard let state = ReferenceData.states.find(request.state) else {
                throw ReferenceData.states.notFound(request.state, field: .state, on: nil)
            }
            let fact: MembershipChange
            let field: FieldPath
            switch request.fact {
            case .signed(let day):
                fact = .signed(try LocalDate.parse(day, field: .signed)); field = .signed
            case .consent(let day, let kind):
                fact = .consent(try LocalDate.parse(day, field: .consent), kind); field = .consent
            case .withdrawal(let day):
                fact = .withdrawal(try LocalDate.parse(day, field: .withdrawal)); field = .withdrawal
            }
            guard try store.membershipRecordCount(convention: code) > 0 else {
                throw InputError(
                    "no membership records for convention '\(code)': load the convention's membership table first",
                    field: .convention, reason: .notFound)
            }
            let (before, after) = try store.recordMembership(
                convention: code, state: state, change: fact,
                change: change("treaty record"), field: field)
            return MembershipRecording(convention: code, state: state, change: fact, before: before, after: after)
        }
    }

    /// Loads a convention's membership table: each State in `records` gets the record given; States not in it keep
    /// theirs. One transaction, one change.
    package func importMembership(convention raw: String, records: [MembershipRecord], origin: String) throws -> (
        convention: String, result: MembershipImport
    ) {
        try writing {
            let code = try Self.convention(raw)
            return (
                code,
                try store.importMembership(
                    convention: code, records: records, source: origin, change: change("treaty import"))
            )
        }
    }
}
