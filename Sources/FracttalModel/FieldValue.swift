/// A field's value in the few forms the field tables know: what plans compare, fingerprint and show.
///
/// A field of a new type maps onto one of these; only a new form needs a case here, and then a line
/// in the fingerprint and in the renderers' `FieldDiff`.
public enum FieldValue: Sendable, Hashable {
    /// Text that is always there, such as a name or a grant type.
    case text(String)
    /// Text that may be null, such as a description.
    case optionalText(String?)
    /// A whole number, such as a group's id.
    case number(Int)
    /// A switch.
    case flag(Bool)
    /// Text values whose order does not matter, sorted; plans show them as added and removed.
    case list([String])
}

/// A value that a field table can show as a `FieldValue`: how a consumer's permission group is named.
public protocol FieldValueConvertible: Hashable, Sendable {
    /// The value as a field table shows it.
    var fieldValue: FieldValue { get }
}

extension String: FieldValueConvertible {
    /// The text itself.
    public var fieldValue: FieldValue { .text(self) }
}

extension Int: FieldValueConvertible {
    /// The number itself.
    public var fieldValue: FieldValue { .number(self) }
}
