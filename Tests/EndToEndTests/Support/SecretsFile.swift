import Foundation

/// Reads a JSON secrets file written by `apply --secrets-out`.
struct SecretsFile {
    /// Name → (key, secret).
    var entries: [String: (key: String, secret: String)]

    /// Reads and parses the file.
    init(contentsOf url: URL) throws {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: [String: String]] ?? [:]
        entries = object.compactMapValues { entry in
            guard let key = entry["key"], let secret = entry["secret"] else { return nil }
            return (key, secret)
        }
    }

    /// The file's permission bits.
    static func mode(of url: URL) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}

extension FracttalProcess.Result {
    /// Whether stdout or stderr holds any of these secrets.
    func leaksAny(of secrets: [String]) -> Bool {
        secrets.contains { !$0.isEmpty && (stdout.contains($0) || stderr.contains($0)) }
    }
}
