import Foundation
import FracttalModel

/// The changes that bring a company to its configuration, in apply order; saved as versioned JSON.
public struct Plan: Sendable, Hashable {
    /// The only plan format this version reads and writes.
    public static let currentFormatVersion = 1

    /// The plan format version.
    public var formatVersion: Int
    /// The company the plan was made for: the API base URL, or `sandbox:PATH`.
    public var target: String
    /// The digest of the configuration bytes the plan was made from.
    public var configurationDigest: String
    /// The fingerprint of the whole live state the plan was made from.
    public var liveFingerprint: String
    /// When the plan was made.
    public var createdAt: Date
    /// The count of actions per type, and of declared objects that need none.
    public var summary: PlanSummary
    /// The actions, ordered by step, then by address.
    public var actions: [PlanAction]
    /// Lines for the reader, such as objects kept although `prune` is on.
    public var notes: [String]
    /// The warnings and notes found while the plan was made (configuration and planner), with their codes and places.
    public var warnings: [PlanWarning]
    /// Without `prune`: the live consumers and groups that no file declares, left alone.
    public var undeclared: UndeclaredObjects
    /// The key (client id) of the consumer whose credentials read the live state, when known.
    public var clientID: String?
    /// Whether a secret store was read, so that interrupted deliveries and secrets changed elsewhere were looked for.
    public var deliveryChecked: Bool
    /// The digest of what the secret store listed when the plan was made (see `Fingerprint.of(_:)`); nil without a store.
    public var storeDigest: String?
    /// Pending marks of the store whose call never took effect: apply withdraws them before its first change.
    public var withdrawnIntents: [String]
    /// The configuration's rules the plan was made under, checked again by `apply --plan`.
    public var rules: PlanRules?
    /// `--target`: the addresses a partial plan is limited to (with what they need); nil for a whole plan.
    public var targets: [ResourceAddress]?
    /// What the actions rely on besides the objects they act on, checked again by `apply --plan`; nil in
    /// plans saved before it was recorded, which any change of the live state makes stale.
    public var dependsOn: PlanDependencies?

    /// Creates a plan; the summary is counted from the actions.
    public init(
        target: String, configurationDigest: String, liveFingerprint: String, createdAt: Date,
        actions: [PlanAction], unchanged: Int = 0, notes: [String] = [], clientID: String? = nil,
        deliveryChecked: Bool = false, storeDigest: String? = nil, withdrawnIntents: [String] = [], rules: PlanRules? = nil,
        warnings: [PlanWarning] = [], undeclared: UndeclaredObjects = UndeclaredObjects(),
        targets: [ResourceAddress]? = nil, dependsOn: PlanDependencies? = nil
    ) {
        formatVersion = Self.currentFormatVersion
        self.target = target
        self.configurationDigest = configurationDigest
        self.liveFingerprint = liveFingerprint
        self.createdAt = createdAt
        summary = PlanSummary(actions: actions, unchanged: unchanged)
        self.actions = actions
        self.notes = notes
        self.clientID = clientID
        self.deliveryChecked = deliveryChecked
        self.storeDigest = storeDigest
        self.withdrawnIntents = withdrawnIntents
        self.rules = rules
        self.warnings = warnings
        self.undeclared = undeclared
        self.targets = targets
        self.dependsOn = dependsOn
    }

    /// Whether `--target` limited the plan to some objects.
    public var isPartial: Bool { targets != nil }

    /// Whether the plan changes anything.
    public var hasChanges: Bool { !actions.isEmpty }

    /// The highest step, or 0 without actions.
    public var stepCount: Int { actions.map(\.step).max() ?? 0 }
}
