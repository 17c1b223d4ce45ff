import FracttalAPI
import FracttalApply
import FracttalModel

/// A target resolved from flags and environment, opened (credentials checked, or the embedded sandbox
/// started), with the secret store the command names opened for it and, for apply, locked: the one
/// path by which plan, apply (with or without a saved plan), export and unlock reach a company.
struct OpenTarget {
    /// The open session to the target.
    var session: TargetSession
    /// The open secret store, when one is named.
    var store: StoreSession?

    /// The secret store a command reads (plan) or also locks (apply: `lock` non-nil).
    struct StoreRequest {
        /// The store's options.
        var options: SecretStoreOptions
        /// For apply: how to take the lock, taken before anything is read.
        var lock: LockOptions?
    }

    /// Resolves the target and opens it, then the store of `storeRequest`. `beforeStart` runs once the
    /// target is known and before it is opened (plan loads the configuration first when the target is
    /// the embedded sandbox, whose start writes its store). Nothing stays open when this throws.
    static func open(
        _ options: TargetOptions, store storeRequest: StoreRequest?, refuseSandboxInCI: Bool = true,
        events: (@Sendable (ClientEvent) -> Void)? = nil, beforeStart: (Target) async throws -> Void = { _ in }
    ) async throws -> OpenTarget {
        let target = try TargetResolver().resolve(options, refuseSandboxInCI: refuseSandboxInCI)
        try await beforeStart(target)
        let session = try await TargetSession.open(target, logger: CommandLogger.make(), events: events)
        do {
            return OpenTarget(session: session, store: try await openStore(storeRequest, for: session))
        } catch {
            await session.close()
            throw error
        }
    }

    /// Opens the named store, if any, and for apply takes its lock.
    private static func openStore(_ request: StoreRequest?, for session: TargetSession) async throws -> StoreSession? {
        guard let request, let named = StoreOpening.store(request.options) else { return nil }
        let store = try await StoreOpening.open(named, for: session)
        if let lock = request.lock {
            do {
                try await StoreOpening.lock(store, options: lock)
            } catch {
                await store.close()
                throw error
            }
        }
        return store
    }

    /// The target's live state; a failure is `CommandFailure` naming the target.
    func readLiveState() async throws -> LiveState {
        do {
            return try await session.client.readLiveState()
        } catch {
            throw CommandFailure(.liveStateUnreadable, "cannot read the live state of \(session.target.name): \(error)")
        }
    }

    /// What the store records (entries and pending marks); nil without a store.
    func readDeliveryRecord() async throws -> DeliveryRecord? {
        do {
            return try await store?.record()
        } catch {
            throw CommandFailure(error, otherwise: .storeUnusable)
        }
    }

    /// Closes the store (giving its lock back), then the session.
    func close() async {
        await store?.close()
        await session.close()
    }

    /// Runs `work`, then closes the store and the session, whatever happened.
    func closing<Result>(after work: (OpenTarget) async throws -> Result) async throws -> Result {
        try await withClosing(close) { try await work(self) }
    }
}
