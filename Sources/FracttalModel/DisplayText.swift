import Foundation

/// Text meant for people, made safe to print: the one escaping every line for people goes through
/// (terminal and Markdown plans, diagnostics, GitHub annotations, progress, notes, server messages).
///
/// C0 and C1 control characters, DEL, the line and paragraph separators and the bidirectional controls
/// (U+202A–U+202E, U+2066–U+2069) are written as `\n`, `\t`, `\r` or `\u{…}`, so that no name or server
/// message can break a line, move the cursor, or reorder what a reader sees. JSON output stays exact.
public enum DisplayText {
    /// `text` with unsafe characters escaped; with `escapingQuotes`, `"` and `\` too (for a quoted literal).
    public static func escaped(_ text: String, escapingQuotes: Bool = false) -> String {
        // Most text is printable ASCII with nothing to escape: return it as it is (the scalar loop below
        // costs a Unicode property lookup per character).
        let needsNoEscape = text.utf8.allSatisfy { byte in
            (0x20...0x7E).contains(byte) && !(escapingQuotes && (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")))
        }
        if needsNoEscape { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"" where escapingQuotes: result += "\\\""
            case "\\" where escapingQuotes: result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if isUnsafe(scalar) {
                    result += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// A URL as messages show it: any user name and password replaced by `***` (`https://***@host/api`), escaped.
    public static func url(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return escaped(text) }
        let rest = text[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex { "/?#".contains($0) } ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return escaped(text) }
        return escaped(String(text[..<schemeEnd.upperBound]) + "***" + String(rest[at...]))
    }

    /// A name in double quotes for a message, with `"`, `\` and unsafe characters escaped: `"erp-sync"`.
    public static func quoted(_ name: String) -> String {
        "\"" + escaped(name, escapingQuotes: true) + "\""
    }

    /// Each line of `text` escaped, the line breaks between them kept.
    public static func escapedLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escaped(String($0)) }.joined(separator: "\n")
    }

    /// Control characters (C0, C1, DEL), line separators and bidirectional controls.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control
            || (0x2028...0x2029).contains(scalar.value)
            || (0x202A...0x202E).contains(scalar.value)
            || (0x2066...0x2069).contains(scalar.value)
    }
}
