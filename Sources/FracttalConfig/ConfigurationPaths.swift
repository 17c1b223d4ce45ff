import Foundation
import FracttalModel

/// Turns the paths a user names into the configuration files to read.
enum ConfigurationPaths {
    /// Files in the order they are read: each path in turn; a folder's `*.yaml` and `*.yml` files,
    /// found recursively, in sorted path order. Hidden files and folders (`.github`, `.yamllint.yaml`)
    /// inside a folder are skipped. A file named twice is read once.
    static func expand(_ paths: [String], fileManager: FileManager = .default) -> (files: [String], diagnostics: [Diagnostic]) {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        var seen: Set<String> = []
        for path in paths.isEmpty ? ["."] : paths {
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(.pathNotFound(path))
                continue
            }
            let found: [String]
            if isDirectory.boolValue {
                found = yamlFiles(in: path, fileManager: fileManager)
                if found.isEmpty {
                    diagnostics.append(.folderHoldsNoYAML(path))
                    continue
                }
            } else {
                found = [path]
            }
            for file in found where seen.insert(canonical(file)).inserted {
                files.append(file)
            }
        }
        return (files, diagnostics)
    }

    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// The YAML files below a folder, as the folder's path joined with theirs, sorted.
    private static func yamlFiles(in folder: String, fileManager: FileManager) -> [String] {
        var relative: [String] = []
        var visited: Set<String> = [canonical(folder)]
        collect(folder: folder, prefix: "", into: &relative, visited: &visited, fileManager: fileManager)
        relative.sort()
        return relative.map { join(folder, $0) }
    }

    private static func collect(
        folder: String, prefix: String, into result: inout [String], visited: inout Set<String>, fileManager: FileManager
    ) {
        guard let entries = try? fileManager.contentsOfDirectory(atPath: join(folder, prefix)) else { return }
        for entry in entries where !entry.hasPrefix(".") {
            let relative = prefix.isEmpty ? entry : prefix + "/" + entry
            let full = join(folder, relative)
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: full, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                // Symbolic links may loop back; each real folder is read once.
                if visited.insert(canonical(full)).inserted {
                    collect(folder: folder, prefix: relative, into: &result, visited: &visited, fileManager: fileManager)
                }
            } else if entry.hasSuffix(".yaml") || entry.hasSuffix(".yml") {
                result.append(relative)
            }
        }
    }

    /// `folder/relative`, without a leading `./` for the current folder nor a doubled `/`.
    private static func join(_ folder: String, _ relative: String) -> String {
        if relative.isEmpty { return folder }
        if folder == "." || folder.isEmpty { return relative }
        return folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
    }
}
