import Foundation
import FracttalModel

/// What the planner needs besides the desired and live states.
public struct PlanningContext: Sendable {
    /// The company the plan is for: the API base URL, or `sandbox:PATH`.
    public var target: String
    /// The digest of the configuration files (the loader's `LoadedConfiguration.digest`).
    public var configurationDigest: String
    /// The key of the consumer this tool signs in as, when known.
    public var ownClientID: String?
    /// The plan's own time, for secret ages and `rotate_secret_before`.
    public var now: Date
    /// `--allow-mass-delete`: deleting more than `max_delete_percent` is meant.
    public var allowMassDelete: Bool
    /// What the secret store says about delivered and pending secrets; nil when no store was named, and
    /// then delivery is not checked (the plan says so).
    public var delivery: DeliveryRecord?
    /// `--target`: the objects a partial plan is limited to (with what they need); empty for a whole plan.
    public var targets: [ResourceAddress]

    /// By default mass deletes are refused, no store is read, and the plan is whole.
    public init(
        target: String, configurationDigest: String, ownClientID: String?, now: Date, allowMassDelete: Bool = false,
        delivery: DeliveryRecord? = nil, targets: [ResourceAddress] = []
    ) {
        self.target = target
        self.configurationDigest = configurationDigest
        self.ownClientID = ownClientID
        self.now = now
        self.allowMassDelete = allowMassDelete
        self.delivery = delivery
        self.targets = targets
    }
}

/// A plan and what the planner found on the way; the plan is usable only when no diagnostic is an error.
public struct PlanningResult: Sendable {
    /// The plan; do not save or apply it when `diagnostics` holds an error.
    public var plan: Plan
    /// Errors, warnings and notes, in the order found.
    public var diagnostics: [Diagnostic]

    /// Keeps the diagnostics in the order given; the plan is usable only if none of them is an error.
    public init(plan: Plan, diagnostics: [Diagnostic]) {
        self.plan = plan
        self.diagnostics = diagnostics
    }

    /// Whether the plan may be saved or applied.
    public var isUsable: Bool { !diagnostics.containsError }
}

/// Diffs the desired state against the live state; pure and synchronous.
public enum Planner {
    /// Makes the plan that brings `live` to `desired`, with every problem found on the way.
    public static func plan(desired: DesiredState, live: LiveState, context: PlanningContext) -> PlanningResult {
        var builder = PlanBuilder(desired: desired, live: live, context: context)
        return builder.build()
    }
}
