import MSPDomain

/// The reference data that travels inside the binary (from `fixtures/reference/`): the States as the UN names
/// them (and named them since 2000), the organizations the newsletters name, and the Convention on Cluster Munitions' membership records.
package enum ReferenceData {
    package static func text(_ path: String) -> String {
        guard let text = EmbeddedResources.files[path] else {
            fatalError("\(path) is not embedded in this msp: rebuild it")
        }
        return text
    }

    /// Parsed once per process: the States with their names since 2000 (`state-names-history.csv`).
    package static let states: StateDirectory = {
        do {
            return try StateDirectory(
                csv: text("fixtures/reference/states.csv"),
                history: text("fixtures/reference/state-names-history.csv"))
        } catch {
            fatalError("the embedded states.csv or state-names-history.csv does not parse: \(error)")
        }
    }()

    package static let organizations: [Organization] = {
        do { return try Organization.parseFixture(csv: text("fixtures/reference/organizations.csv")) } catch {
            fatalError("the embedded organizations.csv does not parse: \(error)")
        }
    }()

    /// The conventions whose membership ships with msp, by code.
    package static let membershipFixtures: [String: String] = ["CCM": "fixtures/reference/ccm-membership.csv"]

    package static func membership(convention: String) throws -> [MembershipRecord] {
        guard let path = membershipFixtures[convention] else { return [] }
        return try MembershipTable.parse(csv: text(path), states: states)
    }

    /// Every embedded file under a folder, by path.
    package static func files(under folder: String) -> [(path: String, text: String)] {
        EmbeddedResources.files.filter { $0.key.hasPrefix(folder + "/") }.sorted { $0.key < $1.key }.map {
            ($0.key, $0.value)
        }
    }
}
