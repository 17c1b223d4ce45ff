import FracttalAPI
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

    /// What a finished planning run hands to `plan` and `apply`.
    struct Outcome {
        /// The usable plan.
        var plan: Plan
        /// The live state the plan was made from.
        var live: LiveState
    }

    /// Loads the configuration and reports its diagnostics; throws after printing when it has errors.
    func loadConfiguration(paths: [String]) throws -> LoadedConfiguration {
        let loaded = ConfigurationLoader(environment: environment, warnsAboutUndeclaredGroups: false).load(paths: paths.isEmpty ? ["."] : paths)
        DiagnosticPrinter.print(loaded.diagnostics)
        if loaded.diagnostics.containsError {
            throw CommandFailure("the configuration has errors (above); fix them and run again.")
        }
        return loaded
    }

    /// Plans against a session that is already open.
    func plan(_ loaded: LoadedConfiguration, in session: TargetSession, allowMassDelete: Bool) async throws -> Outcome {
        let live: LiveState
        do {
            live = try await session.client.readLiveState()
        } catch {
            throw CommandFailure("cannot read the live state of \(session.target.name): \(error)")
        }
        let context = PlanningContext(
            target: session.target.name,
            configurationDigest: ConfigurationDigest.of(loaded.files),
            ownClientID: session.ownClientID,
            now: Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down)),
            allowMassDelete: allowMassDelete
        )
        let result = Planner.plan(desired: loaded.state, live: live, context: context)
        DiagnosticPrinter.print(result.diagnostics)
        guard result.isUsable else {
            throw CommandFailure("the plan cannot be made (errors above); nothing was changed.")
        }
        return Outcome(plan: result.plan, live: live)
    }

    /// `fracttal plan`: load, open the target, plan, close.
    func makePlan(paths: [String], target options: TargetOptions, allowMassDelete: Bool) async throws -> Plan {
        let loaded = try loadConfiguration(paths: paths)
        let target = try TargetResolver(environment: environment).resolve(options, refuseSandboxInCI: true)
        let session = try await TargetSession.open(target, environment: environment, logger: CommandLogger.make(environment))
        do {
            let outcome = try await plan(loaded, in: session, allowMassDelete: allowMassDelete)
            await session.close()
            return outcome.plan
        } catch {
            await session.close()
            throw error
        }
    }
}
