import Foundation

/// A fresh folder under the system's temporary folder, removed by `remove()`.
struct TemporaryFolder {
    /// The folder.
    let url: URL

    /// Creates an empty folder.
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("fracttal-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes a file relative to the folder, creating its parent folders.
    @discardableResult
    func write(_ text: String, to relativePath: String) throws -> URL {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }

    /// Reads a file relative to the folder.
    func read(_ relativePath: String) throws -> String {
        String(decoding: try Data(contentsOf: url.appendingPathComponent(relativePath)), as: UTF8.self)
    }

    /// Removes the folder and everything in it.
    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
