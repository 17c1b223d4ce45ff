import FracttalAPI
import FracttalConfig
import FracttalApply
import FracttalModel
import FracttalPlan
import Foundation

/// `apply` from end to end: the plan (made now or loaded and checked), confirmation, the changes, the report.
struct ApplyWorkflow {
    /// The command's choices.
    struct Options {
        var paths: [String]
        var savedPlan: String?
        var autoApprove: Bool
        var parallelism: Int
        var secretsOut: String?
        var secretsFormat: SecretsFormat
        var allowMassDelete: Bool
    }

    /// The process environment.
    var environment: [String: String]
    /// Colour choices.
    var color: ColorOptions
    /// The command's choices.
    var options: Options

    /// Runs the apply; throws `CommandFailure` (exit 1) for anything that stops it.
    func run(target options: TargetOptions) async throws {
        let progress = ApplyProgress(isTerminal: StandardStreams.errorIsTerminal)
        if let path = self.options.savedPlan {
            let savedPlan = try PlanFile.read(from: path)
            let target = try TargetResolver(environment: environment).resolve(options, refuseSandboxInCI: true)
            let session = try await TargetSession.open(
                target, environment: environment, logger: CommandLogger.make(environment), events: progress.clientEvent
            )
            try await session.closing { session in
                let (plan, live) = try await checkedSavedPlan(savedPlan, in: session)
                try await apply(plan, live: live, session: session, progress: progress)
            }
        } else {
            let planning = PlanWorkflow(environment: environment, color: color)
            let inputs = try await planning.loadAndRead(paths: self.options.paths, target: options, events: progress.clientEvent)
            try await inputs.session.closing { session in
                let plan = try planning.plan(inputs, allowMassDelete: self.options.allowMassDelete)
                try await apply(plan, live: inputs.live, session: session, progress: progress)
            }
        }
    }

    private func apply(_ plan: Plan, live: LiveState, session: TargetSession, progress: ApplyProgress) async throws {
        StandardStreams.out(plan.rendered(as: .text, colored: color.colorsStandardOutput))
        guard plan.hasChanges else { return }

        let sink = options.secretsOut.map { SecretSink(path: $0, format: options.secretsFormat) }
        do {
            try await ApplyPreconditions.check(plan, live: live, secrets: sink)
        } catch {
            throw CommandFailure("\(error)")
        }
        try confirm()

        let applier = Applier(
            mutations: session.client, secrets: sink, parallelism: options.parallelism, onEvent: progress.applyEvent
        )
        let report: ApplyReport
        do {
            report = try await applier.run(plan, live: live)
        } catch {
            throw CommandFailure("\(error)")
        }
        progress.finish()
        for result in report.results where result.outcome.isFailure {
            StandardStreams.err("error: \(result.address): \(result.outcome)")
        }
        for unsaved in report.unsavedSecrets {
            StandardStreams.err(
                "error: the new secret of consumer \"\(unsaved.name)\" (key \(unsaved.key)) could not be written to \(options.secretsOut ?? "the secrets file"); rotate it to get a new one."
            )
        }
        StandardStreams.out(report.summaryLine + "\n")
        if !report.succeeded {
            throw CommandFailure("apply stopped after a failure; fix the cause and run apply again: it continues from where the company is now.")
        }
    }

    /// Re-reads the live state and refuses a saved plan that no longer fits it.
    private func checkedSavedPlan(_ plan: Plan, in session: TargetSession) async throws -> (Plan, LiveState) {
        guard plan.target == session.target.name else {
            throw CommandFailure("the plan was made for \(plan.target) but the target is \(session.target.name); re-run plan against this target.")
        }
        let live: LiveState
        do {
            live = try await session.client.readLiveState()
        } catch {
            throw CommandFailure("cannot read the live state of \(session.target.name): \(error)")
        }
        let reasons = PlanStaleness.staleness(of: plan, against: live)
        if !reasons.isEmpty {
            for reason in reasons { StandardStreams.err("  - \(reason)") }
            throw CommandFailure("stale plan: re-run plan (the live state changed since the plan was made; nothing was changed).")
        }
        return (plan, live)
    }

    /// Asks for `yes` on a terminal; refuses elsewhere unless `--auto-approve`.
    private func confirm() throws {
        if options.autoApprove { return }
        let inCI = environment["CI"].map { !$0.isEmpty && $0 != "false" && $0 != "0" } ?? false
        guard StandardStreams.inputIsTerminal, !inCI else {
            throw CommandFailure("apply needs confirmation but standard input is not a terminal\(inCI ? " (CI is set)" : ""); review the plan and pass --auto-approve to apply it. Nothing was changed.")
        }
        StandardStreams.err("Do you want to apply these changes? Only 'yes' will be accepted:")
        FileHandle.standardError.write(Data("  Enter a value: ".utf8))
        guard readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces) == "yes" else {
            throw CommandFailure("apply cancelled; nothing was changed.")
        }
    }
}

extension FracttalClient: FracttalMutations {}
