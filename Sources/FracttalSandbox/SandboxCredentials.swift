/// A consumer's key and secret. Its descriptions never show the secret.
public struct SandboxCredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The consumer key (the OAuth client id).
    public let key: String
    /// The consumer secret.
    public let secret: String

    /// Creates credentials.
    public init(key: String, secret: String) {
        self.key = key
        self.secret = secret
    }

    /// The key with the secret redacted.
    public var description: String { "SandboxCredentials(key: \(key), secret: <redacted>)" }

    /// The key with the secret redacted.
    public var debugDescription: String { description }
}
