import Foundation

/// One line of the apply journal; never holds a secret.
struct JournalRecord: Codable, Sendable, Hashable {
    /// What the line records.
    enum Kind: String, Codable, Sendable {
        /// A create, replacement or rotation is about to be sent.
        case intent
        /// Its answer arrived and gave this key.
        case issued
        /// The secret it issued is in the secrets file.
        case settled
    }

    /// What the line records.
    var record: Kind
    /// The intent the line is about.
    var id: String
    /// `create`, `replace` or `rotate_secret` (intents only).
    var action: String?
    /// The consumer's name (intents and settlements).
    var consumer: String?
    /// The consumer's key: the live key for a rotation or replacement intent, the new key for `issued` and `settled`.
    var key: String?
    /// When the intent was recorded.
    var at: Date?

    /// The intent to `action` the consumer `name` (of key `key`, when it has one).
    static func intent(id: String, action: String, consumer name: String, key: String?, at: Date) -> Self {
        Self(record: .intent, id: id, action: action, consumer: name, key: key, at: at)
    }

    /// The answer of intent `id` gave `key`.
    static func issued(id: String, key: String) -> Self {
        Self(record: .issued, id: id, key: key)
    }

    /// The secret of consumer `name` (key `key`) is in the secrets file, which settles intent `id` and
    /// every earlier one about that consumer.
    static func settled(id: String, consumer name: String, key: String) -> Self {
        Self(record: .settled, id: id, consumer: name, key: key)
    }
}
