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
        var store: SecretStoreOptions
        var lock: LockOptions
        var allowMassDelete: Bool
        /// `--format`: with `json`, one JSON report is all that goes to standard output.
        var format: ApplyFormat = .text
        /// `--target`: the addresses the plan made now is limited to; empty for a whole plan.
        var targets: [ResourceAddress] = []
    }

    /// A failure whose JSON report is already printed.
    private struct ReportedFailure: Error {
        var failure: CommandFailure
    }

    /// Colour choices.
    var color: ColorOptions
    /// The command's choices.
    var options: Options

    /// Runs the apply; throws `CommandFailure` (exit 1) for anything that stops it. With `--format json`
    /// a report is printed whatever happens, one that names the error when nothing was applied.
    func run(target options: TargetOptions) async throws {
        do {
            try await runReporting(target: options)
        } catch let reported as ReportedFailure {
            throw reported.failure
        } catch {
            if self.options.format == .json { CommandContext.current.out(ApplyJSONReport(refusal: error).rendered()) }
            throw error
        }
    }

    private func runReporting(target options: TargetOptions) async throws {
        let progress = ApplyProgress()
        if let path = self.options.savedPlan {
            let savedPlan = try PlanFile.read(from: path)
            let target = try await OpenTarget.open(
                options, store: OpenTarget.StoreRequest(options: self.options.store, lock: self.options.lock), events: progress.clientEvent)
            try await target.closing { target in
                let (plan, live) = try await checkedSavedPlan(savedPlan, in: target)
                try await apply(plan, live: live, session: target.session, store: target.store, progress: progress)
            }
        } else {
            let planning = PlanWorkflow(color: color)
            let inputs = try await planning.loadAndRead(
                paths: self.options.paths, target: options,
                store: OpenTarget.StoreRequest(options: self.options.store, lock: self.options.lock), events: progress.clientEvent)
            try await inputs.closing { inputs in
                let plan = try planning.plan(inputs, allowMassDelete: self.options.allowMassDelete, targets: self.options.targets)
                try await apply(plan, live: inputs.live, session: inputs.session, store: inputs.store, progress: progress)
            }
        }
    }

    private func apply(_ plan: Plan, live: LiveState, session: TargetSession, store: StoreSession?, progress: ApplyProgress) async throws {
        let json = options.format == .json
        if json {
            CommandContext.current.errRaw(plan.rendered(as: .text))
        } else {
            CommandContext.current.out(plan.rendered(as: .text, colored: color.colorsStandardOutput))
        }
        guard plan.hasChanges || !plan.withdrawnIntents.isEmpty else {
            if json { CommandContext.current.out(ApplyJSONReport(target: session.target.name, report: nil, failure: nil).rendered()) }
            return
        }

        do {
            try await ApplyPreconditions.check(plan, live: live, secrets: store)
        } catch {
            throw CommandFailure(error, otherwise: .applyFailed)
        }
        if plan.hasChanges { try confirm() }

        let stop = StopRequest()
        let applier = Applier(
            mutations: session.client, secrets: store, parallelism: options.parallelism, stop: stop,
            clock: CommandContext.current.clock, onEvent: progress.applyEvent
        )
        let report: ApplyReport
        do {
            report = try await InterruptSignals.stopping(stop) { try await applier.run(plan, live: live) }
        } catch {
            throw CommandFailure(error, otherwise: .applyFailed)
        }
        progress.finish()
        guard plan.hasChanges else {
            if json { CommandContext.current.out(ApplyJSONReport(target: session.target.name, report: report, failure: nil).rendered()) }
            return
        }
        ApplyReportPrinter(storeName: store?.store.name, baseURL: session.apiBaseURL, summaryOnStandardError: json).print(report)
        let failure = Self.failure(of: report)
        if json {
            CommandContext.current.out(ApplyJSONReport(target: session.target.name, report: report, failure: failure).rendered())
            if let failure { throw ReportedFailure(failure: failure) }
        }
        if let failure { throw failure }
    }

    /// The error an apply that ran ends with, if any.
    private static func failure(of report: ApplyReport) -> CommandFailure? {
        if report.interrupted {
            return CommandFailure(.applyInterrupted, "apply was interrupted; run apply again with the same secret store: it continues from where the company is now and delivers any secret that was not stored.")
        }
        if let problem = report.closingCheckProblem, report.results.allSatisfy({ $0.outcome == .done }), report.unsavedSecrets.isEmpty {
            return CommandFailure(.closingCheckFailed, "every action was done, but the closing check for consumers a lost answer may have made twice could not read the consumers (\(problem)); run `fracttal plan` to look: a second live consumer of a created name is reported there.")
        }
        if !report.succeeded {
            return CommandFailure(.applyStopped, "apply stopped after a failure; fix the cause and run apply again: it continues from where the company is now.")
        }
        if !report.strayConsumers.isEmpty {
            return CommandFailure(.strayConsumersMade, "apply finished, but the server also made the consumers above; remove them as shown, then run plan.")
        }
        return nil
    }

    /// Re-reads the live state and refuses a saved plan that no longer fits it.
    private func checkedSavedPlan(_ plan: Plan, in target: OpenTarget) async throws -> (Plan, LiveState) {
        let session = target.session
        guard plan.target == session.target.name else {
            throw CommandFailure(.planForOtherTarget, "the plan was made for \(plan.target) but the target is \(session.target.name); re-run plan against this target.")
        }
        let live = try await target.readLiveState()
        if let madeBy = plan.clientID, madeBy != session.ownClientID {
            CommandContext.current.err("plan made as \(madeBy), applied as \(session.ownClientID)")
        }
        // Every problem is listed before refusing, so one look at a tampered plan shows all of them.
        let locksOut = ApplyingConsumerGuard.problems(of: plan, live: live, applyingKey: session.ownClientID)
        let broken = SavedPlanCheck.problems(of: plan, live: live, allowMassDelete: options.allowMassDelete)
        for problem in locksOut + broken { CommandContext.current.err("  - \(problem)") }
        if !locksOut.isEmpty {
            throw CommandFailure(.planLocksOutApplier, "this plan would lock out the consumer that applies it (above); nothing was changed. Apply it with other credentials, or change the configuration and plan again.")
        }
        if !broken.isEmpty {
            throw CommandFailure(.savedPlanBreaksRules, "this saved plan breaks the rules above, checked again against the live state; nothing was changed. Make the plan again with `fracttal plan --out FILE` and review it.")
        }
        let delivery = try await target.readDeliveryRecord()
        let reasons = PlanStaleness.staleness(of: plan, against: live, delivery: delivery)
        if !reasons.isEmpty {
            for reason in reasons { CommandContext.current.err("  - \(reason)") }
            throw CommandFailure(.stalePlan, "stale plan: re-run plan (the live state or the secret store changed since the plan was made; nothing was changed). In CI, re-run the plan job, review its new plan, and apply that one.")
        }
        if plan.storeDigest == nil, let delivery {
            let pending = delivery.entries.filter { $0.pending != nil }.map { DisplayText.quoted($0.name) }
            if !pending.isEmpty {
                CommandContext.current.err("warning: this plan was made without the secret store, so it does not repair the pending deliveries \(delivery.storeName) records for \(pending.joined(separator: ", ")); they stay recorded. Run plan with the store (--secrets-out) and apply that plan to deliver them.")
            }
        }
        return (plan, live)
    }

    /// Asks for `yes` on a terminal; refuses elsewhere unless `--auto-approve`.
    private func confirm() throws {
        if options.autoApprove { return }
        let inCI = CommandContext.current.isCI
        guard CommandContext.current.streams.inputIsTerminal, !inCI else {
            throw CommandFailure(.confirmationImpossible, "apply needs confirmation but standard input is not a terminal\(inCI ? " (CI is set)" : ""); review the plan and pass --auto-approve to apply it. Nothing was changed.")
        }
        CommandContext.current.err("Do you want to apply these changes? Only 'yes' will be accepted:")
        CommandContext.current.errRaw("  Enter a value: ")
        guard CommandContext.current.streams.readInputLine()?.trimmingCharacters(in: .whitespaces) == "yes" else {
            throw CommandFailure(.applyCancelled, "apply cancelled; nothing was changed.")
        }
    }
}

extension FracttalClient: FracttalMutations {}
