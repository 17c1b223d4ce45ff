import FracttalModel

/// The configuration's rules a plan was made under, saved with it so that `apply --plan` can check
/// them again against the live state it reads: protect, prune and the mass-delete limit.
public struct PlanRules: Sendable, Hashable, Codable {
    /// `settings.protect.consumers`: names or keys.
    public var protectedConsumers: [String]
    /// `settings.protect.groups`: names.
    public var protectedGroups: [String]
    /// `settings.prune`.
    public var prune: Bool
    /// `settings.max_delete_percent`.
    public var maxDeletePercent: Int
    /// Whether `--allow-mass-delete` was given when the plan was made.
    public var allowMassDelete: Bool

    /// Rules as the settings give them.
    public init(protectedConsumers: [String], protectedGroups: [String], prune: Bool, maxDeletePercent: Int, allowMassDelete: Bool) {
        self.protectedConsumers = protectedConsumers
        self.protectedGroups = protectedGroups
        self.prune = prune
        self.maxDeletePercent = maxDeletePercent
        self.allowMassDelete = allowMassDelete
    }

    /// The rules of `settings`, with `--allow-mass-delete` as given.
    public init(_ settings: Settings, allowMassDelete: Bool) {
        self.init(
            protectedConsumers: settings.protectedConsumers.map(\.value), protectedGroups: settings.protectedGroups.map(\.value),
            prune: settings.prunes, maxDeletePercent: settings.deleteThresholdPercent, allowMassDelete: allowMassDelete)
    }

    private enum CodingKeys: String, CodingKey {
        case prune
        case protectedConsumers = "protected_consumers"
        case protectedGroups = "protected_groups"
        case maxDeletePercent = "max_delete_percent"
        case allowMassDelete = "allow_mass_delete"
    }
}

/// What `apply --plan` checks again before any change, whatever the saved file says: one action per
/// address, and the plan's rules against the live state (the self-lockout guard for the consumer that
/// applies it is `ApplyingConsumerGuard`). A hand-edited plan that breaks one is refused, naming what is wrong.
public enum SavedPlanCheck {
    /// Why `plan` may not be applied to `live`; empty when it may. `allowMassDelete` is apply's own
    /// `--allow-mass-delete`.
    public static func problems(of plan: Plan, live: LiveState, allowMassDelete: Bool) -> [String] {
        var problems: [String] = []
        // One action per address, but for the pair the planner makes on purpose: an update and a rotation.
        let actionsByAddress = Dictionary(grouping: plan.actions, by: \.address)
        for (address, actions) in actionsByAddress.sorted(by: { $0.key < $1.key }) where actions.count > 1 {
            if actions.count == 2, Set(actions.map(\.action)) == [.update, .rotateSecret] { continue }
            problems.append("\(address) has more than one action in the plan")
        }
        if !plan.withdrawnIntents.isEmpty, plan.storeDigest == nil {
            problems.append("the plan withdraws pending marks but was made without a secret store")
        }
        if let rules = plan.rules {
            problems += ruleProblems(of: plan, rules: rules, live: live, allowMassDelete: allowMassDelete)
        } else {
            problems.append("the plan records no rules (settings) to check it against")
        }
        return problems
    }

    private static func ruleProblems(of plan: Plan, rules: PlanRules, live: LiveState, allowMassDelete: Bool) -> [String] {
        var problems: [String] = []
        let protectedConsumers = Set(rules.protectedConsumers.map(ExactName.init))
        let protectedGroups = Set(rules.protectedGroups.map(ExactName.init))
        let consumersByKey = Dictionary(live.consumers.map { (ExactName($0.key), $0) }, uniquingKeysWith: { first, _ in first })
        let groupsByID = Dictionary(live.groups.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for action in plan.actions where action.action != .create {
            if let key = action.liveKey, let consumer = consumersByKey[ExactName(key)],
               protectedConsumers.contains(ExactName(consumer.name)) || protectedConsumers.contains(ExactName(key)) {
                problems.append("\(action.address) (key \(key)) is in settings.protect, but the plan would \(action.action.rawValue) it")
            }
            if let id = action.liveID, let group = groupsByID[id], protectedGroups.contains(ExactName(group.name)) {
                problems.append("\(action.address) (id \(id)) is in settings.protect, but the plan would \(action.action.rawValue) it")
            }
            if let id = action.liveID, let group = groupsByID[id], group.isDefault, action.action == .delete {
                problems.append("\(action.address) (id \(id)) is the default group, which the server cannot delete")
            }
        }
        let deletes = plan.actions.filter { $0.action == .delete }
        if !rules.prune, let first = deletes.first {
            problems.append("\(first.address) would be deleted, but settings.prune is off")
        }
        if !rules.allowMassDelete, !allowMassDelete {
            for (kind, liveCount) in [(ResourceKind.consumer, live.consumers.count), (.group, live.groups.count)] {
                let count = deletes.filter { $0.kind == kind }.count
                if count > 0, count * 100 > rules.maxDeletePercent * liveCount {
                    problems.append("the plan deletes \(count) of \(liveCount) live \(kind.rawValue)s, more than max_delete_percent \(rules.maxDeletePercent)")
                }
            }
        }
        return problems
    }
}
