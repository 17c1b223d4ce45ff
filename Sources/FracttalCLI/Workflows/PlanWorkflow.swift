import FracttalAPI
import FracttalApply
import FracttalConfig
import FracttalModel
import FracttalPlan
import Foundation
import Logging

/// `plan` from end to end: configuration, live state, planner.
struct PlanWorkflow {
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
        /// The open target and store.
        var target: OpenTarget
        /// The live state read through the session.
        var live: LiveState
        /// What the store listed; nil without a store.
        var delivery: DeliveryRecord?

        /// The open session to the target.
        var session: TargetSession { target.session }
        /// The open secret store, when one is named.
        var store: StoreSession? { target.store }

        /// Runs `work`, then closes the store (giving its lock back) and the session, whatever happened.
        func closing<Result>(after work: (Inputs) async throws -> Result) async throws -> Result {
            try await target.closing { _ in try await work(self) }
        }

        /// Runs `work`, then closes the store (giving its lock back), whatever happened; the session is
        /// left as it is.
        func closingStore<Result>(after work: (Inputs) async throws -> Result) async throws -> Result {
            try await withClosing({ await store?.close() }) { try await work(self) }
        }
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
        paths: [String], target options: TargetOptions, store storeRequest: OpenTarget.StoreRequest? = nil,
        closesSession: Bool = false, events: (@Sendable (ClientEvent) -> Void)? = nil
    ) async throws -> Inputs {
        let loader = ConfigurationLoader(environment: CommandContext.current.environment, warnsAboutUndeclaredGroups: false)
        let paths = (paths.isEmpty ? ["."] : paths).map(CommandContext.current.location(of:))
        // Loaded and reported (its diagnostics printed, its errors thrown) once, beside the target's opening.
        let configuration = Task { try reported(await BlockingWork.run { loader.load(paths: paths) }) }
        let target: OpenTarget
        do {
            target = try await OpenTarget.open(options, store: storeRequest, events: events) { target in
                // The embedded sandbox starts only for a configuration without errors.
                if case .embeddedSandbox = target { _ = try await configuration.value }
            }
        } catch {
            // The configuration's errors come first, as when it is loaded alone.
            _ = try await configuration.value
            throw error
        }
        let reading = Task {
            let live = try await target.readLiveState()
            if closesSession {
                await target.session.close()
                FreedMemory.giveBack()
            }
            return live
        }
        do {
            let loaded = try await configuration.value
            let live = try await reading.value
            return Inputs(loaded: loaded, target: target, live: live, delivery: try await target.readDeliveryRecord())
        } catch {
            reading.cancel()
            _ = await reading.result
            await target.close()
            throw error
        }
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
        if !located.isEmpty { CommandContext.current.out(render(located, as: .github)) }
    }

    /// Plans the configuration against the live state read with it; `targets` (`--target`) limits the plan.
    func plan(_ inputs: Inputs, allowMassDelete: Bool, targets: [ResourceAddress] = []) throws -> Plan {
        let context = PlanningContext(
            target: inputs.session.target.name,
            configurationDigest: inputs.loaded.digest,
            ownClientID: inputs.session.ownClientID,
            now: Date(timeIntervalSince1970: CommandContext.current.now().timeIntervalSince1970.rounded(.down)),
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
        let inputs = try await loadAndRead(paths: paths, target: options, store: OpenTarget.StoreRequest(options: store), closesSession: true)
        return try await inputs.closingStore { inputs in try plan(inputs, allowMassDelete: allowMassDelete, targets: targets) }
    }
}
