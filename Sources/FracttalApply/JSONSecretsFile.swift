import Foundation
import FracttalModel

/// The JSON secrets file: `{ "<consumer name>": {"key": ..., "secret": ...} }`, merged entry by entry.
///
/// Entries the tool did not write, and unknown fields inside entries, are kept as they were. Names are
/// kept exactly (`ExactName`): `"José"` written with one accented letter and with `e` plus a combining
/// accent are two consumers, so the file keeps two entries, which a dictionary of `String` would merge.
struct JSONSecretsFile {
    /// The entries in file order (new ones at the end); values are whatever JSON the file held.
    private var entries: [(name: String, value: Any)] = []
    private var positionByName: [ExactName: Int] = [:]

    /// Parses a file's bytes; empty bytes are an empty file.
    init(parsing data: Data) throws(SecretsFileProblem) {
        guard !data.allSatisfy({ [0x20, 0x0A, 0x0D, 0x09].contains($0) }) else { return }
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
        guard parsed is [String: Any] else {
            throw SecretsFileProblem("it is not a JSON object of consumer names")
        }
        // The object is valid JSON: read its members in order with their exact names.
        for member in TopLevelMembers(data) {
            guard let name = Self.string(fromLiteral: member.name),
                  let value = try? JSONSerialization.jsonObject(with: member.value, options: [.fragmentsAllowed])
            else { throw SecretsFileProblem("its entries cannot be read") }
            set(name: name, value: value)
        }
    }

    /// Sets the key and secret of a consumer, keeping other fields of its entry.
    mutating func set(name: String, credentials: ConsumerCredentials) {
        var entry = positionByName[ExactName(name)].flatMap { entries[$0].value as? [String: Any] } ?? [:]
        entry["key"] = credentials.key
        entry["secret"] = credentials.secret
        set(name: name, value: entry)
    }

    private mutating func set(name: String, value: Any) {
        if let position = positionByName[ExactName(name)] {
            entries[position].value = value
        } else {
            positionByName[ExactName(name)] = entries.count
            entries.append((name, value))
        }
    }

    /// The file's new bytes: pretty JSON, entries sorted by name (scalar by scalar), a final newline.
    func rendered() throws(SecretsFileProblem) -> Data {
        let sorted = entries.sorted { $0.name.unicodeScalars.lexicographicallyPrecedes($1.name.unicodeScalars) }
        var text = "{"
        for (offset, entry) in sorted.enumerated() {
            guard let name = Self.literal(entry.name), let value = Self.pretty(entry.value) else {
                throw SecretsFileProblem("its entries cannot be written back as JSON")
            }
            text += (offset == 0 ? "\n  " : ",\n  ") + name + " : " + value.replacingOccurrences(of: "\n", with: "\n  ")
        }
        text += sorted.isEmpty ? "}\n" : "\n}\n"
        return Data(text.utf8)
    }

    private static let writing: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed]

    /// A JSON string literal for `text`.
    private static func literal(_ text: String) -> String? {
        (try? JSONSerialization.data(withJSONObject: text, options: writing)).map { String(decoding: $0, as: UTF8.self) }
    }

    private static func pretty(_ value: Any) -> String? {
        (try? JSONSerialization.data(withJSONObject: value, options: writing)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The string a JSON string literal spells.
    private static func string(fromLiteral literal: Data) -> String? {
        try? JSONSerialization.jsonObject(with: literal, options: [.fragmentsAllowed]) as? String
    }
}

/// The members of a valid JSON object, in order: each name's string literal and its value's bytes, so
/// that names are read one by one instead of into a dictionary.
private struct TopLevelMembers: Sequence, IteratorProtocol {
    private let bytes: [UInt8]
    private var position: Int

    init(_ data: Data) {
        bytes = Array(data)
        position = 0
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "{") { position += 1 }
    }

    mutating func next() -> (name: Data, value: Data)? {
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: ",") { position += 1 }
        skipSpace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { return nil }
        let nameStart = position
        skipString()
        let name = Data(bytes[nameStart..<position])
        skipSpace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return nil }
        position += 1
        skipSpace()
        let valueStart = position
        var depth = 0
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                skipString()
                continue
            }
            if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { depth += 1 }
            if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                if depth == 0 { break }
                depth -= 1
            }
            if byte == UInt8(ascii: ","), depth == 0 { break }
            position += 1
        }
        return (name, Data(bytes[valueStart..<position]))
    }

    /// Moves past the string literal that starts here.
    private mutating func skipString() {
        position += 1
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "\\") {
                position += 2
                continue
            }
            position += 1
            if bytes[position - 1] == UInt8(ascii: "\"") { return }
        }
    }

    private mutating func skipSpace() {
        while position < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[position]) { position += 1 }
    }
}

/// Why a secrets file's content cannot be used, in a few words.
struct SecretsFileProblem: Error {
    /// For example "it is not valid JSON".
    var reason: String

    init(_ reason: String) { self.reason = reason }
}
