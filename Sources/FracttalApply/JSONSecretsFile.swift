import Foundation
import FracttalModel

/// The JSON secrets file: `{ "<consumer name>": {"key": ..., "secret": ...} }`, merged entry by entry.
///
/// Entries the tool did not write, and unknown fields inside entries, are kept as they were.
struct JSONSecretsFile {
    /// The file's object; values are whatever JSON the file held.
    private var object: [String: Any]

    /// Parses a file's bytes; empty bytes are an empty file.
    init(parsing data: Data) throws(SecretsFileProblem) {
        guard !data.allSatisfy({ [0x20, 0x0A, 0x0D, 0x09].contains($0) }) else {
            object = [:]
            return
        }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            let text = String(decoding: data, as: UTF8.self)
            if text.contains("FRACTTAL_") && text.contains("=") {
                throw SecretsFileProblem("it holds env lines, not JSON: pass --secrets-format env")
            }
            throw SecretsFileProblem("it is not valid JSON")
        }
        guard let object = parsed as? [String: Any] else {
            throw SecretsFileProblem("it is not a JSON object of consumer names")
        }
        self.object = object
    }

    /// Sets the key and secret of a consumer, keeping other fields of its entry.
    mutating func set(name: String, credentials: ConsumerCredentials) {
        var entry = object[name] as? [String: Any] ?? [:]
        entry["key"] = credentials.key
        entry["secret"] = credentials.secret
        object[name] = entry
    }

    /// The file's new bytes: pretty JSON with sorted keys and a final newline.
    func rendered() throws(SecretsFileProblem) -> Data {
        do {
            var data = try JSONSerialization.data(
                withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            data.append(0x0A)
            return data
        } catch {
            throw SecretsFileProblem("its entries cannot be written back as JSON")
        }
    }
}

/// Why a secrets file's content cannot be used, in a few words.
struct SecretsFileProblem: Error {
    /// For example "it is not valid JSON".
    var reason: String

    init(_ reason: String) { self.reason = reason }
}
