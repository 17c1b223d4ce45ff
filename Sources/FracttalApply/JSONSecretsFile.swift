import Foundation
import FracttalModel

/// The JSON secrets file: `{ "<consumer name>": {"key": ..., "secret": ...} }`, merged entry by entry.
///
/// Entries the tool did not write, and unknown fields inside entries, are kept as they were. The bytes
/// are those of `JSONSerialization` (pretty, sorted keys), but each entry is serialized only when it
/// changes and the names are kept in order as they are set, so a rewrite of a file of thousands of
/// entries costs little more than copying its bytes.
struct JSONSecretsFile {
    /// The file's object; values are whatever JSON the file held.
    private var object: [String: Any]
    /// The names in the order of `.sortedKeys` (`precedes`).
    private var order: [String]
    /// Each entry as the whole file writes it (its lines inside the outer braces), in the order of
    /// `order`; nil until first rendered and after each change.
    private var fragments: [[UInt8]?]
    /// The size of the last rendering, to reserve the next one's room.
    private var renderedCount = 0

    private static let options: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    private static let systemLocale = NSLocale.system

    /// Parses a file's bytes; empty bytes are an empty file.
    init(parsing data: Data) throws(SecretsFileProblem) {
        guard !data.allSatisfy({ [0x20, 0x0A, 0x0D, 0x09].contains($0) }) else {
            object = [:]
            order = []
            fragments = []
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
        order = object.keys.sorted(by: Self.precedes)
        fragments = Array(repeating: nil, count: order.count)
    }

    /// Sets the key and secret of a consumer, keeping other fields of its entry.
    mutating func set(name: String, credentials: ConsumerCredentials) {
        var entry = object[name] as? [String: Any] ?? [:]
        entry["key"] = credentials.key
        entry["secret"] = credentials.secret
        let index = position(of: name)
        if object.updateValue(entry, forKey: name) == nil {
            order.insert(name, at: index)
            fragments.insert(nil, at: index)
        } else if index < order.count, order[index] == name {
            fragments[index] = nil
        } else if let index = order.firstIndex(of: name) {
            fragments[index] = nil
        }
    }

    /// The index of the first name in `order` that does not precede `name`: where it is, or goes.
    private func position(of name: String) -> Int {
        var low = 0
        var high = order.count
        while low < high {
            let middle = (low + high) / 2
            if Self.precedes(order[middle], name) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The file's new bytes: pretty JSON with sorted keys and a final newline.
    mutating func rendered() throws(SecretsFileProblem) -> Data {
        do {
            guard !order.isEmpty else {
                var data = try JSONSerialization.data(withJSONObject: object, options: Self.options)
                data.append(0x0A)
                return data
            }
            // What `JSONSerialization` writes for the whole object: its entries, each indented by two
            // spaces, between "{\n" and "\n}", separated by ",\n".
            var bytes: [UInt8] = []
            bytes.reserveCapacity(renderedCount + 4096)
            for index in order.indices {
                bytes.append(index > 0 ? 0x2C : 0x7B) // ",\n" between entries, "{\n" before the first
                bytes.append(0x0A)
                if let rendered = fragments[index] {
                    bytes.append(contentsOf: rendered)
                } else {
                    let rendered = try fragment(order[index])
                    fragments[index] = rendered
                    bytes.append(contentsOf: rendered)
                }
            }
            bytes.append(contentsOf: "\n}\n".utf8)
            renderedCount = bytes.count
            return Data(bytes)
        } catch {
            throw SecretsFileProblem("its entries cannot be written back as JSON")
        }
    }

    /// One entry as the whole file writes it: an object of that entry alone, without its braces.
    private func fragment(_ name: String) throws -> [UInt8] {
        let alone = try JSONSerialization.data(withJSONObject: [name: object[name] ?? NSNull()], options: Self.options)
        // "{\n" + the entry + "\n}"
        return Array(alone.dropFirst(2).dropLast(2))
    }

    /// Whether `left` comes before `right` in the order in which `JSONSerialization` writes sorted keys:
    /// numeric, case-insensitive, forced, in the system locale.
    private static func precedes(_ left: String, _ right: String) -> Bool {
        left.compare(
            right, options: [.numeric, .caseInsensitive, .forcedOrdering], range: left.startIndex..<left.endIndex,
            locale: systemLocale
        ) == .orderedAscending
    }
}

/// Why a secrets file's content cannot be used, in a few words.
struct SecretsFileProblem: Error {
    /// For example "it is not valid JSON".
    var reason: String

    init(_ reason: String) { self.reason = reason }
}
