import Dispatch
import Foundation
import FracttalConcurrency
import FracttalModel
import Synchronization

/// A secret store opened for one command: its scope, the lock an apply holds, and writes in batches.
///
/// Marks (`intend`) and secrets (`put`) that arrive while a write runs go together into the next one,
/// at most `batchLimit` a request, so a store costs a round trip per batch, not per consumer. Store calls
/// block, so they run on threads of their own. A secret that could not be stored stays in memory only,
/// is never shown, and is listed in `unsavedSecrets`.
public final class StoreSession: Sendable {
    /// The most entries one request carries.
    public static let batchLimit = 100
    /// The lock life an apply asks for, in seconds.
    public static let requestedLockSeconds = 900

    /// The store.
    public let store: any SecretStore
    /// What the store can do.
    public let capabilities: StoreCapabilities
    /// What the lock's waits and renewals are timed with.
    private let clock: any FracttalClock

    private struct HeldLock {
        var lockID: String
        /// The life the store granted; 0 for a lock that lives as long as the process (the file store's).
        var ttlSeconds: Int
        var lastRenewed: ContinuousClock.Instant
    }

    /// The lock this session holds, shared with the batch writers, which send its id.
    private final class LockBox: Sendable {
        let held = Mutex<HeldLock?>(nil)
        var lockID: String? { held.withLock { $0?.lockID } }
    }

    private let lockBox = LockBox()

    private let renewal = Mutex<Task<Void, Never>?>(nil)
    private let unsaved = Mutex<[DeliveredSecret]>([])
    private let intents: GroupCommit<DeliveryIntent>
    private let puts: GroupCommit<DeliveredSecret>

    private init(store: any SecretStore, capabilities: StoreCapabilities, clock: any FracttalClock) {
        self.store = store
        self.capabilities = capabilities
        self.clock = clock
        let lockBox = lockBox
        // A call waits for its mark, so marks never rest: those that arrive during a write share the next one.
        // A secret's put does not hold its call back, so puts rest and gather into fewer rewrites.
        intents = GroupCommit(label: "fracttal.store.intend", rest: { .zero }) { batch in
            try Self.inBatches(batch) { part throws(SecretStoreError) in try store.intend(part, lockID: lockBox.lockID) }
        }
        puts = GroupCommit(label: "fracttal.store.put", rest: { store.restAfterWrite }) { batch in
            try Self.inBatches(batch) { part throws(SecretStoreError) in try store.put(part, lockID: lockBox.lockID) }
        }
    }

    /// Opens `store` for `scope`: starts a helper and says hello, or reads the file. `clock` times the lock.
    public static func open(
        _ store: any SecretStore, scope: StoreScope, clock: any FracttalClock = ContinuousClock()
    ) async throws(SecretStoreError) -> StoreSession {
        let capabilities = try await blocking { () throws(SecretStoreError) in try store.open(scope) }
        return StoreSession(store: store, capabilities: capabilities, clock: clock)
    }

    /// What the store lists now, and whether another process holds its lock (unless this one does).
    public func record() async throws(SecretStoreError) -> DeliveryRecord {
        let store = store
        let locks = capabilities.locks && lockBox.held.withLock({ $0 == nil })
        return try await Self.blocking { () throws(SecretStoreError) in
            let entries = try store.list()
            let holder = locks ? try store.lockStatus() : nil
            return DeliveryRecord(storeName: store.name, entries: entries, lockedByOther: holder != nil)
        }
    }

    // MARK: - Lock

    /// Takes the store's lock, trying again every second while someone else holds it, for up to `timeout`;
    /// then keeps renewing it every third of its life until `close`. `onWait` hears of the holder once.
    public func lock(holder: String, timeout: Duration, onWait: @escaping @Sendable (LockHolder) -> Void = { _ in }) async throws(SecretStoreError) {
        guard capabilities.locks else { return }
        let store = store
        let started = clock.now
        var told = false
        while true {
            let attempt = try await Self.blocking { () throws(SecretStoreError) in
                try store.lock(holder: holder, ttlSeconds: Self.requestedLockSeconds)
            }
            switch attempt {
            case .granted(let lockID, let ttlSeconds):
                lockBox.held.withLock { $0 = HeldLock(lockID: lockID, ttlSeconds: ttlSeconds, lastRenewed: clock.now) }
                startRenewing(every: ttlSeconds)
                return
            case .held(let holder):
                let waited = clock.now - started
                guard waited < timeout else { throw .lockHeld(store: store.name, holder: holder, waited: waited) }
                if !told {
                    onWait(holder)
                    told = true
                }
                try? await clock.sleep(for: min(.seconds(1), timeout - waited))
            }
        }
    }

    /// The id of the lock this session holds.
    public var lockID: String? { lockBox.held.withLock { $0?.lockID } }

