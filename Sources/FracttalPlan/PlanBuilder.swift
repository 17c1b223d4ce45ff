import Foundation
import FracttalModel

/// The phases of a plan in apply order; each phase that holds actions becomes one step.
enum Phase: Int, CaseIterable {
    /// Group creates and updates.
    case groupChanges
    /// Consumer creates, updates and replacements.
    case consumerChanges
    /// Consumer secret rotations.
    case rotations
    /// Consumer deletes.
    case consumerDeletes
    /// Group deletes.
    case groupDeletes
}

/// How a declared consumer relates to the live consumers.
enum ConsumerMatch {
    /// No live consumer matches: it is created.
    case none
    /// It matches the live consumer at this position; `renamedFrom` is the previous name it was found by.
    case live(Int, renamedFrom: String?)
    /// Matching failed and an error says why.
    case failed
}

/// An action before steps are numbered, with where to point a message about it.
struct PendingAction {
    var action: PlanAction
    var phase: Phase
    var location: SourceLocation?
}

/// What the planner decided about one declared group (`PlanBuilder.groups`, indexed like `desired.groups`).
struct GroupDecision {
    /// The codes its permissions grant once expanded against the live catalog.
    var permissions: Set<PermissionCode> = []
    /// Whether one of its permissions names nothing in the catalog (an error says which).
    var hasUnknownPermission = false
    /// The one live group of its name; nil when it is created, or when matching failed.
    var match: LiveGroup?
    /// Whether several live groups have its name (an error says so): nothing is planned for it.
    var matchFailed = false
    /// The previous name it was found by, when it matched a live group of another name.
    var renamedFrom: String?
}

/// What the planner decided about one declared consumer (`PlanBuilder.consumers`, indexed like `desired.consumers`).
struct ConsumerDecision {
    /// The live consumer it matches, if any.
    var match: ConsumerMatch = .none
    /// Whether `settings.protect` names it or the live consumer it matches: its changes are not applied.
    var isProtected = false
    /// The group it will belong to; nil when its `permission_group` could not be resolved (an error says why).
    var groupReference: GroupReference?
}

/// What the planner decided about one live consumer (`PlanBuilder.liveConsumers`, indexed like `live.consumers`).
struct LiveConsumerFate {
    /// The declaration that matches it.
    var declaration: Int?
    /// Whether a failed match involves it: prune leaves it alone.
    var inDispute = false
    /// Whether this plan deletes or replaces it.
    var removed = false
}

/// The planner's working state for one plan: the inputs, what the passes decided so far per declaration,
/// and what they found. `build()` runs the passes of `PlanPass` in order.
struct PlanBuilder {
    static let readPermissions: Set<PermissionCode> = [
        PermissionCode(module: "security", action: "view"), PermissionCode(module: "api_connections", action: "view"),
    ]
    static let managementPermissions: Set<PermissionCode> = Set(
        ["security", "api_connections"].flatMap { module in
            ["create", "edit", "delete"].map { PermissionCode(module: module, action: $0) }
        })

    // Inputs, fixed for the whole plan.
    let desired: DesiredState
    let live: LiveState
    let context: PlanningContext
    let index: LiveIndex
    /// Each protected consumer name or key, and where it was first written.
    let protectedConsumers: [ExactName: SourceLocation]
    /// Each protected group name, and where it was first written.
    let protectedGroups: [ExactName: SourceLocation]
    /// The live consumer this tool signs in as, when it is known and live.
    let own: LiveConsumer?
    /// What the tool needs its group to keep granting.
    let ownNeeds: Set<PermissionCode>

    // Decisions, one per declaration or live object.
    /// One per declared group.
    var groups: [GroupDecision]
    /// One per declared consumer.
    var consumers: [ConsumerDecision]
    /// One per live consumer.
    var liveConsumers: [LiveConsumerFate]
    /// Each declared group's position by exact name.
    var groupDeclarationByName: [ExactName: Int] = [:]
    /// Live group id -> the declaration that matches it.
    var groupDeclarationByID: [Int: Int] = [:]
    /// Live group ids that a failed match involves: prune leaves them alone.
    var groupsInDispute: Set<Int> = []

    // Findings, in the order found.
    var diagnostics: [Diagnostic] = []
    var notes: [String] = []
    var pending: [PendingAction] = []
    var unchanged = 0
    /// Pending marks of the store whose call never took effect (see `planDeliveries`).
    var withdrawnIntents: [String] = []
    /// Without `prune`: the live objects no file declares (see `noteUndeclared`).
    var undeclared = UndeclaredObjects()
    /// With `--target`: what the partial plan covers (see `selectTargets`); nil for a whole plan.
    var scope: PlanScope?

