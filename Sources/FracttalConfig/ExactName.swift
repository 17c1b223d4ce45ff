/// A name compared code point by code point, as the server compares names.
///
/// Swift's `String` equality uses canonical equivalence ("é" equals "e" + U+0301);
/// names must not: they compare exactly, like the server's JSON strings.
struct ExactName: Hashable {
    /// The name.
    let text: String

    static func == (lhs: ExactName, rhs: ExactName) -> Bool {
        lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
