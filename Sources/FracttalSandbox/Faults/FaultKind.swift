/// A fault that decides a call's fate, named as `--faults` names it. The order of the cases is
/// the order of their consecutive probability ranges in each draw, so `--seed` keeps its meaning.
public enum FaultKind: String, CaseIterable, Sendable {
    /// A 503 before the call has any effect.
    case errorBefore = "error_before"
    /// The call takes effect, then a 500.
    case errorAfter = "error_after"
    /// The call takes effect, then the connection closes with no answer.
    case lost
    /// A 406 before the call has any effect.
    case rateLimit = "ratelimit"
    /// A proxy's HTML 502 or 504 page before the call has any effect.
    case gatewayBefore = "gateway_before"
    /// The call takes effect, then a proxy's HTML 502 or 504 page.
    case gatewayAfter = "gateway_after"
    /// The call takes effect, then its answer waits the fault delay.
    case holdAfter = "hold_after"
    /// The connection closes at once with no answer; the call takes effect the fault delay later.
    case lateCommit = "late_commit"
}
