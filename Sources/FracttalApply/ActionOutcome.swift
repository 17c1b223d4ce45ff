/// How one action of a plan ended.
public enum ActionOutcome: Sendable, Hashable, CustomStringConvertible {
    /// Every call the action needed succeeded.
    case done
    /// A call failed; the reason is one sentence, never with a secret.
    case failed(reason: String)
    /// The action was not begun, because an earlier one failed or the apply was interrupted.
    case notStarted

    /// `done`, `failed: reason` or `not started`.
    public var description: String {
        switch self {
        case .done: "done"
        case .failed(let reason): "failed: \(reason)"
        case .notStarted: "not started"
        }
    }

    /// Whether this outcome is a failure.
    public var isFailure: Bool {
        if case .failed = self { return true }
        return false
    }
}
