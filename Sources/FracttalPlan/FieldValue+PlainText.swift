import FracttalModel

extension FieldValue {
    /// The value as a sentence of a plan's reason shows it: text as written, `null`, numbers, `true`, a list joined by commas.
    var plainText: String {
        switch self {
        case .text(let text): text
        case .optionalText(let text): text ?? "null"
        case .number(let number): String(number)
        case .flag(let flag): flag ? "true" : "false"
        case .list(let items): items.joined(separator: ", ")
        }
    }
}
