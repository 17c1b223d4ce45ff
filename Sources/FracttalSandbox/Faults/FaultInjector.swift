import HTTPTypes
import Synchronization

/// The fault one `/api` call gets.
struct FaultDecision: Sendable, Equatable {
    /// The call's fate; nil when it is served normally.
    var kind: FaultKind?
    /// Milliseconds to wait before answering.
    var latencyMilliseconds: Int?
    /// The status of a gateway page: 502 and 504 in turn.
    var gatewayStatus: HTTPResponse.Status?

    static let none = FaultDecision(kind: nil, latencyMilliseconds: nil, gatewayStatus: nil)
}

/// Draws each call's fault from the plan with a seeded generator behind a lock, so a run
/// with `--seed N` and the same sequence of calls sees the same faults.
final class FaultInjector: Sendable {
    private struct State {
        var generator: SplitMix64
        var gatewayPages = 0
    }

    private let plan: FaultPlan
    private let state: Mutex<State>

    init(plan: FaultPlan, seed: UInt64?) {
        self.plan = plan
        self.state = Mutex(State(generator: SplitMix64(seed: seed ?? UInt64.random(in: .min ... .max))))
    }

    /// The fault for the next call: one draw for the latency (when the plan has one) and
    /// one for the kind, over the kinds' consecutive probability ranges. Gateway pages
    /// alternate between 502 and 504, starting with 502.
    func next() -> FaultDecision {
        guard !plan.isEmpty else { return .none }
        return state.withLock { state in
            let latency = plan.latencyMilliseconds.map { Int.random(in: $0, using: &state.generator) }
            let draw = Double.random(in: 0..<1, using: &state.generator)
            var upper = 0.0
            var decision = FaultDecision(kind: nil, latencyMilliseconds: latency, gatewayStatus: nil)
            for kind in FaultKind.allCases {
                upper += plan[kind]
                if draw < upper {
                    decision.kind = kind
                    break
                }
            }
            if decision.kind == .gatewayBefore || decision.kind == .gatewayAfter {
                decision.gatewayStatus = state.gatewayPages.isMultiple(of: 2) ? .badGateway : .gatewayTimeout
                state.gatewayPages += 1
            }
            return decision
        }
    }
}
