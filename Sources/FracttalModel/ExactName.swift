/// A name (or a key) compared Unicode scalar by Unicode scalar, as the server compares names.
///
/// Swift's `String` equality and hashing use canonical equivalence: `"Jos\u{E9}" == "Jose\u{301}"`
/// is true. The server stores names as the exact scalars sent, so two such names are two different
/// objects there; every comparison of names and keys goes through this type, never through `String`.
public struct ExactName: Sendable, Hashable, CustomStringConvertible {
    /// The name as written.
    public let text: String

    /// Wraps a name.
    public init(_ text: String) {
        self.text = text
    }

    /// Whether the two names are the same scalars (the same UTF-8 bytes).
    public static func == (lhs: ExactName, rhs: ExactName) -> Bool {
        lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }

    /// Hashes the UTF-8 bytes, so that canonically equivalent names hash apart.
    public func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Whether a person could not tell the two names apart: canonically equivalent, yet not the same scalars.
    public func looksLike(_ other: ExactName) -> Bool {
        text == other.text && self != other
    }

    /// The name with every scalar outside printable ASCII written `\u{...}` (hex), so that names that
    /// look alike read apart in a message: `Jos\u{E9}` and `Jose\u{301}`.
    public var escaped: String {
        var result = ""
        for scalar in text.unicodeScalars {
            if (" "..."~").contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else {
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            }
        }
        return result
    }

    /// The name itself.
    public var description: String { text }
}
