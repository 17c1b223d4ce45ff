/// What one attempt of a call came back with: the value, or the server's refusal.
enum CallOutcome<Value: Sendable>: Sendable {
    /// A success answer, with what it said about the rate limit.
    case success(Value, RateLimitInfo?)
    /// Any other answer.
    case refused(Refusal)

    /// The same outcome with the success value transformed (for example into a model value).
    func map<Other: Sendable>(_ transform: (Value) throws -> Other) rethrows -> CallOutcome<Other> {
        switch self {
        case .success(let value, let info): .success(try transform(value), info)
        case .refused(let refusal): .refused(refusal)
        }
    }
}

/// A non-success answer, reduced to what the request loop and the error messages need.
struct Refusal: Sendable, Hashable {
    /// The HTTP status.
    var status: Int
    /// The envelope's `message`, when the answer had one.
    var message: String?
    /// The fields a 400 named.
    var fields: [FracttalAPIError.FieldProblem] = []
    /// What the answer said about the rate limit.
    var rateLimit: RateLimitInfo?
    /// `Retry-After` of a 429, in seconds.
    var retryAfter: Int?
    /// Whether a 401 said the bearer token is expired or unknown (`invalid_token`).
    var invalidToken = false

    /// 406 or 429: the request had no effect and may be sent again after the reset.
    var isRateLimited: Bool { status == 406 || status == 429 }
    /// 5xx or 408: the call may or may not have taken effect, and may be sent again.
    var isTransient: Bool { (500...599).contains(status) || status == 408 }
}
