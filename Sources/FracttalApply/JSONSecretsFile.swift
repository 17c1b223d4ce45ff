import Foundation
import FracttalModel

/// The JSON secrets file: `{ "<consumer name>": {"key": ..., "secret": ...} }`, merged entry by entry.
///
/// Entries the tool did not write, and unknown fields inside entries, are kept as they were. Names are
/// kept exactly (`ExactName`): `"José"` written with one accented letter and with `e` plus a combining
/// accent are two consumers, so the file keeps two entries, which a dictionary of `String` would merge.
struct JSONSecretsFile {
    /// One entry: its name, whatever JSON value the file held, and its rendering once made.
    private struct Entry {
        var name: String
        var value: Any
        /// The entry as the whole file writes it; nil until rendered and after each change.
        var fragment: [UInt8]?
    }

    /// The entries, sorted by name scalar by scalar, so a rewrite only joins them.
    private var entries: [Entry] = []
    /// The size of the last rendering, to reserve the next one's room.
    private var renderedCount = 0

    private static let writing: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed]

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

    /// Sets the key, secret and issue time of a consumer, keeping other fields of its entry.
    mutating func set(name: String, key: String, secret: String, secretCreatedAt: String) {
        let index = position(of: name)
        let existing = index < entries.count && Self.same(entries[index].name, name)
        var entry = existing ? entries[index].value as? [String: Any] ?? [:] : [:]
        entry["key"] = key
        entry["secret"] = secret
        entry["secret_created_at"] = secretCreatedAt
        set(name: name, value: entry, at: index)
    }

    /// Sets the whole value of the member `name`.
    mutating func set(name: String, value: Any) {
        set(name: name, value: value, at: position(of: name))
    }

    /// The value of the member `name`, if the file has one.
    func value(named name: String) -> Any? {
        let index = position(of: name)
        return index < entries.count && Self.same(entries[index].name, name) ? entries[index].value : nil
    }

    /// Removes the member `name`, if the file has one.
    mutating func remove(named name: String) {
        let index = position(of: name)
        if index < entries.count, Self.same(entries[index].name, name) { entries.remove(at: index) }
    }

    /// Every member's name and value, in the file's order.
    var members: [(name: String, value: Any)] { entries.map { ($0.name, $0.value) } }

    /// Sets the entry of `name`, whose place in `entries` is `index` (`position(of:)`).
    private mutating func set(name: String, value: Any, at index: Int) {
        if index < entries.count, Self.same(entries[index].name, name) {
            entries[index].value = value
            entries[index].fragment = nil
        } else {
            entries.insert(Entry(name: name, value: value, fragment: nil), at: index)
        }
    }

    /// Where `name` is in `entries`, or goes: the first entry whose name does not precede it.
    private func position(of name: String) -> Int {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].name.unicodeScalars.lexicographicallyPrecedes(name.unicodeScalars) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }

    /// Whether two names are the same scalars (`ExactName`).
    private static func same(_ left: String, _ right: String) -> Bool {
        ExactName(left) == ExactName(right)
    }

    /// The file's new bytes: pretty JSON, entries sorted by name (scalar by scalar), a final newline.
    ///
    /// Each entry is serialized only when it changed, so a rewrite of thousands of entries costs little
    /// more than copying their bytes.
    mutating func rendered() throws(SecretsFileProblem) -> Data {
        guard !entries.isEmpty else { return Data("{}\n".utf8) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(renderedCount + 4096)
        for index in entries.indices {
            bytes.append(index > 0 ? 0x2C : 0x7B)  // ",\n" between entries, "{\n" before the first
            bytes.append(0x0A)
            if let fragment = entries[index].fragment {
                bytes.append(contentsOf: fragment)
            } else {
                guard let fragment = Self.fragment(entries[index]) else {
                    throw SecretsFileProblem("its entries cannot be written back as JSON")
                }
                entries[index].fragment = fragment
                bytes.append(contentsOf: fragment)
            }
        }
        bytes.append(contentsOf: "\n}\n".utf8)
        renderedCount = bytes.count
        return Data(bytes)
    }

    /// One entry as the whole file writes it: an object of that entry alone, without its braces.
    private static func fragment(_ entry: Entry) -> [UInt8]? {
        if let credentials = entry.value as? [String: String], credentials.count == 3,
           let key = credentials["key"], let secret = credentials["secret"], let created = credentials["secret_created_at"] {
            return credentialsFragment(name: entry.name, key: key, secret: secret, secretCreatedAt: created)
        }
        guard let alone = try? JSONSerialization.data(withJSONObject: [entry.name: entry.value], options: writing) else { return nil }
        return Array(alone.dropFirst(2).dropLast(2))  // "{\n" + the entry + "\n}"
    }

    /// The fragment of an entry that holds only a key, a secret and its issue time (every entry this tool
    /// creates), laid out as `writing` lays it out; its strings are spelled by `JSONEncoder`, which costs a
    /// fraction of `JSONSerialization` with sorted keys.
    private static func credentialsFragment(name: String, key: String, secret: String, secretCreatedAt: String) -> [UInt8]? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        guard let name = try? encoder.encode(name), let key = try? encoder.encode(key),
              let secret = try? encoder.encode(secret), let created = try? encoder.encode(secretCreatedAt)
        else { return nil }
        var bytes = Array("  ".utf8)
        bytes.reserveCapacity(name.count + key.count + secret.count + created.count + 70)
        bytes += name
        bytes += Array(" : {\n    \"key\" : ".utf8)
        bytes += key
        bytes += Array(",\n    \"secret\" : ".utf8)
        bytes += secret
        bytes += Array(",\n    \"secret_created_at\" : ".utf8)
        bytes += created
        bytes += Array("\n  }".utf8)
        return bytes
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
