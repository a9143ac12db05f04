import MSPDomain

extension Store {
    /// The name a delegation is printed under at a meeting: a State's UN short name in force on the meeting's opening
    /// day (`State.name(on:)`), an organization's name as stored.
    ///
    /// A State's name is computed here, from its ISO code and the opening day, every time it is read, rather than
    /// taken from `delegation.name`: that column is a copy made at registration, and a database written before msp
    /// knew former names holds today's name there ("Türkiye" in a 2017 meeting's list of participants). Computing
    /// it puts every database right without a migration that rewrites recorded rows, and a correction of a date in
    /// `state-names-history.csv` reaches every meeting at once. Every read that prints a delegation's name (list of
    /// participants, late notes, history, credentials, the desk's messages) comes through here.
    static func delegationName(stateIso3: String?, stored: String, at meeting: Meeting) -> String {
        guard let stateIso3, let name = ReferenceData.states.name(iso3: stateIso3, on: meeting.opens) else {
            return stored
        }
        return name
    }
}
