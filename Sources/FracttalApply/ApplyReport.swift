import FracttalModel

/// What an apply did: the outcome of every action of the plan, in plan order.
public struct ApplyReport: Sendable, Hashable {
    /// One result per action of the plan, in plan order.
    public var results: [ActionResult]
    /// Secrets that were issued but could not be written to the secrets file (names and keys only).
    public var unsavedSecrets: [UnsavedSecret]
    /// Whether a stop was requested (SIGINT, SIGTERM) before the apply finished.
    public var interrupted: Bool
    /// Consumers that a late commit made beside one this apply created; nobody has their secret.
    public var strayConsumers: [StrayConsumer] = []
    /// Why the closing check for stray consumers could not run, if it could not.
    public var closingCheckProblem: String?

    /// Starts with no stray consumers; the applier adds those when it finds them.
    public init(results: [ActionResult], unsavedSecrets: [UnsavedSecret] = [], interrupted: Bool = false) {
        self.results = results
        self.unsavedSecrets = unsavedSecrets
        self.interrupted = interrupted
    }

    /// Whether every action was done, every secret stored, and the closing check ran.
    public var succeeded: Bool {
        unsavedSecrets.isEmpty && !interrupted && closingCheckProblem == nil && results.allSatisfy { $0.outcome == .done }
    }

    /// The actions that failed, in plan order.
    public var failures: [ActionResult] { results.filter { $0.outcome.isFailure } }

    /// How many actions ended in each way.
    public var counts: ApplyCounts { ApplyCounts(results: results) }

    /// `Apply complete: 2 added, 1 changed, 1 replaced, 0 destroyed, 1 secret rotated.`, or on failure
    /// `Apply failed: 1 added, 0 changed, 0 replaced, 0 destroyed, 0 secrets rotated; 1 failed, 3 not started.`
    public var summaryLine: String {
        let counts = counts
        let rotated = "\(counts.secretsRotated) \(counts.secretsRotated == 1 ? "secret" : "secrets") rotated"
        let done = "\(counts.added) added, \(counts.changed) changed, \(counts.replaced) replaced, \(counts.destroyed) destroyed, \(rotated)"
        if succeeded {
            return "Apply complete: \(done)."
        }
        if interrupted {
            return "Apply interrupted: \(done); \(counts.failed) cut short, \(counts.notStarted) not started."
        }
        return "Apply failed: \(done); \(counts.failed) failed, \(counts.notStarted) not started."
    }
}
