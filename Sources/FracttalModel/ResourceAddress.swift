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

    /// Keeps the name's exact scalars: two canonically equivalent names are two addresses.
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

    /// Whether both name the same object: the same kind and exactly the same name (see `ExactName`).
    public static func == (lhs: ResourceAddress, rhs: ResourceAddress) -> Bool {
        lhs.kind == rhs.kind && ExactName(lhs.name) == ExactName(rhs.name)
    }

    /// Hashes the kind and the name's exact scalars.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(ExactName(name))
    }

    /// Orders groups before consumers, then by name; canonically equivalent names by their UTF-8 bytes.
    public static func < (lhs: ResourceAddress, rhs: ResourceAddress) -> Bool {
        if lhs.kind != rhs.kind { return lhs.kind == .group }
        if lhs.name != rhs.name { return lhs.name < rhs.name }
        return lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8)
    }
}
