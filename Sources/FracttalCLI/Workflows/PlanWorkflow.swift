import FracttalAPI
import FracttalApply
import FracttalConfig
import FracttalModel
import FracttalPlan
import Foundation
import Logging

/// `plan` from end to end: configuration, live state, planner.
struct PlanWorkflow {
    /// The process environment (target, credentials, `${env:NAME}`).
    var environment: [String: String]
    /// Whether standard error may be coloured.
    var color: ColorOptions
    /// `plan --format github`: when the configuration or the plan has errors, their annotations
    /// (`::error file=F,line=L,col=C::...`) also go to standard output.
    var annotatesFailures = false

    /// What a plan is made from: the configuration, the live state, the secret store's record, and the
    /// session and store that read them (still open, for `apply`; `closing` closes both).
    struct Inputs {
        /// The configuration, without errors.
        var loaded: LoadedConfiguration
        /// The open session to the target.
        var session: TargetSession
        /// The live state read through the session.
        var live: LiveState
        /// The open secret store, when one is named.
        var store: StoreSession?
        /// What the store listed; nil without a store.
        var delivery: DeliveryRecord?

        /// Runs `work`, then closes the store (giving its lock back) and the session, whatever happened.
        func closing<Result>(after work: (Inputs) async throws -> Result) async throws -> Result {
            try await session.closing { _ in try await closingStore(after: work) }
        }

        /// Runs `work`, then closes the store (giving its lock back), whatever happened; the session is
        /// left as it is.
        func closingStore<Result>(after work: (Inputs) async throws -> Result) async throws -> Result {
            do {
                let result = try await work(self)
                await store?.close()
                return result
            } catch {
                await store?.close()
                throw error
            }
        }
    }

    /// The secret store a command reads (plan) or also locks (apply: `lock` non-nil).
    struct StoreRequest {
        /// The store's options.
        var options: SecretStoreOptions
        /// For apply: how to take the lock, taken before anything is read.
        var lock: LockOptions?
    }

    /// Loads the configuration while the target opens and its live state is read, so that neither
    /// waits for the other. The configuration's errors are reported first, as when it is loaded
    /// alone: when it has any, the read is cancelled and the session closed (only reads were sent).
    /// The embedded sandbox is the exception: it writes its store when it starts, so it starts only
    /// for a configuration without errors.
    ///
    /// The secret store of `store` is opened once the target is, and for apply locked, before the live
    /// state and the store are read.
    ///
    /// With `closesSession` (plan, which needs nothing more from the target), the session is closed as
    /// soon as the live state is read, and the memory its connections held given back, even while the
    /// configuration is still being loaded.
    func loadAndRead(
        paths: [String], target options: TargetOptions, store storeRequest: StoreRequest? = nil,
        closesSession: Bool = false, events: (@Sendable (ClientEvent) -> Void)? = nil
    ) async throws -> Inputs {
        let loader = ConfigurationLoader(environment: environment, warnsAboutUndeclaredGroups: false)
        let paths = (paths.isEmpty ? ["."] : paths).map(CommandContext.current.location(of:))
        async let loading = BlockingWork.run { loader.load(paths: paths) }
        let target: Target
        do {
            target = try TargetResolver(environment: environment).resolve(options, refuseSandboxInCI: true)
        } catch {
            _ = try reported(await loading)
            throw error
        }
        var loadedFirst: LoadedConfiguration?
        if case .embeddedSandbox = target {
            loadedFirst = try reported(await loading)
        }
        let session: TargetSession
        do {
            session = try await TargetSession.open(target, environment: environment, logger: CommandLogger.make(environment), events: events)
        } catch {
            if loadedFirst == nil { _ = try reported(await loading) }
            throw error
        }
        let store: StoreSession?
        do {
            store = try await Self.openStore(storeRequest, for: session, environment: environment)
        } catch {
            if loadedFirst == nil { _ = try? reported(await loading) }
            await session.close()
            throw error
        }
        let reading = Task {
            let live = try await session.client.readLiveState()
            if closesSession {
                await session.close()
                FreedMemory.giveBack()
            }
            return live
        }
        do {
            let loaded: LoadedConfiguration
            if let loadedFirst {
                loaded = loadedFirst
            } else {
                loaded = try reported(await loading)
            }
            let live: LiveState
            do {
                live = try await reading.value
            } catch {
                throw CommandFailure(.liveStateUnreadable, "cannot read the live state of \(session.target.name): \(error)")
            }
            let delivery: DeliveryRecord?
            do {
                delivery = try await store?.record()
            } catch {
                throw CommandFailure(error, otherwise: .storeUnusable)
            }
            return Inputs(loaded: loaded, session: session, live: live, store: store, delivery: delivery)
        } catch {
            reading.cancel()
            _ = await reading.result
            await store?.close()
            await session.close()
            throw error
        }
    }

