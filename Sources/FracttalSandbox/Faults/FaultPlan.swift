import Foundation

/// Which faults the sandbox injects into `/api` calls, and how often (`--faults`).
public struct FaultPlan: Sendable, Hashable, CustomStringConvertible {
    /// Probability of a 503 before the call has any effect.
    public var errorBefore: Double
    /// Probability of a 500 after the call took effect.
    public var errorAfter: Double
    /// Probability that the call takes effect and the connection then closes with no answer.
    public var lost: Double
    /// Probability of a 406 (rate limited) before the call has any effect.
    public var rateLimit: Double
    /// Probability of a proxy's HTML 502 or 504 page before the call has any effect.
    public var gatewayBefore: Double
    /// Probability of a proxy's HTML 502 or 504 page after the call took effect.
    public var gatewayAfter: Double
    /// Probability that the call takes effect and its answer then waits the fault delay.
    public var holdAfter: Double
    /// Probability that the connection closes at once with no answer and the call takes effect
    /// the fault delay later.
    public var lateCommit: Double
    /// Each answer waits a uniform number of milliseconds in this range, when set.
    public var latencyMilliseconds: ClosedRange<Int>?

    /// Every probability defaults to 0 and latency to none, so a plan names only the faults it injects.
    public init(
        errorBefore: Double = 0, errorAfter: Double = 0, lost: Double = 0, rateLimit: Double = 0,
        gatewayBefore: Double = 0, gatewayAfter: Double = 0, holdAfter: Double = 0, lateCommit: Double = 0,
        latencyMilliseconds: ClosedRange<Int>? = nil
    ) {
        self.errorBefore = errorBefore
        self.errorAfter = errorAfter
        self.lost = lost
        self.rateLimit = rateLimit
        self.gatewayBefore = gatewayBefore
        self.gatewayAfter = gatewayAfter
        self.holdAfter = holdAfter
        self.lateCommit = lateCommit
        self.latencyMilliseconds = latencyMilliseconds
    }

    /// No faults.
    public static let none = FaultPlan()

    /// The kinds `--faults` knows, in the order the documentation lists them.
    public static let kinds = FaultKind.allCases.map(\.rawValue) + ["latency"]

    /// The probability of a kind that decides a call's fate.
    public subscript(kind: FaultKind) -> Double {
        get {
            switch kind {
            case .errorBefore: errorBefore
            case .errorAfter: errorAfter
            case .lost: lost
            case .rateLimit: rateLimit
            case .gatewayBefore: gatewayBefore
            case .gatewayAfter: gatewayAfter
            case .holdAfter: holdAfter
            case .lateCommit: lateCommit
            }
        }
        set {
            switch kind {
            case .errorBefore: errorBefore = newValue
            case .errorAfter: errorAfter = newValue
            case .lost: lost = newValue
            case .rateLimit: rateLimit = newValue
            case .gatewayBefore: gatewayBefore = newValue
            case .gatewayAfter: gatewayAfter = newValue
            case .holdAfter: holdAfter = newValue
            case .lateCommit: lateCommit = newValue
            }
        }
    }

    /// Whether the plan injects nothing.
    public var isEmpty: Bool { self == .none }

    /// The sum of the probabilities of the kinds that decide a call's fate (at most 1).
    var fateProbability: Double { FaultKind.allCases.reduce(0) { $0 + self[$1] } }

    /// The plan as `--faults` takes it.
    public var description: String {
        var items = FaultKind.allCases.compactMap { self[$0] > 0 ? "\($0.rawValue)=\(self[$0])" : nil }
        if let latency = latencyMilliseconds { items.append("latency=\(latency.lowerBound)-\(latency.upperBound)ms") }
        return items.joined(separator: ",")
    }

    /// Parses comma-separated `kind=probability` items (probability 0 to 1) among the `kinds`,
    /// and `latency=A-Bms`, e.g. `error_before=0.1,gateway_after=0.05,latency=5-50ms`. An empty
    /// text is no faults.
    public static func parse(_ text: String) throws -> FaultPlan {
        var plan = FaultPlan()
        var seen: Set<String> = []
        for rawItem in text.split(separator: ",") {
            let item = rawItem.trimmingCharacters(in: .whitespaces)
            if item.isEmpty { continue }
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let kind = String(parts[0]).trimmingCharacters(in: .whitespaces)
            guard kinds.contains(kind) else {
                throw SandboxConfigurationError(
                    "unknown fault kind '\(kind)' in --faults: the kinds are \(kinds.joined(separator: ", "))"
                )
            }
            guard seen.insert(kind).inserted else {
                throw SandboxConfigurationError("fault kind '\(kind)' appears twice in --faults: give each kind once")
            }
            guard parts.count == 2 else {
                throw SandboxConfigurationError(
                    "fault '\(kind)' has no value: write \(kind == "latency" ? "latency=A-Bms, e.g. latency=5-50ms" : "\(kind)=P with P from 0 to 1")"
                )
            }
            let value = String(parts[1]).trimmingCharacters(in: .whitespaces)
            if let fate = FaultKind(rawValue: kind) {
                plan[fate] = try parseProbability(value, kind: kind)
            } else {
                plan.latencyMilliseconds = try parseLatency(value)
            }
        }
        let sum = plan.fateProbability
        guard sum <= 1 + 1e-9 else {
            throw SandboxConfigurationError(
                "the fault probabilities in --faults add up to \(sum): together they must be at most 1"
            )
        }
        return plan
    }

    private static func parseProbability(_ value: String, kind: String) throws -> Double {
        guard let probability = Double(value), probability.isFinite, probability >= 0, probability <= 1 else {
            throw SandboxConfigurationError(
                "fault '\(kind)=\(value)' has a bad probability: give a number from 0 to 1, e.g. \(kind)=0.1"
            )
        }
        return probability
    }

    private static func parseLatency(_ value: String) throws -> ClosedRange<Int> {
        let error = SandboxConfigurationError(
            "fault 'latency=\(value)' is not a range: write latency=A-Bms with 0 <= A <= B, e.g. latency=5-50ms"
        )
        guard value.hasSuffix("ms") else { throw error }
        let bounds = value.dropLast(2).split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(bounds.count), let low = Int(bounds[0]), let high = Int(bounds[bounds.count - 1]),
            low >= 0, low <= high
        else { throw error }
        return low...high
    }
}
