/// The kind of object the tool manages.
public enum ResourceKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A permission group.
    case group
    /// An OAuth consumer.
    case consumer
}

/// Names one object in plans and messages: `consumer["erp-sync"]`, `group["PERMISO 1 TECNICO"]`.
public struct ResourceAddress: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The kind of object.
    public var kind: ResourceKind
    /// The object's name (the declared one, or the live one for objects no file declares).
    public var name: String

    /// Creates an address.
    public init(_ kind: ResourceKind, _ name: String) {
        self.kind = kind
        self.name = name
    }

    /// `kind["name"]`, with `"` and `\` in the name escaped by a backslash.
    public var description: String {
        var escaped = ""
        for character in name {
            if character == "\"" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return "\(kind.rawValue)[\"\(escaped)\"]"
    }

    /// Orders groups before consumers, then by name.
    public static func < (lhs: ResourceAddress, rhs: ResourceAddress) -> Bool {
        if lhs.kind != rhs.kind { return lhs.kind == .group }
        return lhs.name < rhs.name
    }
}
