import Foundation

/// A fresh folder under the system's temporary folder, for the files of one test; `remove()` (or
/// `with(_:)`) deletes it and everything in it.
public struct TemporaryFolder: Sendable {
    /// The folder.
    public let url: URL

    /// The folder's path.
    public var path: String { url.path }

    /// Creates an empty folder whose name starts with `prefix`, so that a leftover one says which tests made it.
    public init(prefix: String = "fracttal-tests") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Runs `body` with a fresh folder and removes the folder afterwards, also when `body` throws.
    public static func with<T>(prefix: String = "fracttal-tests", _ body: (TemporaryFolder) async throws -> T) async throws -> T {
        let folder = try TemporaryFolder(prefix: prefix)
        defer { folder.remove() }
        return try await body(folder)
    }

    /// The path of a file or folder inside.
    public func path(_ relative: String) -> String {
        url.appendingPathComponent(relative).path
    }

    /// Writes text (UTF-8) to a file inside, creating its folders, with the permission bits `mode`
    /// when given; answers the file's path.
    @discardableResult
    public func write(_ text: String, to relative: String, mode: Int? = nil) throws -> String {
        try write(Data(text.utf8), to: relative, mode: mode)
    }

    /// Writes bytes to a file inside, creating its folders, with the permission bits `mode` when
    /// given; answers the file's path.
    @discardableResult
    public func write(_ data: Data, to relative: String, mode: Int? = nil) throws -> String {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        if let mode {
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file.path)
        }
        return file.path
    }

    /// Reads a file inside as UTF-8 text.
    public func read(_ relative: String) throws -> String {
        String(decoding: try Data(contentsOf: url.appendingPathComponent(relative)), as: UTF8.self)
    }

    /// Whether a file or folder exists inside.
    public func contains(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: path(relative))
    }

    /// The permission bits of a file inside.
    public func mode(of relative: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path(relative))
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    /// The names of the folder's entries, sorted.
    public func entries() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    /// Removes the folder and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
