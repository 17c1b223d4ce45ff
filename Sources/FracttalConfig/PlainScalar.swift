/// What a plain (unquoted) scalar means under the YAML 1.2 core schema.
enum PlainScalar: Equatable {
    /// `null`, `Null`, `NULL`, `~` or nothing.
    case null
    /// `true`/`false`, and their `True`/`TRUE` spellings.
    case boolean
    /// A core-schema integer: decimal, `0o` octal or `0x` hexadecimal.
    case integer
    /// A core-schema float, `.inf` and `.nan` included.
    case float
    /// Anything else: a string.
    case string

    /// Classifies a plain scalar's text.
    init(_ text: String) {
        // Most scalars (names, codes, descriptions) start with a letter that no null, boolean or number starts with.
        guard let first = text.utf8.first else {
            self = .null
            return
        }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "~"),
             UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "n"), UInt8(ascii: "N"):
            break
        default:
            self = .string
            return
        }
        switch text {
        case "", "~", "null", "Null", "NULL": self = .null
        case "true", "True", "TRUE", "false", "False", "FALSE": self = .boolean
        default:
            let bytes = Array(text.utf8)
            if Self.isInteger(bytes) {
                self = .integer
            } else if Self.isFloat(bytes) {
                self = .float
            } else {
                self = .string
            }
        }
    }

    /// The YAML 1.1 spellings of booleans that YAML 1.2 reads as strings.
    static let yaml11Booleans: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N",
    ]

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isInteger(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty else { return false }
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0") {
            let rest = bytes[2...]
            if bytes[1] == UInt8(ascii: "o") {
                return rest.allSatisfy { $0 >= 0x30 && $0 <= 0x37 }
            }
            if bytes[1] == UInt8(ascii: "x") {
                return rest.allSatisfy { isDigit($0) || ($0 >= 0x41 && $0 <= 0x46) || ($0 >= 0x61 && $0 <= 0x66) }
            }
        }
        var digits = bytes[...]
        if let first = digits.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            digits = digits.dropFirst()
        }
        return !digits.isEmpty && digits.allSatisfy(isDigit)
    }

    private static func isFloat(_ bytes: [UInt8]) -> Bool {
        var index = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        let rest = Array(bytes[index...])
        if rest == Array(".inf".utf8) || rest == Array(".Inf".utf8) || rest == Array(".INF".utf8) { return true }
        if index == 0, rest == Array(".nan".utf8) || rest == Array(".NaN".utf8) || rest == Array(".NAN".utf8) { return true }
        // [0-9]+ ( . [0-9]* )?  |  . [0-9]+   then  ( [eE] [-+]? [0-9]+ )?
        var integerDigits = 0
        while index < bytes.count, isDigit(bytes[index]) { index += 1; integerDigits += 1 }
        var fractionDigits = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, isDigit(bytes[index]) { index += 1; fractionDigits += 1 }
        }
        guard integerDigits > 0 || fractionDigits > 0 else { return false }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            var exponentDigits = 0
            while index < bytes.count, isDigit(bytes[index]) { index += 1; exponentDigits += 1 }
            guard exponentDigits > 0 else { return false }
        }
        return index == bytes.count
    }
}