    /// Opens the named store, if any, and for apply takes its lock.
    static func openStore(_ request: StoreRequest?, for session: TargetSession, environment: [String: String]) async throws -> StoreSession? {
        guard let request, let named = StoreOpening.store(request.options, environment: environment) else { return nil }
        let store = try await StoreOpening.open(named, for: session)
        if let lock = request.lock {
            do {
                try await StoreOpening.lock(store, options: lock, environment: environment)
            } catch {
                await store.close()
                throw error
            }
        }
        return store
    }

    /// Prints the configuration's diagnostics; throws when it has errors.
    private func reported(_ loaded: LoadedConfiguration) throws -> LoadedConfiguration {
        DiagnosticPrinter.print(loaded.diagnostics)
        if loaded.diagnostics.containsError {
            annotate(loaded.diagnostics)
            throw CommandFailure(.configurationHasErrors, "the configuration has errors (above); fix them and run again.")
        }
        return loaded
    }

    /// With `annotatesFailures`, prints the annotation of each diagnostic that has a place on standard output.
    private func annotate(_ diagnostics: [Diagnostic]) {
        guard annotatesFailures else { return }
        let located = diagnostics.filter { $0.location != nil }
        if !located.isEmpty { StandardStreams.out(render(located, as: .github)) }
    }

    /// Plans the configuration against the live state read with it; `targets` (`--target`) limits the plan.
    func plan(_ inputs: Inputs, allowMassDelete: Bool, targets: [ResourceAddress] = []) throws -> Plan {
        let context = PlanningContext(
            target: inputs.session.target.name,
            configurationDigest: ConfigurationDigest.of(inputs.loaded.files),
            ownClientID: inputs.session.ownClientID,
            now: Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down)),
            allowMassDelete: allowMassDelete,
            delivery: inputs.delivery,
            targets: targets
        )
        let result = Planner.plan(desired: inputs.loaded.state, live: inputs.live, context: context)
        DiagnosticPrinter.print(result.diagnostics)
        guard result.isUsable else {
            annotate(result.diagnostics)
            throw CommandFailure(.planHasErrors, "the plan cannot be made (errors above); nothing was changed.")
        }
        var plan = result.plan
        // The configuration's own warnings come first, as they were printed.
        plan.warnings.insert(contentsOf: inputs.loaded.diagnostics.filter { $0.severity != .error }.map(PlanWarning.init), at: 0)
        if let store = inputs.store, !store.capabilities.locks {
            plan.notes.append("the secret store \(store.store.name) has no lock, so two applies at once may clash; apply needs --no-lock")
        }
        return plan
    }

    /// `fracttal plan`: load and read (closing the session once the live state is read), plan, close
    /// the store.
    ///
    /// The plan needs nothing more from the target once its state is read, so the session (its
    /// connections, and an embedded sandbox) is closed before the plan is made, and the memory it held
    /// given back.
    func makePlan(
        paths: [String], target options: TargetOptions, store: SecretStoreOptions, allowMassDelete: Bool, targets: [ResourceAddress] = []
    ) async throws -> Plan {
        let inputs = try await loadAndRead(paths: paths, target: options, store: StoreRequest(options: store), closesSession: true)
        return try await inputs.closingStore { inputs in try plan(inputs, allowMassDelete: allowMassDelete, targets: targets) }
    }
}
