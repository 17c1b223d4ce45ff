import Synchronization

/// The fault one `/api` call gets.
struct FaultDecision: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case none
        /// A 503 before the call has any effect.
        case errorBefore
        /// The call takes effect, then a 500.
        case errorAfter
        /// The call takes effect, then the connection closes with no answer.
        case lost
        /// A 406 before the call has any effect.
        case rateLimit
    }

    var kind: Kind
    /// Milliseconds to wait before answering.
    var latencyMilliseconds: Int?

    static let none = FaultDecision(kind: .none, latencyMilliseconds: nil)
}

/// Draws each call's fault from the plan with a seeded generator behind a lock, so a run
/// with `--seed N` and the same sequence of calls sees the same faults.
final class FaultInjector: Sendable {
    private let plan: FaultPlan
    private let generator: Mutex<SplitMix64>

    init(plan: FaultPlan, seed: UInt64?) {
        self.plan = plan
        self.generator = Mutex(SplitMix64(seed: seed ?? UInt64.random(in: .min ... .max)))
    }

    /// The fault for the next call: one draw for the latency (when the plan has one) and
    /// one for the kind, over the kinds' consecutive probability ranges.
    func next() -> FaultDecision {
        guard !plan.isEmpty else { return .none }
        return generator.withLock { generator in
            let latency = plan.latencyMilliseconds.map { Int.random(in: $0, using: &generator) }
            let draw = Double.random(in: 0..<1, using: &generator)
            let ranges: [(Double, FaultDecision.Kind)] = [
                (plan.errorBefore, .errorBefore), (plan.errorAfter, .errorAfter), (plan.lost, .lost),
                (plan.rateLimit, .rateLimit),
            ]
            var upper = 0.0
            for (probability, kind) in ranges {
                upper += probability
                if draw < upper { return FaultDecision(kind: kind, latencyMilliseconds: latency) }
            }
            return FaultDecision(kind: .none, latencyMilliseconds: latency)
        }
    }
}
