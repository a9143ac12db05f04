import MSPDomain
import MSPStore

/// The data carried inside msp, as the front ends may read it: the UN names of States and the demo's files.
package enum BundledData {
    /// Every State by its UN names since 2000, with their aliases: what finds a State by a name typed.
    package static var states: StateDirectory { ReferenceData.states }

    /// The text of each bundled file under `folder` (`fixtures/demo`), with its path.
    package static func files(under folder: String) -> [(path: String, text: String)] {
        ReferenceData.files(under: folder)
    }
}
