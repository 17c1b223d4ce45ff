import Foundation
import FracttalModel

/// The env secrets file: `FRACTTAL_<NAME>_KEY=...` and `FRACTTAL_<NAME>_SECRET=...` lines, merged by NAME.
///
/// Lines that are not such variables (comments, other variables) are kept as they were. An entry
/// keeps the place of its first line; its KEY and SECRET lines are then written together, and a new
/// entry goes at the end. Values may be read with an `export ` prefix or in quotes; they are written bare.
struct EnvSecretsFile {
    /// Which of a NAME's two variables a line sets.
    private enum Part: String {
        case key = "_KEY"
        case secret = "_SECRET"
    }

    /// A line of the file: kept verbatim, or the place of an entry.
    private enum Line {
        case verbatim(String)
        case entry(String)
    }

    /// The values held for one NAME.
    struct Entry: Equatable {
        var key: String?
        var secret: String?
    }

    private var lines: [Line] = []
    /// The entries by NAME.
    private(set) var entries: [String: Entry] = [:]

    /// Parses a file's bytes.
    init(parsing data: Data) throws(SecretsFileProblem) {
        guard let text = String(data: data, encoding: .utf8) else {
            throw SecretsFileProblem("it is not UTF-8 text")
        }
        if text.first(where: { !$0.isWhitespace }) == "{" {
            throw SecretsFileProblem("it holds JSON, not env lines: pass --secrets-format json")
        }
        var rawLines = text.components(separatedBy: "\n")
        if rawLines.last == "" { rawLines.removeLast() }
        for raw in rawLines {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : raw
            guard let (name, part, value) = Self.variable(in: line) else {
                lines.append(.verbatim(line))
                continue
            }
            if entries[name] == nil {
                entries[name] = Entry()
                lines.append(.entry(name))
            }
            // As in a shell, a later assignment wins.
            switch part {
            case .key: entries[name]?.key = value
            case .secret: entries[name]?.secret = value
            }
        }
    }

    /// Whether the file can hold these credentials safely (see `EnvValue`).
    static func canHold(_ credentials: ConsumerCredentials) -> Bool {
        EnvValue.rendered(credentials.key) != nil && EnvValue.rendered(credentials.secret) != nil
    }

    /// Sets the key and secret of a consumer's NAME.
    mutating func set(name consumerName: String, credentials: ConsumerCredentials) {
        let name = SecretEnvironmentName.name(for: consumerName)
        if entries[name] == nil { lines.append(.entry(name)) }
        entries[name] = Entry(key: credentials.key, secret: credentials.secret)
    }

    /// The file's new bytes.
    func rendered() -> Data {
        var text = ""
        for line in lines {
            switch line {
            case .verbatim(let content):
                text += content + "\n"
            case .entry(let name):
                guard let entry = entries[name] else { continue }
                // Values no quoting makes safe never reach this file (see `canHold`); a stale one read from it is left out.
                if let key = entry.key.flatMap(EnvValue.rendered) { text += "\(SecretEnvironmentName.keyVariable(named: name))=\(key)\n" }
                if let secret = entry.secret.flatMap(EnvValue.rendered) {
                    text += "\(SecretEnvironmentName.secretVariable(named: name))=\(secret)\n"
                }
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
