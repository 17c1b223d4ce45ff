import Foundation

/// What a secret store says about the consumers whose secrets it holds: the record of delivery.
///
/// The planner reads it to tell, from the live state alone, whether a create, replacement or rotation
/// that an interrupted apply started took effect without its secret being stored.
public struct DeliveryRecord: Sendable, Hashable {
    /// The store as the user named it (a path, or `exec:COMMAND`), for messages.
    public var storeName: String
    /// Every entry and pending mark the store listed.
    public var entries: [StoredSecretEntry]
    /// Whether another apply holds the store's lock right now: its marks are in progress, not interrupted.
    public var lockedByOther: Bool

    /// A record as a store listed it.
    public init(storeName: String, entries: [StoredSecretEntry], lockedByOther: Bool = false) {
        self.storeName = storeName
        self.entries = entries
        self.lockedByOther = lockedByOther
    }
}

/// One consumer in a secret store: its stored secret's metadata, and the mark of a delivery in flight.
public struct StoredSecretEntry: Sendable, Hashable {
    /// The consumer's name.
    public var name: String
    /// The key of the consumer whose secret is stored; nil while only a create's mark is there.
    public var key: String?
    /// The server's issue time of the stored secret, when the store knows it.
    public var secretCreatedAt: Date?
    /// The delivery in flight for this name, if any.
    public var pending: PendingMark?

    /// An entry; `key` and `secretCreatedAt` are nil while only a mark is stored.
    public init(name: String, key: String?, secretCreatedAt: Date?, pending: PendingMark? = nil) {
        self.name = name
        self.key = key
        self.secretCreatedAt = secretCreatedAt
        self.pending = pending
    }
}

/// A delivery in flight: durable in the store before its call is sent, cleared by the put of its secret.
///
/// It records what the server showed just before the call, so that a later plan can tell from the live
/// state alone whether the call took effect, without comparing clocks.
public struct PendingMark: Sendable, Hashable {
    /// What the call does.
    public enum Action: String, Sendable, Hashable {
        case create, replace, rotate
    }

    /// The mark's id; the put of its secret and a withdrawal name it.
    public var intent: String
    /// What the call does.
    public var action: Action
    /// The keys of live consumers of that name just before the call (creates and replacements).
    public var priorKeys: [String]
    /// The consumer's secret issue time just before a rotation.
    public var priorSecretCreatedAt: Date?
    /// The consumer a replacement retires.
    public var oldKey: String?
    /// The consumer a rotation acts on.
    public var key: String?

    /// A mark; see each property.
    public init(
        intent: String, action: Action, priorKeys: [String] = [], priorSecretCreatedAt: Date? = nil,
        oldKey: String? = nil, key: String? = nil
    ) {
        self.intent = intent
        self.action = action
        self.priorKeys = priorKeys
        self.priorSecretCreatedAt = priorSecretCreatedAt
        self.oldKey = oldKey
        self.key = key
    }
}