    init(desired: DesiredState, live: LiveState, context: PlanningContext) {
        self.desired = desired
        self.live = live
        self.context = context
        let index = LiveIndex(live)
        self.index = index
        var protectedConsumers: [ExactName: SourceLocation] = [:]
        for entry in desired.settings.protectedConsumers where protectedConsumers[ExactName(entry.value)] == nil {
            protectedConsumers[ExactName(entry.value)] = entry.location
        }
        var protectedGroups: [ExactName: SourceLocation] = [:]
        for entry in desired.settings.protectedGroups where protectedGroups[ExactName(entry.value)] == nil {
            protectedGroups[ExactName(entry.value)] = entry.location
        }
        self.protectedConsumers = protectedConsumers
        self.protectedGroups = protectedGroups
        let own = context.ownClientID.flatMap { index.consumer(key: $0) }.map { live.consumers[$0] }
        self.own = own
        let ownGroupPermissions = own.flatMap { index.groupsByID[$0.permissionGroup]?.permissions } ?? []
        ownNeeds = Self.readPermissions.union(ownGroupPermissions.intersection(Self.managementPermissions))
        groups = Array(repeating: GroupDecision(), count: desired.groups.count)
        consumers = Array(repeating: ConsumerDecision(), count: desired.consumers.count)
        liveConsumers = Array(repeating: LiveConsumerFate(), count: live.consumers.count)
    }

    /// Runs every pass in order and assembles the result.
    mutating func build() -> PlanningResult {
        for pass in PlanPass.allCases {
            run(pass)
        }
        return finish()
    }

    /// Where messages about `prune` point.
    var pruneLocation: SourceLocation? { desired.settings.prune?.location ?? desired.settings.location }

    /// Whether a live consumer is named (by name or key) in `settings.protect.consumers`, and where.
    func protectLocation(of consumer: LiveConsumer) -> SourceLocation? {
        protectedConsumers[ExactName(consumer.name)] ?? protectedConsumers[ExactName(consumer.key)]
    }

    /// The permissions a group will grant once step 1 has run.
    func finalPermissions(of reference: GroupReference) -> Set<PermissionCode> {
        switch reference {
        case .live(let id):
            if let declaration = groupDeclarationByID[id], covers(group: declaration),
               protectedGroups[ExactName(desired.groups[declaration].name.value)] == nil {
                return groups[declaration].permissions
            }
            return index.groupsByID[id]?.permissions ?? []
        case .planned(let name):
            return groupDeclarationByName[ExactName(name)].map { groups[$0].permissions } ?? []
        }
    }

    /// The name of the group a reference points at.
    func groupName(of reference: GroupReference) -> String {
        switch reference {
        case .live(let id): index.groupName(id)
        case .planned(let name): name
        }
    }

    /// Numbers the non-empty phases densely from 1, orders each step by address, and makes the plan.
    mutating func finish() -> PlanningResult {
        // Small sort keys are sorted rather than the large actions themselves.
        let keys = pending.map { ($0.phase.rawValue, $0.action.address, $0.action.liveKey ?? "", $0.action.liveID ?? 0) }
        let order = keys.indices.sorted { left, right in
            let lhs = keys[left], rhs = keys[right]
            if lhs.0 != rhs.0 { return lhs.0 < rhs.0 }
            if lhs.1 != rhs.1 { return lhs.1 < rhs.1 }
            return (lhs.2, lhs.3) < (rhs.2, rhs.3)
        }
        var actions: [PlanAction] = []
        actions.reserveCapacity(pending.count)
        var step = 0
        var phase: Phase?
        for position in order {
            if pending[position].phase != phase {
                phase = pending[position].phase
                step += 1
            }
            var action = pending[position].action
            action.step = step
            actions.append(action)
        }
        let plan = Plan(
            target: context.target, configurationDigest: context.configurationDigest,
            liveFingerprint: Fingerprint.of(live), createdAt: context.now,
            actions: actions, unchanged: unchanged, notes: notes, clientID: context.ownClientID,
            deliveryChecked: context.delivery != nil, storeDigest: context.delivery.map(Fingerprint.of),
            withdrawnIntents: withdrawnIntents, rules: PlanRules(desired.settings, allowMassDelete: context.allowMassDelete),
            warnings: (diagnostics.filter { $0.severity != .error } + [undeclaredNote].compactMap { $0 }).map(PlanWarning.init),
            undeclared: undeclared, targets: scope?.targets, dependsOn: dependencies(of: actions))
        return PlanningResult(plan: plan, diagnostics: diagnostics)
    }

    /// Records a kept object: a note diagnostic and a line of the plan.
    mutating func keep(_ message: String, at location: SourceLocation?) {
        notes.append(message)
        diagnostics.append(.note("FRC221", message, at: location))
    }
}
