import Foundation
import FracttalModel

/// The env secrets file: `FRACTTAL_<NAME>_KEY=...` and `FRACTTAL_<NAME>_SECRET=...` lines, and the store's
/// record in `# fracttal: {...}` comment lines at the top.
///
/// Every line that is not this store's record nor an entry this store rewrites stays byte for byte: other
/// variables, comments, and `FRACTTAL_` variables of consumers this apply does not touch. An entry keeps
/// the place of its first line; its KEY and SECRET lines are then written together, and a new entry goes
/// at the end. Values may be read with an `export ` prefix or in quotes; they are written bare or in
/// single quotes (`EnvValue`).
struct EnvSecretsFile {
    /// Which of a NAME's two variables a line sets.
    private enum Part: String {
        case key = "_KEY"
        case secret = "_SECRET"
    }

    /// A line of the file: kept as it was, or one of an entry's variables (kept until the entry changes).
    private enum Line {
        case verbatim(String)
        case variable(envName: String, raw: String)
    }

    /// The values the file holds for one NAME.
    struct Entry: Equatable {
        var key: String?
        var secret: String?
    }

    /// The prefix of the store's record lines.
    static let recordPrefix = "# fracttal: "

    private var lines: [Line] = []
    /// The entries by NAME.
    private(set) var entries: [String: Entry] = [:]
    /// The store's record: scope, entry metadata and pending marks, as JSON objects in file order.
    private(set) var record = StoreRecord()
    /// Whether the lines end in CR LF.
    private var lineEnd = "\n"

    /// Parses a file's bytes (without a byte order mark).
    init(parsing data: Data) throws(SecretsFileProblem) {
        guard let text = String(data: data, encoding: .utf8) else {
            throw SecretsFileProblem("it is not UTF-8 text")
        }
        if text.first(where: { !$0.isWhitespace }) == "{" {
            throw SecretsFileProblem("it holds JSON, not env lines: pass --secrets-format json")
        }
        var rawLines = text.components(separatedBy: "\n")
        if rawLines.last == "" { rawLines.removeLast() }
        if let first = rawLines.first, first.hasSuffix("\r") { lineEnd = "\r\n" }
        for (number, raw) in rawLines.enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : raw
            if line.hasPrefix(Self.recordPrefix) {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.dropFirst(Self.recordPrefix.count).utf8)) as? [String: Any],
                      record.read(object) else {
                    throw SecretsFileProblem("its line \(number + 1) starts with `\(Self.recordPrefix.trimmingCharacters(in: .whitespaces))` but is not a record this version of fracttal reads")
                }
                continue
            }
            guard let (name, part, value) = Self.variable(in: line) else {
                lines.append(.verbatim(line))
                continue
            }
            lines.append(.variable(envName: name, raw: line))
            // As in a shell, a later assignment wins.
            switch part {
            case .key: entries[name, default: Entry()].key = value
            case .secret: entries[name, default: Entry()].secret = value
            }
        }
    }

    /// Whether the file can hold these values safely (see `EnvValue`).
    static func canHold(key: String, secret: String) -> Bool {
        EnvValue.rendered(key) != nil && EnvValue.rendered(secret) != nil
    }

    /// Sets the key and secret of a consumer's NAME, replacing that NAME's lines; call only when `canHold`.
    mutating func set(name consumerName: String, key: String, secret: String, secretCreatedAt: Date) {
        let envName = SecretEnvironmentName.name(for: consumerName)
        let fresh: [Line] = [
            .variable(envName: envName, raw: "\(SecretEnvironmentName.keyVariable(named: envName))=\(EnvValue.rendered(key) ?? "")"),
            .variable(envName: envName, raw: "\(SecretEnvironmentName.secretVariable(named: envName))=\(EnvValue.rendered(secret) ?? "")"),
        ]
        if let first = lines.firstIndex(where: { if case .variable(envName, _) = $0 { true } else { false } }) {
            lines.removeAll { if case .variable(envName, _) = $0 { true } else { false } }
            lines.insert(contentsOf: fresh, at: min(first, lines.count))
        } else {
            lines += fresh
        }
        entries[envName] = Entry(key: key, secret: secret)
        record.setEntry(name: consumerName, key: key, secretCreatedAt: secretCreatedAt)
    }

    /// Removes the variables of a consumer's NAME and its metadata.
    mutating func remove(name consumerName: String) {
        let envName = SecretEnvironmentName.name(for: consumerName)
        lines.removeAll { if case .variable(envName, _) = $0 { true } else { false } }
        entries[envName] = nil
        record.removeEntry(name: consumerName)
    }

    /// Changes the store's record.
    mutating func changeRecord(_ change: (inout StoreRecord) -> Void) {
        change(&record)
    }

    /// The file's new bytes: the record's lines, then every other line.
    func rendered() -> Data {
        var text = ""
        for object in record.objects() {
            guard let line = StoreJSON.line(object) else { continue }
            text += Self.recordPrefix + String(decoding: line, as: UTF8.self) + lineEnd
        }
        for line in lines {
            switch line {
            case .verbatim(let content), .variable(_, let content): text += content + lineEnd
            }
        }
        return Data(text.utf8)
    }

    /// The NAME, part and value of a `FRACTTAL_<NAME>_KEY=` or `FRACTTAL_<NAME>_SECRET=` line, or nil.
    private static func variable(in line: String) -> (String, Part, String)? {
        var rest = Substring(line)
        if rest.hasPrefix("export ") { rest = rest.dropFirst("export ".count).drop(while: { $0 == " " }) }
        guard let equals = rest.firstIndex(of: "=") else { return nil }
        let variable = rest[..<equals]
        guard variable.hasPrefix("FRACTTAL_") else { return nil }
        for part in [Part.key, .secret] where variable.hasSuffix(part.rawValue) {
            let name = variable.dropFirst("FRACTTAL_".count).dropLast(part.rawValue.count)
            guard !name.isEmpty, name.unicodeScalars.allSatisfy(isNameScalar) else { return nil }
            return (String(name), part, unquoted(rest[rest.index(after: equals)...]))
        }
        return nil
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
    }

    private static func unquoted(_ value: Substring) -> String {
        for quote in ["\"", "'"] as [Character] where value.count >= 2 && value.first == quote && value.last == quote {
            return String(value.dropFirst().dropLast())
        }
        return String(value)
    }
}
