import Foundation

/// A consumer whose new secret an interrupted apply may have caused but never saved.
///
/// The apply journal holds the intent of the create, replacement or rotation, and no record that the
/// secret reached the secrets file. The planner turns each into a rotation of that consumer, found by
/// key when the key is known, else by name.
public struct UndeliveredSecret: Sendable, Hashable {
    /// The consumer's name when the interrupted apply acted on it.
    public var name: String
    /// Its key, when known: the rotated consumer's, or the one a create's answer gave.
    public var key: String?
    /// What the interrupted apply did: `create`, `replace` or `rotate_secret`.
    public var action: String
    /// When that apply sent it.
    public var startedAt: Date

    /// A nil `key` means the journal never learned it (a create whose answer was lost); the planner then matches by name.
    public init(name: String, key: String?, action: String, startedAt: Date) {
        self.name = name
        self.key = key
        self.action = action
        self.startedAt = startedAt
    }
}
