import FracttalPlan

/// How many actions of an apply ended in each way.
public struct ApplyCounts: Sendable, Hashable {
    /// Creates that were done.
    public var added = 0
    /// Updates that were done.
    public var changed = 0
    /// Replacements that were done.
    public var replaced = 0
    /// Deletes that were done.
    public var destroyed = 0
    /// Secret rotations that were done (not counting the rotation that completes an adopted create).
    public var secretsRotated = 0
    /// Actions that failed.
    public var failed = 0
    /// Actions that were never begun.
    public var notStarted = 0

    /// Creates counts.
    public init(
        added: Int = 0, changed: Int = 0, replaced: Int = 0, destroyed: Int = 0, secretsRotated: Int = 0,
        failed: Int = 0, notStarted: Int = 0
    ) {
        self.added = added
        self.changed = changed
        self.replaced = replaced
        self.destroyed = destroyed
        self.secretsRotated = secretsRotated
        self.failed = failed
        self.notStarted = notStarted
    }

    /// Counts the results of an apply.
    public init(results: [ActionResult]) {
        for result in results {
            switch result.outcome {
            case .failed: failed += 1
            case .notStarted: notStarted += 1
            case .done:
                switch result.action {
                case .create: added += 1
                case .update: changed += 1
                case .replace: replaced += 1
                case .delete: destroyed += 1
                case .rotateSecret: secretsRotated += 1
                }
            }
        }
    }
}
