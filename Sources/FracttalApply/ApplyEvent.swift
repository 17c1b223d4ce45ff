import FracttalModel
import FracttalPlan

/// Progress of an apply, for display; never holds a secret.
///
/// Events are delivered one at a time, in order, from the task that runs the apply.
public enum ApplyEvent: Sendable, Hashable {
    /// A step begins; `step` is its number in the plan and `actionCount` how many actions it holds.
    case stepStarted(step: Int, actionCount: Int)
    /// An action begins.
    case actionStarted(address: ResourceAddress, action: ActionType, step: Int)
    /// An action ended (done or failed), with its duration and outcome.
    case actionFinished(ActionResult)
}
