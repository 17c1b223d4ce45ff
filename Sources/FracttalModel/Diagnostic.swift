/// A problem found in the configuration or the plan, with where it lies.
///
/// Loaders and the planner collect diagnostics and go on; only the command line
/// turns them into an exit code.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The input cannot be used as it stands.
        case error
        /// The input can be used, but probably not as meant.
        case warning
        /// Information that helps to read a plan (for example a kept object).
        case note
    }

    /// How serious it is.
    public var severity: Severity
    /// Which kind of problem it is; stable across rewordings of the message.
    public var code: Code
    /// One sentence that says what is wrong and what would be right.
    public var message: String
    /// Where it is, when it has a place in a file.
    public var location: SourceLocation?

    /// A nil `location` is for problems with no place in a file, such as a missing path.
    public init(_ severity: Severity, _ code: Code, _ message: String, at location: SourceLocation? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
    }

    /// A diagnostic that makes the input unusable as it stands; the command line fails on it.
    public static func error(_ code: Code, _ message: String, at location: SourceLocation? = nil) -> Self {
        Self(.error, code, message, at: location)
    }

    /// A diagnostic about input that can be used but is probably not as meant.
    public static func warning(_ code: Code, _ message: String, at location: SourceLocation? = nil) -> Self {
        Self(.warning, code, message, at: location)
    }

    /// A diagnostic that only helps to read a plan (for example a kept object); never a problem.
    public static func note(_ code: Code, _ message: String, at location: SourceLocation? = nil) -> Self {
        Self(.note, code, message, at: location)
    }

    /// `file:line:column: error: message [FRC101]`, or `error: message [FRC101]` without a place.
    ///
    /// Control and bidirectional characters in the message and the file name are escaped (`DisplayText`).
    public var description: String {
        if let location {
            return "\(DisplayText.escaped(location.description)): \(severity.rawValue): \(DisplayText.escaped(message)) [\(code)]"
        }
        return "\(severity.rawValue): \(DisplayText.escaped(message)) [\(code)]"
    }
}

extension Array where Element == Diagnostic {
    /// Whether any of these diagnostics is an error.
    public var containsError: Bool { contains { $0.severity == .error } }
}
