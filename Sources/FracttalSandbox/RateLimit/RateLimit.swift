/// A fixed-window rate limit: `count` requests per `windowSeconds` for each bearer token.
public struct RateLimit: Sendable, Hashable, CustomStringConvertible {
    /// Requests allowed in one window.
    public var count: Int
    /// The window's length in seconds.
    public var windowSeconds: Int

    /// Takes the numbers unchecked; `parse(_:)` is the checked way in from `--rate-limit` text.
    public init(count: Int, windowSeconds: Int) {
        self.count = count
        self.windowSeconds = windowSeconds
    }

    /// Fracttal's limit: 200 requests every 60 seconds.
    public static let fracttalDefault = RateLimit(count: 200, windowSeconds: 60)

    /// The limit as `--rate-limit` takes it, e.g. `200/60`.
    public var description: String { "\(count)/\(windowSeconds)" }

    /// Parses `N/SECONDS`, e.g. `200/60`, with both numbers at least 1.
    public static func parse(_ text: String) throws -> RateLimit {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let count = Int(parts[0]), let seconds = Int(parts[1]), count >= 1, seconds >= 1 else {
            throw SandboxConfigurationError(
                "invalid rate limit '\(text)': write N/SECONDS with both numbers at least 1, e.g. 200/60"
            )
        }
        return RateLimit(count: count, windowSeconds: seconds)
    }
}
