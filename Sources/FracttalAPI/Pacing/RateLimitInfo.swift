/// What one answer said about the rate-limit window of the caller's token.
struct RateLimitInfo: Sendable, Hashable {
    /// Requests allowed per window.
    var limit: Int
    /// Requests left in the current window.
    var remaining: Int
    /// Whole seconds until the window resets.
    var reset: Int
}
