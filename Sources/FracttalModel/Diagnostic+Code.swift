extension Diagnostic {
    /// The stable identifier of one kind of problem, such as `FRC101`, printed after every message.
    ///
    /// A code never changes when a message is reworded, so users can look it up in docs/diagnostics.md
    /// and tests can match it. The hundreds tell the stage: 1 configuration, 2 plan, 3 apply,
    /// 4 command line and target.
    public struct Code: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
        /// `FRC` and three digits.
        public let rawValue: String

        /// Takes the code as written, such as `FRC101`.
        public init(_ rawValue: String) {
            self.rawValue = rawValue
        }

        /// Lets a factory write its code as a literal: `.error("FRC101", ...)`.
        public init(stringLiteral value: String) {
            self.init(value)
        }

        /// The code as printed, such as `FRC101`.
        public var description: String { rawValue }
    }
}
