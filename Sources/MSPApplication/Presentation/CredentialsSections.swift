import MSPDomain

/// One list of the credentials report as every front end titles it: its key (as JSON and the workbook name the list,
/// and the HTML section's id), its title, and its States.
package struct CredentialsSection: Sendable, Equatable {
    package var key: String
    package var title: String
    package var states: [String]
}

extension CredentialsReport {
    /// The four lists in the order the report shows them, titled once for the command line, its HTML, PDF and
    /// workbook, and the portal's page.
    package var sections: [CredentialsSection] {
        [
            CredentialsSection(
                key: "original", title: "States Parties that presented formal credentials", states: original),
            CredentialsSection(
                key: "copy", title: "States Parties that presented a copy of credentials or another communication",
                states: copy),
            CredentialsSection(
                key: "note_verbale", title: "States Parties that communicated by note verbale only",
                states: noteVerbale),
            CredentialsSection(
                key: "missing", title: "States Parties that have presented nothing yet", states: missing),
        ]
    }
}
