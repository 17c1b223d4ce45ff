import FracttalModel

/// The planner's passes, in the order `PlanBuilder.build()` runs them. Each reads the inputs and what the
/// passes above it decided, and adds its own decisions, actions and diagnostics; none reads what a later one decides.
enum PlanPass: CaseIterable {
    /// With `--target`: puts the targeted declarations in scope, with the declared groups their consumers go to.
    case selectTargets
    /// Warns about `settings.protect` entries that name nothing live nor declared.
    case checkProtectEntries
    /// Expands each declared group's permissions (`module:*` too) against the live catalog; an unknown code is an error.
    case expandGroupPermissions
    /// Matches each declared group with the one live group of its name; several of that name are an error.
    case matchGroups
    /// Matches each declared consumer by key, else name, else previous name; a live consumer goes to one declaration.
    case matchConsumers
    /// With `--target`: resolves the targets no file declares to live objects; one that names nothing is an error.
    case resolveLiveTargets
    /// Resolves each consumer's `permission_group` to a declared group or the one live group of that name.
    case resolveConsumerGroups
    /// Plans group creates and updates (phase 1), and refuses to strip the tool's own group.
    case planGroups
    /// Plans consumer creates, updates and replacements (phase 2) and due rotations (phase 3).
    case planConsumers
    /// With `settings.prune`, plans deletes of the undeclared live objects (phases 4 and 5) except the kept ones;
    /// with `--target`, only of the targeted ones.
    case planPrune
    /// Reads the secret store's record: rotates secrets an interrupted delivery left unstored or that were
    /// changed outside this tool (phase 3), withdraws marks whose call never took effect.
    case planDeliveries
    /// Predicts the server's refusal (409) of each planned group delete.
    case checkGroupDeletes
    /// Refuses deleting more than `max_delete_percent` of a kind, unless mass deletes are allowed.
    case checkMassDelete
    /// Checks that the tool's own group grants what each action needs at the time it runs.
    case checkOwnPermissions
    /// Warns when a declared consumer will share its name with a live consumer that no declaration matches.
    case warnNameCollisions
    /// Warns when a created consumer has an undeclared live twin that differs only by name (`previous_names`?).
    case warnRenamedTwins
    /// Without `prune` and `--target`, lists the live objects no file declares (the plan notes their count).
    case noteUndeclared
}

extension PlanBuilder {
    /// Runs one pass.
    mutating func run(_ pass: PlanPass) {
        switch pass {
        case .selectTargets: selectTargets()
        case .checkProtectEntries: checkProtectEntries()
        case .expandGroupPermissions: expandGroupPermissions()
        case .matchGroups: matchGroups()
        case .matchConsumers: matchConsumers()
        case .resolveLiveTargets: resolveLiveTargets()
        case .resolveConsumerGroups: resolveConsumerGroups()
        case .planGroups: planGroups()
        case .planConsumers: planConsumers()
        case .planPrune: if desired.settings.prunes { planPrune() }
        case .planDeliveries: planDeliveries()
        case .checkGroupDeletes: checkGroupDeletes()
        case .checkMassDelete: checkMassDelete()
        case .checkOwnPermissions: checkOwnPermissions()
        case .warnNameCollisions: warnNameCollisions()
        case .warnRenamedTwins: warnRenamedTwins()
        case .noteUndeclared: noteUndeclared()
        }
    }
}
