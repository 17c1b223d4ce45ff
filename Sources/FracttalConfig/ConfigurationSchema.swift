import Foundation

/// The JSON Schema (2020-12) of the configuration language, as `fracttal schema` prints it.
public enum ConfigurationSchema {
    /// Why the schema could not be read.
    public struct MissingResource: Error, CustomStringConvertible {
        /// The places looked at.
        public var searched: [String]

        /// One sentence for the user.
        public var description: String {
            "the schema file \(ConfigurationSchema.resourceName) was not found in "
                + searched.joined(separator: ", ")
                + ": install fracttal together with its \(ConfigurationSchema.bundleName) folder"
        }
    }

    /// The resource bundle SwiftPM builds for this module.
    static let bundleName = "fracttal_FracttalConfig.resources"
    /// The schema's file name inside it.
    static let resourceName = "fracttal.schema.json"

    /// The embedded schema file, byte for byte.
    ///
    /// Looks for the resource bundle where SwiftPM's generated `Bundle.module` does (next to the
    /// executable, then in the build folder), and next to the executable's real path when it is
    /// reached through a symbolic link; but it throws instead of stopping the process when the
    /// bundle is missing. (`Bundle.module` itself is never touched: it calls `fatalError`.)
    public static func jsonText() throws -> String {
        let candidates = bundleFolders()
        for folder in candidates {
            for file in [folder.appendingPathComponent(resourceName),
                         folder.appendingPathComponent("Contents/Resources").appendingPathComponent(resourceName)] {
                if let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8) {
                    return text
                }
            }
        }
        throw MissingResource(searched: candidates.map(\.path))
    }

    /// Folders that may be the resource bundle, most likely first.
    static func bundleFolders() -> [URL] {
        var folders: [URL] = []
        func add(_ directory: URL?) {
            guard let directory else { return }
            for name in [bundleName, "fracttal_FracttalConfig.bundle"] {
                let url = directory.appendingPathComponent(name).standardizedFileURL
                if !folders.contains(url) { folders.append(url) }
            }
        }
        add(Bundle.main.bundleURL)
        add(Bundle.main.resourceURL)
        if let executable = Bundle.main.executableURL {
            add(executable.deletingLastPathComponent())
            add(executable.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        add(buildFolder())
        return folders
    }

    /// The build folder SwiftPM's accessor falls back to: `<package>/.build/<triple>/<debug|release>`,
    /// found from this source file's path; nil when that folder is gone.
    private static func buildFolder() -> URL? {
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let build = packageRoot.appendingPathComponent(".build")
        #if DEBUG
        let configuration = "debug"
        #else
        let configuration = "release"
        #endif
        guard let triples = try? FileManager.default.contentsOfDirectory(atPath: build.path) else { return nil }
        for triple in triples.sorted() where triple.contains("-") {
            let folder = build.appendingPathComponent(triple).appendingPathComponent(configuration)
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(bundleName).path) {
                return folder
            }
        }
        return nil
    }
}
