import MSPDomain
import MSPStore

extension RegistrationDesk {
    /// The delegation a typed name means at a meeting, which must have sent a note to it.
    func registeredDelegation(_ typed: String, meeting: StoredMeeting) throws -> (
        represented: Represented, delegation: RegisteredDelegation
    ) {
        let name = try typed.checkedText("delegation's name", field: .delegation).trimmed
        guard !name.isEmpty else { throw InputError("the delegation's name is empty", field: .delegation) }
        let resolver = try store.resolver(for: name)
        guard let represented = resolver.find(name) else {
            throw resolver.notFound(name, field: .delegation, on: meeting.meeting.opens)
        }
        guard let delegation = try store.delegation(represented, meeting: meeting) else {
            throw InputError(
                "\(represented.name(on: meeting.meeting.opens)) is not registered for \(meeting.meeting.code): it sent no note",
                field: .delegation, reason: .notFound)
        }
        return (represented, delegation)
    }

    /// A delegation's category at a meeting: a State's from the convention's records on the opening day (from
    /// `membership` when the caller read them already, else read here), an organization's as registered.
    func category(of represented: Represented, at meeting: Meeting, membership: TreatyMembership? = nil) throws
        -> Category
    {
        switch represented {
        case .state(let state):
            return try (membership ?? store.membership(convention: meeting.convention))
                .category(of: state.iso3, at: meeting)
        case .organization(let organization), .newOrganization(let organization):
            return organization.category
        }
    }
}
