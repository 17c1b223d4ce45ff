import FracttalConcurrency
import FracttalModel
import FracttalPlan
import Synchronization

/// Runs a plan's actions against a company: step after step, and inside a step a bounded number at once.
///
/// After an action fails (its calls' own retries could not mend it), or once a stop is requested,
/// nothing new is started: the actions already running finish (after a stop, within `stopGrace`), and
/// the rest are reported as not started. Every call that issues a secret has its pending mark durable
/// in the secret store (`StoreSession`) before it is sent, and its secret goes to the store right after
/// the call that returned it, which clears the mark. The result is an `ApplyReport`.
public struct Applier: Sendable {
    /// How many actions of a step run at once unless told otherwise.
    public static let defaultParallelism = 4
    /// How long calls in flight may go on after a stop was requested.
    public static let defaultStopGrace: Duration = .seconds(5)

    let mutations: any FracttalMutations
    let secrets: StoreSession?
    /// How many actions of a step make calls at once (at least 1).
    public let parallelism: Int
    let stop: StopRequest
    let stopGrace: Duration
    let clock: any FracttalClock
    let onEvent: @Sendable (ApplyEvent) -> Void

    /// Creates an applier.
    ///
    /// - Parameters:
    ///   - mutations: the company's API (the client, or a fake in tests).
    ///   - secrets: the secret store, where marks and issued secrets go; required when the plan creates,
    ///     replaces or rotates a consumer.
    ///   - parallelism: the most actions of one step calling the server at once; values below 1 count as 1.
    ///   - stop: asks the apply to stop early (SIGINT, SIGTERM).
    ///   - stopGrace: how long calls in flight may go on after a stop; then they are cancelled.
    ///   - clock: what actions are timed with and the stop's grace is waited on.
    ///   - onEvent: progress, called one event at a time.
    public init(
        mutations: any FracttalMutations, secrets: StoreSession? = nil,
        parallelism: Int = Applier.defaultParallelism, stop: StopRequest = StopRequest(),
        stopGrace: Duration = Applier.defaultStopGrace, clock: any FracttalClock = ContinuousClock(),
        onEvent: @escaping @Sendable (ApplyEvent) -> Void = { _ in }
    ) {
        self.mutations = mutations
        self.secrets = secrets
        self.parallelism = max(1, parallelism)
        self.stop = stop
        self.stopGrace = stopGrace
        self.clock = clock
        self.onEvent = onEvent
    }

    /// Applies `plan` to the company whose state is `live` (the state the plan was checked against).
    ///
    /// Throws only before any change, when `ApplyPreconditions.check` refuses the plan; once actions
    /// start, every failure is in the returned report.
    public func run(_ plan: Plan, live: LiveState) async throws -> ApplyReport {
        try await ApplyPreconditions.check(plan, live: live, secrets: secrets)
        try await secrets?.withdraw(plan.withdrawnIntents)
        let ledger = ApplyLedger(live: live)
        let results = await withTaskGroup(of: [ActionResult]?.self) { group in
            group.addTask { await runSteps(of: plan, ledger: ledger) }
            group.addTask {
                await stop.wait()
                if !Task.isCancelled { try? await clock.sleep(for: stopGrace) }
                return nil
            }
            var results: [ActionResult] = []
            while let finished = await group.next() {
                // The stop's grace is over (nil): cancel the calls still in flight, then take their results.
                group.cancelAll()
                if let finished { results = finished }
            }
            return results
        }
        var report = ApplyReport(
            results: results, unsavedSecrets: secrets?.unsavedSecrets ?? [], interrupted: stop.isRequested)
        if !report.interrupted {
            (report.strayConsumers, report.closingCheckProblem) = await strayConsumers(ledger: ledger, results: results)
        }
        return report
    }

    /// Runs every step in order; stops starting actions after a failure or a stop request.
    private func runSteps(of plan: Plan, ledger: ApplyLedger) async -> [ActionResult] {
        var results = plan.actions.map(ActionResult.notStarted)
        for (step, indices) in Self.steps(of: plan) {
            if Task.isCancelled || stop.isRequested { break }
            onEvent(.stepStarted(step: step, actionCount: indices.count))
            let finished = await runStep(indices.map { ($0, plan.actions[$0]) }, ledger: ledger)
            for (index, result) in finished { results[index] = result }
            if finished.contains(where: { $0.result.outcome.isFailure }) { break }
        }
        return results
    }

    /// The plan's steps in ascending order, each with the indices of its actions in plan order.
    static func steps(of plan: Plan) -> [(step: Int, indices: [Int])] {
        Dictionary(grouping: plan.actions.indices, by: { plan.actions[$0].step })
            .sorted { $0.key < $1.key }
            .map { (step: $0.key, indices: $0.value) }
    }

