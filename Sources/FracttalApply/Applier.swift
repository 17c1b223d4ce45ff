import FracttalModel
import FracttalPlan

/// Runs a plan's actions against a company: step after step, and inside a step a bounded number at once.
///
/// After an action fails (its calls' own retries could not mend it), nothing new is started: the actions
/// already running finish, and the rest are reported as not started. Every issued secret goes to the
/// `SecretSink` right after the call that returned it. The result is an `ApplyReport`.
public struct Applier: Sendable {
    /// How many actions of a step run at once unless told otherwise.
    public static let defaultParallelism = 4

    let mutations: any FracttalMutations
    let secrets: SecretSink?
    /// How many actions of a step run at once (at least 1).
    public let parallelism: Int
    let stopwatch: Stopwatch
    let onEvent: @Sendable (ApplyEvent) -> Void

    /// Creates an applier that times actions with `clock`.
    ///
    /// - Parameters:
    ///   - mutations: the company's API (the client, or a fake in tests).
    ///   - secrets: where issued secrets go; required when the plan creates, replaces or rotates a consumer.
    ///   - parallelism: the most actions of one step in flight at once; values below 1 count as 1.
    ///   - clock: the clock durations are read from.
    ///   - onEvent: progress, called one event at a time.
    public init<C: Clock>(
        mutations: any FracttalMutations, secrets: SecretSink? = nil, parallelism: Int = Applier.defaultParallelism,
        clock: C, onEvent: @escaping @Sendable (ApplyEvent) -> Void = { _ in }
    ) where C.Duration == Duration {
        self.mutations = mutations
        self.secrets = secrets
        self.parallelism = max(1, parallelism)
        stopwatch = Stopwatch(clock: clock)
        self.onEvent = onEvent
    }

    /// Creates an applier that times actions with the continuous clock.
    public init(
        mutations: any FracttalMutations, secrets: SecretSink? = nil, parallelism: Int = Applier.defaultParallelism,
        onEvent: @escaping @Sendable (ApplyEvent) -> Void = { _ in }
    ) {
        self.init(mutations: mutations, secrets: secrets, parallelism: parallelism, clock: ContinuousClock(), onEvent: onEvent)
    }

    /// Applies `plan` to the company whose state is `live` (the state the plan was checked against).
    ///
    /// Throws only before any change, when `ApplyPreconditions.check` refuses the plan; once actions
    /// start, every failure is in the returned report.
    public func run(_ plan: Plan, live: LiveState) async throws -> ApplyReport {
        try await ApplyPreconditions.check(plan, live: live, secrets: secrets)
        let ledger = ApplyLedger(live: live)
        var results = plan.actions.map(ActionResult.notStarted)
        for (step, indices) in Self.steps(of: plan) {
            if Task.isCancelled { break }
            onEvent(.stepStarted(step: step, actionCount: indices.count))
            let finished = await runStep(indices.map { ($0, plan.actions[$0]) }, ledger: ledger)
            for (index, result) in finished { results[index] = result }
            if finished.contains(where: { $0.result.outcome.isFailure }) { break }
        }
        return ApplyReport(results: results, unsavedSecrets: await secrets?.unsavedSecrets ?? [])
    }

    /// The plan's steps in ascending order, each with the indices of its actions in plan order.
    static func steps(of plan: Plan) -> [(step: Int, indices: [Int])] {
        Dictionary(grouping: plan.actions.indices, by: { plan.actions[$0].step })
            .sorted { $0.key < $1.key }
            .map { (step: $0.key, indices: $0.value) }
    }

    /// Runs one step's actions, at most `parallelism` at once, starting none after a failure.
    private func runStep(_ items: [(Int, PlanAction)], ledger: ApplyLedger) async -> [(index: Int, result: ActionResult)] {
        await withTaskGroup(of: (index: Int, result: ActionResult).self) { group in
            var finished: [(index: Int, result: ActionResult)] = []
            var next = 0
            var stopping = false
            while next < min(items.count, parallelism) {
                let (index, action) = items[next]
                next += 1
                onEvent(.actionStarted(address: action.address, action: action.action, step: action.step))
                group.addTask { (index, await self.perform(action, ledger: ledger)) }
            }
            while let done = await group.next() {
                finished.append(done)
                onEvent(.actionFinished(done.result))
                if done.result.outcome.isFailure { stopping = true }
                if !stopping, !Task.isCancelled, next < items.count {
                    let (index, action) = items[next]
                    next += 1
                    onEvent(.actionStarted(address: action.address, action: action.action, step: action.step))
                    group.addTask { (index, await self.perform(action, ledger: ledger)) }
                }
            }
            return finished
        }
    }

    /// Runs one action and says how it ended; never throws.
    private func perform(_ action: PlanAction, ledger: ApplyLedger) async -> ActionResult {
        let elapsed = stopwatch.start()
        var progress = ActionProgress()
        let outcome: ActionOutcome
        do {
            try await execute(action, ledger: ledger, progress: &progress)
            outcome = .done
        } catch {
            outcome = .failed(reason: ActionFailure.describe(error))
        }
        return ActionResult(
            address: action.address, action: action.action, step: action.step, outcome: outcome, duration: elapsed(),
            key: progress.key, groupID: progress.groupID, adopted: progress.adopted, secretWritten: progress.secretWritten)
    }
}

/// What an action has achieved so far; kept when a later call of the same action fails.
struct ActionProgress {
    var key: String?
    var groupID: Int?
    var adopted = false
    var secretWritten = false
}