    /// Throws unless the lock is held and was renewed within half of its life (always true for a lock that
    /// lives with the process, and without a lock): no server change may be sent otherwise.
    public func checkLock() throws(SecretStoreError) {
        guard let lock = lockBox.held.withLock({ $0 }), lock.ttlSeconds > 0 else { return }
        guard clock.now - lock.lastRenewed < .seconds(lock.ttlSeconds) / 2 else {
            throw .lockLost(store: store.name, reason: "it was last renewed more than half of its \(lock.ttlSeconds) s ago")
        }
    }

    private func startRenewing(every ttlSeconds: Int) {
        guard ttlSeconds > 0 else { return }
        let store = store
        let lockBox = lockBox
        let clock = clock
        let task = Task {
            while !Task.isCancelled {
                try? await clock.sleep(for: .seconds(ttlSeconds) / 3)
                if Task.isCancelled { return }
                guard let lockID = lockBox.lockID else { return }
                let renewed = (try? await Self.blocking { () throws(SecretStoreError) in try store.renew(lockID: lockID) }) != nil
                if renewed { lockBox.held.withLock { $0?.lastRenewed = clock.now } }
            }
        }
        renewal.withLock { $0 = task }
    }

    // MARK: - Writes

    /// Makes a mark durable; returns once the store holds it.
    public func intend(_ intent: DeliveryIntent) async throws {
        try await intents.commit(intent)
    }

    /// Stores a secret; returns once the store holds it. On failure the secret stays in memory only.
    public func put(_ secret: DeliveredSecret) async throws {
        do {
            try await puts.commit(secret)
            unsaved.withLock { $0.removeAll { $0.key == secret.key } }
        } catch {
            unsaved.withLock { list in
                list.removeAll { $0.key == secret.key }
                list.append(secret)
            }
            throw error
        }
    }

    /// Withdraws marks whose call never took effect.
    public func withdraw(_ intentIDs: [String]) async throws(SecretStoreError) {
        guard !intentIDs.isEmpty else { return }
        let store = store
        let lockID = lockID
        try await Self.blocking { () throws(SecretStoreError) in try store.withdraw(intentIDs, lockID: lockID) }
    }

    /// Renames an entry after its consumer was renamed; the answer for it, nil when done.
    public func rename(_ rename: EntryRename) async throws(SecretStoreError) -> String? {
        let store = store
        let lockID = lockID
        return try await Self.blocking { () throws(SecretStoreError) in try store.rename([rename], lockID: lockID).first ?? nil }
    }

    /// Forgets the entry of a deleted consumer; the answer for it, nil when done.
    public func forget(_ entry: EntryForget) async throws(SecretStoreError) -> String? {
        let store = store
        let lockID = lockID
        return try await Self.blocking { () throws(SecretStoreError) in try store.forget([entry], lockID: lockID).first ?? nil }
    }

    /// The secrets issued but not stored, by consumer name and key, in the order they failed.
    public var unsavedSecrets: [UnsavedSecret] {
        unsaved.withLock { $0.map { UnsavedSecret(name: $0.name, key: $0.key) } }
    }

    /// Stops renewing, gives the lock back and ends the conversation with the store.
    public func close() async {
        renewal.withLock { $0?.cancel() }
        let store = store
        let lockID = lockBox.held.withLock { lock -> String? in defer { lock = nil }; return lock?.lockID }
        await Self.blockingIgnoringErrors {
            if let lockID { try? store.unlock(lockID: lockID) }
            store.close()
        }
    }

    // MARK: - Threads

    /// Sends `items` in requests of at most `batchLimit`, joining the answers.
    private static func inBatches<Item>(_ items: [Item], _ send: ([Item]) throws(SecretStoreError) -> [String?]) throws -> [(any Error)?] {
        var answers: [(any Error)?] = []
        answers.reserveCapacity(items.count)
        var start = 0
        while start < items.count {
            let part = Array(items[start..<min(start + batchLimit, items.count)])
            let results = try send(part)
            for (offset, result) in results.enumerated() where offset < part.count {
                answers.append(result.map { StoreEntryRefusal(reason: $0) })
            }
            start += batchLimit
        }
        return answers
    }

    /// Runs a blocking store call on a thread of its own.
    public static func blocking<T: Sendable>(_ body: @escaping @Sendable () throws(SecretStoreError) -> T) async throws(SecretStoreError) -> T {
        let result: Result<T, SecretStoreError> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                do throws(SecretStoreError) {
                    continuation.resume(returning: .success(try body()))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try result.get()
    }

    private static func blockingIgnoringErrors(_ body: @escaping @Sendable () -> Void) async {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                body()
                continuation.resume()
            }
        }
    }
}

/// The store refused one entry of a batch; the reason is the store's, in a few words.
public struct StoreEntryRefusal: Error, Sendable, CustomStringConvertible {
    /// Why, as the store said it.
    public var reason: String

    /// The reason.
    public var description: String { reason }
}