    /// Runs one step's actions in plan order, at most `parallelism` calling the server at once, starting
    /// none after a failure or a stop request.
    ///
    /// An action frees its call slot once its calls are done, before it waits for its secret to reach
    /// the disk: the next action starts meanwhile, and secrets go to disk in larger groups. Pending marks
    /// are made ahead, `markWindow` actions at a time, so the store writes them in a few batches rather than
    /// one per call; a mark the store cannot hold fails its action before its call and starts nothing new.
    private func runStep(_ items: [(Int, PlanAction)], ledger: ApplyLedger) async -> [(index: Int, result: ActionResult)] {
        let record = StepRecord()
        var marks = StepMarks()
        let (freed, announceFreed) = AsyncStream.makeStream(of: Void.self)
        // Discarding: a finished action's task is freed at once, not kept until the step ends.
        await withDiscardingTaskGroup { group in
            var next = 0
            var started = 0
            var released = 0
            var markedUpTo = 0
            /// Marks the next window once `next` reaches the end of the marked ones; false when a mark failed.
            func markAhead() async -> Bool {
                guard next >= markedUpTo else { return true }
                let window = Array(items[next..<min(items.count, next + Self.markWindow)])
                let made = await markStep(window, ledger: ledger)
                marks.intents.merge(made.intents) { first, _ in first }
                markedUpTo = next + window.count
                // One store failure is one failed action; the others of the window stay not started.
                if let (index, action) = window.first(where: { made.failures[$0.0] != nil }), let failure = made.failures[index] {
                    record.add(.failed(action, failure), at: index)
                }
                return made.failures.isEmpty
            }
            func startNext() {
                let (index, action) = items[next]
                next += 1
                started += 1
                onEvent(.actionStarted(address: action.address, action: action.action, step: action.step))
                let intent = marks.intents[index]
                group.addTask {
                    let slot = CallSlot { announceFreed.yield() }
                    let result = await perform(action, intent: intent, ledger: ledger, slot: slot)
                    record.add(result, at: index)
                    slot.release()
                    onEvent(.actionFinished(result))
                }
            }
            // Marking awaits the store, so whether to go on is asked again once it is done.
            func mayStart() -> Bool { !record.hasFailure && !stop.isRequested && !Task.isCancelled }
            while next < min(items.count, parallelism), mayStart(), await markAhead(), mayStart() { startNext() }
            guard started > 0 else { return }
            for await _ in freed {
                released += 1
                if next < items.count, mayStart(), await markAhead(), mayStart() {
                    startNext()
                } else if released == started {
                    break
                }
            }
        }
        announceFreed.finish()
        let finished = record.results
        await withdrawUnsent(marks, finished: finished)
        return finished
    }

    /// How many actions' pending marks are made together, ahead of their calls.
    static let markWindow = 100

    /// Runs one action and says how it ended; never throws.
    private func perform(_ action: PlanAction, intent: String?, ledger: ApplyLedger, slot: CallSlot) async -> ActionResult {
        let started = clock.now
        let progress = ActionProgress()
        let outcome: ActionOutcome
        do {
            try await execute(action, intent: intent, ledger: ledger, progress: progress, slot: slot)
            outcome = .done
        } catch {
            outcome = .failed(
                reason: ActionFailure.describe(error, interrupted: stop.isRequested),
                code: ActionFailure.code(of: error, interrupted: stop.isRequested))
        }
        let achieved = progress.snapshot
        return ActionResult(
            address: action.address, action: action.action, step: action.step, outcome: outcome, duration: started.duration(to: clock.now),
            key: achieved.key, groupID: achieved.groupID, adopted: achieved.adopted, secretWritten: achieved.secretWritten)
    }

    /// Live consumers that share the name of a consumer this apply created, were made during it, and are
    /// not the one it created: a late commit of a create whose answer was lost. Nobody has their secret.
    private func strayConsumers(ledger: ApplyLedger, results: [ActionResult]) async -> (strays: [StrayConsumer], problem: String?) {
        let created = results.filter { $0.address.kind == .consumer && [.create, .replace].contains($0.action) && $0.key != nil }
        guard !created.isEmpty else { return ([], nil) }
        let consumers: [LiveConsumer]
        do {
            consumers = try await mutations.listConsumers()
        } catch {
            return ([], ActionFailure.clause(error))
        }
        let knownBefore = ledger.liveConsumerKeys
        let madeHere = Set(created.compactMap(\.key))
        // By exact name, in one pass rather than one per created consumer.
        let liveByName = Dictionary(grouping: consumers) { ExactName($0.name) }
        var strays: [StrayConsumer] = []
        for result in created {
            for consumer in liveByName[ExactName(result.address.name)] ?? []
            where !madeHere.contains(consumer.key) && !knownBefore.contains(consumer.key) {
                strays.append(StrayConsumer(name: consumer.name, key: consumer.key, keptKey: result.key ?? ""))
            }
        }
        return (strays, nil)
    }
}

/// What an action has achieved so far; kept when a later call of the same action fails.
final class ActionProgress: Sendable {
    struct Achieved {
        var key: String?
        var groupID: Int?
        var adopted = false
        var secretWritten = false
    }

    private let state = Mutex(Achieved())

    /// Changes what was achieved.
    func update(_ change: (inout Achieved) -> Void) {
        state.withLock { change(&$0) }
    }

    /// What was achieved.
    var snapshot: Achieved { state.withLock { $0 } }
}

/// The results of one step's actions as they finish, and whether one failed.
final class StepRecord: Sendable {
    private let state = Mutex<(results: [(index: Int, result: ActionResult)], failed: Bool)>(([], false))

    /// Records an action's result.
    func add(_ result: ActionResult, at index: Int) {
        state.withLock { state in
            state.results.append((index, result))
            if result.outcome.isFailure { state.failed = true }
        }
    }

    /// Whether an action of the step failed.
    var hasFailure: Bool { state.withLock { $0.failed } }

    /// The results so far, in the order the actions finished.
    var results: [(index: Int, result: ActionResult)] { state.withLock { $0.results } }
}
