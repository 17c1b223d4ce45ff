/// A consumer's credentials as the server shows them once, after a create or a rotation.
///
/// Its description never shows the secret, so printing one by mistake leaks nothing.
public struct ConsumerCredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The consumer's key (OAuth client id).
    public var key: String
    /// The consumer's secret.
    public var secret: String

    /// Creates credentials.
    public init(key: String, secret: String) {
        self.key = key
        self.secret = secret
    }

    /// The key and a redacted secret.
    public var description: String { "ConsumerCredentials(key: \(key), secret: <redacted>)" }
    /// The key and a redacted secret.
    public var debugDescription: String { description }
}
