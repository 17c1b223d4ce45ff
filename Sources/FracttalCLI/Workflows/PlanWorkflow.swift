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

    /// What a plan is made from: the configuration, the live state, and the session that read it
    /// (still open, for `apply`; the caller closes it).
    struct Inputs {
        /// The configuration, without errors.
        var loaded: LoadedConfiguration
        /// The open session to the target.
        var session: TargetSession
        /// The live state read through the session.
        var live: LiveState
    }

    /// Loads the configuration while the target opens and its live state is read, so that neither
    /// waits for the other. The configuration's errors are reported first, as when it is loaded
    /// alone: when it has any, the read is cancelled and the session closed (only reads were sent).
    /// The embedded sandbox is the exception: it writes its store when it starts, so it starts only
    /// for a configuration without errors.
    func loadAndRead(paths: [String], target options: TargetOptions, events: (@Sendable (ClientEvent) -> Void)? = nil) async throws -> Inputs {
        let loader = ConfigurationLoader(environment: environment, warnsAboutUndeclaredGroups: false)
        let paths = (paths.isEmpty ? ["."] : paths).map(CommandContext.current.location(of:))
        async let loading = BlockingWork.run { loader.load(paths: paths) }
        let target: Target
        do {
            target = try TargetResolver(environment: environment).resolve(options, refuseSandboxInCI: true)
        } catch {
            _ = try Self.reported(await loading)
            throw error
        }
        var loadedFirst: LoadedConfiguration?
        if case .embeddedSandbox = target {
            loadedFirst = try Self.reported(await loading)
        }
        let session: TargetSession
        do {
            session = try await TargetSession.open(target, environment: environment, logger: CommandLogger.make(environment), events: events)
        } catch {
            if loadedFirst == nil { _ = try Self.reported(await loading) }
            throw error
        }
        let reading = Task { try await session.client.readLiveState() }
        do {
            let loaded: LoadedConfiguration
            if let loadedFirst {
                loaded = loadedFirst
            } else {
                loaded = try Self.reported(await loading)
            }
            let live: LiveState
            do {
                live = try await reading.value
            } catch {
                throw CommandFailure(.liveStateUnreadable, "cannot read the live state of \(session.target.name): \(error)")
            }
            return Inputs(loaded: loaded, session: session, live: live)
        } catch {
            reading.cancel()
            _ = await reading.result
            await session.close()
            throw error
        }
    }

    /// Prints the configuration's diagnostics; throws when it has errors.
    private static func reported(_ loaded: LoadedConfiguration) throws -> LoadedConfiguration {
        DiagnosticPrinter.print(loaded.diagnostics)
        if loaded.diagnostics.containsError {
            throw CommandFailure(.configurationHasErrors, "the configuration has errors (above); fix them and run again.")
        }
        return loaded
    }

    /// Plans the configuration against the live state read with it.
    func plan(_ inputs: Inputs, allowMassDelete: Bool) throws -> Plan {
        let undelivered: [UndeliveredSecret]
        do {
            undelivered = try ApplyJournal.undeliveredSecrets(
                folder: CommandContext.current.location(of: ApplyJournal.defaultFolder), target: inputs.session.target.name
            )
        } catch {
            throw CommandFailure(error.code, "\(error)")
        }
        let context = PlanningContext(
            target: inputs.session.target.name,
            configurationDigest: ConfigurationDigest.of(inputs.loaded.files),
            ownClientID: inputs.session.ownClientID,
            now: Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down)),
            allowMassDelete: allowMassDelete,
            undeliveredSecrets: undelivered
        )
        let result = Planner.plan(desired: inputs.loaded.state, live: inputs.live, context: context)
        DiagnosticPrinter.print(result.diagnostics)
        guard result.isUsable else {
            throw CommandFailure(.planHasErrors, "the plan cannot be made (errors above); nothing was changed.")
        }
        return result.plan
    }

    /// `fracttal plan`: load and read, plan, close.
    func makePlan(paths: [String], target options: TargetOptions, allowMassDelete: Bool) async throws -> Plan {
        let inputs = try await loadAndRead(paths: paths, target: options)
        return try await inputs.session.closing { _ in try plan(inputs, allowMassDelete: allowMassDelete) }
    }
}
