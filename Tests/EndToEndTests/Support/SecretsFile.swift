import Foundation

/// Reads a JSON secrets file written by `apply --secrets-out`.
struct SecretsFile {
    /// Name → (key, secret).
    var entries: [String: (key: String, secret: String)]
    /// The store's record (the member `""`): scope and pending marks.
    var record: [String: Any]

    /// Reads and parses the file.
    init(contentsOf url: URL) throws {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
        record = object[""] as? [String: Any] ?? [:]
        entries = object.compactMapValues { value in
            guard let entry = value as? [String: Any], let key = entry["key"] as? String, let secret = entry["secret"] as? String
            else { return nil }
            return (key, secret)
        }
    }

    /// The names of the consumers with a pending mark.
    var pendingNames: [String] {
        (record["pending"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
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
