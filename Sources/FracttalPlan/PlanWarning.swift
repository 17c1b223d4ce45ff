import FracttalModel

/// A warning or note found while the plan was made, kept in the plan so that every format shows it.
///
/// Saved as `{code, severity, message, file, line, column}`; the place is null when it has none.
public struct PlanWarning: Sendable, Hashable {
    /// The diagnostic as found (never an error: a plan with errors is not made).
    public var diagnostic: Diagnostic

    /// Keeps the diagnostic as it is.
    public init(_ diagnostic: Diagnostic) {
        self.diagnostic = diagnostic
    }

    /// Whether it is a note rather than a warning.
    public var isNote: Bool { diagnostic.severity == .note }
}

extension PlanWarning: Codable {
    private enum CodingKeys: String, CodingKey {
        case code, severity, message, file, line, column
    }

    /// Decodes the form `encode(to:)` writes; a place needs all of file, line and column.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let code = try container.decode(String.self, forKey: .code)
        let severity = try container.decode(Diagnostic.Severity.self, forKey: .severity)
        let message = try container.decode(String.self, forKey: .message)
        let file = try container.decodeIfPresent(String.self, forKey: .file)
        let line = try container.decodeIfPresent(Int.self, forKey: .line)
        let column = try container.decodeIfPresent(Int.self, forKey: .column)
        var location: SourceLocation?
        if let file, let line, let column {
            location = SourceLocation(file: file, line: line, column: column)
        }
        diagnostic = Diagnostic(severity, Diagnostic.Code(code), message, at: location)
    }

    /// Encodes every key, with explicit nulls for a missing place.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(diagnostic.code.rawValue, forKey: .code)
        try container.encode(diagnostic.severity, forKey: .severity)
        try container.encode(diagnostic.message, forKey: .message)
        try container.encode(diagnostic.location?.file, forKey: .file)
        try container.encode(diagnostic.location?.line, forKey: .line)
        try container.encode(diagnostic.location?.column, forKey: .column)
    }
}
