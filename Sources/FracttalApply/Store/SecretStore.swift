import Foundation
import FracttalModel

/// Where new secrets go, and the record of their delivery: the pending mark of each create, replacement
/// and rotation is durable here before its call is sent, and cleared by the put of its secret.
///
/// Two kinds: the built-in file store (`FileSecretStore`, JSON or env lines) and a helper program that
/// speaks JSON Lines (`HelperSecretStore`). Calls block; the applier makes them from threads of its own
/// (`StoreSession`). Every write carries the lock id the store granted, or nil without a lock. A per-entry
/// answer is nil when that entry is done, else why not in a few words.
public protocol SecretStore: Sendable {
    /// The store as the user named it (a path, or `exec:COMMAND`), for messages.
    var name: String { get }
    /// Opens the store for one scope and says what it can do; a store used for another scope is refused.
    func open(_ scope: StoreScope) throws(SecretStoreError) -> StoreCapabilities
    /// Every entry and pending mark; never a secret.
    func list() throws(SecretStoreError) -> [StoredSecretEntry]
    /// Tries once to take the lock.
    func lock(holder: String, ttlSeconds: Int) throws(SecretStoreError) -> LockAttempt
    /// Who holds the lock now, if anyone.
    func lockStatus() throws(SecretStoreError) -> LockHolder?
    /// Extends the lock's life.
    func renew(lockID: String) throws(SecretStoreError)
    /// Removes exactly this lock.
    func unlock(lockID: String) throws(SecretStoreError)
    /// Makes pending marks durable, one answer per intent.
    func intend(_ intents: [DeliveryIntent], lockID: String?) throws(SecretStoreError) -> [String?]
    /// Stores secrets (value first, metadata last) and clears their marks, one answer per secret.
    func put(_ secrets: [DeliveredSecret], lockID: String?) throws(SecretStoreError) -> [String?]
    /// Removes the marks of calls that never took effect.
    func withdraw(_ intents: [String], lockID: String?) throws(SecretStoreError)
    /// Renames entries after the server renamed their consumers, one answer per entry.
    func rename(_ renames: [EntryRename], lockID: String?) throws(SecretStoreError) -> [String?]
    /// Forgets the entries of deleted consumers, one answer per entry.
    func forget(_ entries: [EntryForget], lockID: String?) throws(SecretStoreError) -> [String?]
    /// Ends the conversation (a helper is told `bye`).
    func close()
    /// How long batched writes rest after each write, so that more gather into the next one.
    var restAfterWrite: Duration { get }
}

/// The company a store's entries belong to: the target and the consumer the tool signs in as.
public struct StoreScope: Sendable, Hashable {
    /// The API base URL, or `sandbox:PATH`.
    public var target: String
    /// The key of the consumer the tool signs in as.
    public var signingKey: String

    /// A scope for a target and signing key.
    public init(target: String, signingKey: String) {
        self.target = target
        self.signingKey = signingKey
    }

    /// The scope as one line of text: `TARGET as KEY`.
    public var text: String { "\(target) as \(signingKey)" }
}

/// What a store can do beyond storing.
public struct StoreCapabilities: Sendable, Hashable {
    /// Whether it has a lock (`lock`, `renew`, `unlock`, `lock_status`).
    public var locks: Bool

    /// Capabilities as a store declares them.
    public init(locks: Bool) {
        self.locks = locks
    }
}

/// Who holds a store's lock, as the store tells it.
public struct LockHolder: Sendable, Hashable {
    /// The holder as the tool that took it described itself (user@host, process, CI run).
    public var heldBy: String
    /// Since when, as the store wrote it (RFC 3339).
    public var since: String
    /// The lock's id, for `fracttal unlock`.
    public var lockID: String

    /// A holder as a store reported it.
    public init(heldBy: String, since: String, lockID: String) {
        self.heldBy = heldBy
        self.since = since
        self.lockID = lockID
    }
}

/// The answer to one try at taking a lock.
public enum LockAttempt: Sendable, Hashable {
    /// Taken: its id, and the life the store granted, in seconds.
    case granted(lockID: String, ttlSeconds: Int)
    /// Someone else holds it.
    case held(LockHolder)
}

/// A pending mark for one consumer name.
public struct DeliveryIntent: Sendable, Hashable {
    /// The consumer's name.
    public var name: String
    /// The mark: its id, action and what the server showed before the call.
    public var mark: PendingMark

    /// An intent for `name`.
    public init(name: String, mark: PendingMark) {
        self.name = name
        self.mark = mark
    }
}

/// A secret the server issued, to store for one consumer; `description` never shows the secret.
public struct DeliveredSecret: Sendable, Hashable, CustomStringConvertible {
    /// The mark this secret clears, if any.
    public var intent: String?
    /// The consumer's name.
    public var name: String
    /// The consumer's key.
    public var key: String
    /// The secret itself.
    public var secret: String
    /// When the server issued it.
    public var secretCreatedAt: Date

    /// A secret for `name`.
    public init(intent: String?, name: String, key: String, secret: String, secretCreatedAt: Date) {
        self.intent = intent
        self.name = name
        self.key = key
        self.secret = secret
        self.secretCreatedAt = secretCreatedAt
    }

    /// `consumer "name" (key KEY)`, without the secret.
    public var description: String { "consumer \(DisplayText.quoted(name)) (key \(key))" }
}

/// An entry renamed with its consumer.
public struct EntryRename: Sendable, Hashable {
    /// The consumer's key.
    public var key: String
    /// Its name before.
    public var from: String
    /// Its name now.
    public var to: String

    /// A rename of `key` from one name to another.
    public init(key: String, from: String, to: String) {
        self.key = key
        self.from = from
        self.to = to
    }
}

/// An entry whose consumer was deleted.
public struct EntryForget: Sendable, Hashable {
    /// The consumer's name.
    public var name: String
    /// The consumer's key.
    public var key: String

    /// The entry of `name` with key `key`.
    public init(name: String, key: String) {
        self.name = name
        self.key = key
    }
}
