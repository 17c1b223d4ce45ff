import FracttalModel

/// How one action of a plan ended.
public enum ActionOutcome: Sendable, Hashable, CustomStringConvertible {
    /// Every call the action needed succeeded.
    case done
    /// A call failed; the reason is one sentence, never with a secret, and the code says which kind of failure.
    case failed(reason: String, code: Diagnostic.Code)
    /// The action was not begun, because an earlier one failed or the apply was interrupted.
    case notStarted

    /// `done`, `failed: reason [FRC301]` or `not started`.
    public var description: String {
        switch self {
        case .done: "done"
        case .failed(let reason, let code): "failed: \(reason) [\(code)]"
        case .notStarted: "not started"
        }
    }

    /// Whether this outcome is a failure.
    public var isFailure: Bool {
        if case .failed = self { return true }
        return false
    }
}
