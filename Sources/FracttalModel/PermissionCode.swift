/// A catalog permission, `module:action` (for example `work_orders:create`).
public struct PermissionCode: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The module, for example `work_orders`.
    public var module: String
    /// The action, for example `create`.
    public var action: String

    /// Takes the parts unchecked; `init?(_:)` parses and checks `module:action` text.
    public init(module: String, action: String) {
        self.module = module
        self.action = action
    }

    /// Parses `module:action`; nil when the text has not that form.
    public init?(_ text: String) {
        guard let pattern = PermissionPattern(text), case .code(let code) = pattern else { return nil }
        self = code
    }

    /// `module:action`.
    public var description: String { "\(module):\(action)" }

    /// Orders by the textual code.
    public static func < (lhs: PermissionCode, rhs: PermissionCode) -> Bool {
        lhs.description < rhs.description
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = PermissionCode(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a permission code: \(text)"))
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// What a configuration may write in `permissions`: one code, or `module:*`.
public enum PermissionPattern: Sendable, Hashable, CustomStringConvertible {
    /// One code.
    case code(PermissionCode)
    /// Every action of a module that the catalog holds.
    case everyAction(module: String)

    /// Parses `module:action` or `module:*`, where module and action are
    /// lower-case ASCII letters, digits and `_`, starting with a letter.
    /// Returns nil for any other text.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, Self.isIdentifier(parts[0]) else { return nil }
        let module = String(parts[0])
        if parts[1] == "*" {
            self = .everyAction(module: module)
        } else if Self.isIdentifier(parts[1]) {
            self = .code(PermissionCode(module: module, action: String(parts[1])))
        } else {
            return nil
        }
    }

    /// The pattern as written: `module:action` or `module:*`.
    public var description: String {
        switch self {
        case .code(let code): code.description
        case .everyAction(let module): "\(module):*"
        }
    }

    /// The module the pattern names.
    public var module: String {
        switch self {
        case .code(let code): code.module
        case .everyAction(let module): module
        }
    }

    private static func isIdentifier(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
