import Foundation
import PackagePlugin

/// Generates `EmbeddedResources.swift` for the target that uses it, so that an installed `msp` needs nothing from
/// the source tree at run time: for the store, every `migrations/*.sql` and every file under `fixtures/reference`
/// and `fixtures/demo`; for the web portal, its templates and static files (`portal/templates`, `portal/static`).
/// Each as a string constant keyed by its path from the package's root.
@main
struct EmbedResources: BuildToolPlugin {
    /// The folders each target embeds.
    static func folders(for target: String) -> [String] {
        switch target {
        case "MSPServer": return ["portal/templates", "portal/static"]
        default: return ["migrations", "fixtures/reference", "fixtures/demo"]
        }
    }

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let fm = FileManager.default
        var inputs: [URL] = []
        for folder in Self.folders(for: target.name) {
            let dir = root.appending(path: folder)
            guard let enumerator = fm.enumerator(at: dir, includingPropertiesForKeys: [.isRegularFileKey]) else {
                continue
            }
            for case let url as URL in enumerator {
                let values = try url.resourceValues(forKeys: [.isRegularFileKey])
                if values.isRegularFile == true, !url.lastPathComponent.hasPrefix(".") {
                    inputs.append(url)
                }
            }
        }
        inputs.sort { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) files in \(target.name)",
                executable: try context.tool(named: "EmbedResourcesTool").url,
                arguments: [root.path, output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
