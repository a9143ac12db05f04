import Foundation
import PackagePlugin

/// Generates `EmbeddedResources.swift` for the target that uses it: every `migrations/*.sql` and
/// every file under `fixtures/reference` and `fixtures/demo` as string constants, so that an installed `msp` needs nothing from
/// the source tree at run time.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let fm = FileManager.default
        var inputs: [URL] = []
        for folder in ["migrations", "fixtures/reference", "fixtures/demo"] {
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
                displayName: "Embedding \(inputs.count) migrations and fixtures",
                executable: try context.tool(named: "EmbedResourcesTool").url,
                arguments: [root.path, output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
