import FracttalModel
import FracttalPlan

/// What became of one action of a plan.
public struct ActionResult: Sendable, Hashable {
    /// The object's address, as in the plan.
    public var address: ResourceAddress
    /// What the plan asked for.
    public var action: ActionType
    /// The action's step in the plan.
    public var step: Int
    /// How it ended.
    public var outcome: ActionOutcome
    /// How long its calls took; nil when it was not started.
    public var duration: Duration?
    /// The consumer key the object has now (create, replace), when one was issued.
    public var key: String?
    /// The id of the group a create made.
    public var groupID: Int?
    /// Whether a create's answer was lost and the object was found by re-reading (its secret then rotated).
    public var adopted: Bool
    /// Whether a secret was written to the secrets file.
    public var secretWritten: Bool

    /// The defaults describe an action that issued no key and wrote no secret; `duration` is nil when it never started.
    public init(
        address: ResourceAddress, action: ActionType, step: Int, outcome: ActionOutcome, duration: Duration? = nil,
        key: String? = nil, groupID: Int? = nil, adopted: Bool = false, secretWritten: Bool = false
    ) {
        self.address = address
        self.action = action
        self.step = step
        self.outcome = outcome
        self.duration = duration
        self.key = key
        self.groupID = groupID
        self.adopted = adopted
        self.secretWritten = secretWritten
    }

    /// The result of an action that was never begun.
    static func notStarted(_ action: PlanAction) -> Self {
        Self(address: action.address, action: action.action, step: action.step, outcome: .notStarted)
    }

    /// An action that failed before its call was sent.
    static func failed(_ action: PlanAction, _ failure: ActionFailure) -> Self {
        Self(
            address: action.address, action: action.action, step: action.step,
            outcome: .failed(reason: ActionFailure.describe(failure), code: ActionFailure.code(of: failure)))
    }
}
