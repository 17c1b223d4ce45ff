/// A sandbox setting that cannot be used; the message says what is wrong and what is right.
public struct SandboxConfigurationError: Error, CustomStringConvertible, Sendable, Equatable {
    /// One sentence for the user.
    public let message: String

    /// Creates an error with a message for the user.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
