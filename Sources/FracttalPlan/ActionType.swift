/// What a plan does to one object.
public enum ActionType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Create an object that is not live.
    case create
    /// Change a live object in place.
    case update
    /// Delete a live consumer and create it again (its grant type cannot change in place).
    case replace
    /// Delete a live object.
    case delete
    /// Issue a new secret for a live consumer.
    case rotateSecret = "rotate_secret"
}
