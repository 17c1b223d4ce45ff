import FracttalModel

/// What a partial plan (`--target`) covers: the targeted declarations and the declared groups their
/// consumers go to, and the targeted live objects that no file declares (which only `prune` acts on).
struct PlanScope {
    /// The addresses asked for, sorted, each once.
    var targets: [ResourceAddress]
    /// Declared groups in scope, by position in `desired.groups`.
    var groups: Set<Int> = []
    /// Declared consumers in scope, by position in `desired.consumers`.
    var consumers: Set<Int> = []
    /// Live consumers no file declares that a target names, by position in `live.consumers`.
    var liveConsumers: Set<Int> = []
    /// Live groups no file declares that a target names, by id.
    var liveGroups: Set<Int> = []
    /// The targets that name no declaration, to be looked for among the live objects once matching is done.
    var undeclaredTargets: [ResourceAddress] = []
}

extension PlanBuilder {
    /// Whether the plan covers the declared group at `position`.
    func covers(group position: Int) -> Bool { scope?.groups.contains(position) ?? true }

    /// Whether the plan covers the declared consumer at `position`.
    func covers(consumer position: Int) -> Bool { scope?.consumers.contains(position) ?? true }

    /// Whether the plan may act on the live consumer at `position` that no file declares.
    func covers(liveConsumer position: Int) -> Bool { scope?.liveConsumers.contains(position) ?? true }

    /// Whether the plan may act on the live group `id` that no file declares.
    func covers(liveGroup id: Int) -> Bool { scope?.liveGroups.contains(id) ?? true }

    /// With `--target`: puts each targeted declaration in scope, and with a consumer the declared group it
    /// goes to (created or changed before it when it must be). Targets that name no declaration wait for
    /// `resolveLiveTargets`.
    mutating func selectTargets() {
        guard !context.targets.isEmpty else { return }
        var scope = PlanScope(targets: Array(Set(context.targets)).sorted())
        let groupByName = Dictionary(
            desired.groups.enumerated().map { (ExactName($0.element.name.value), $0.offset) }, uniquingKeysWith: { first, _ in first })
        let consumerByName = Dictionary(
            desired.consumers.enumerated().map { (ExactName($0.element.name), $0.offset) }, uniquingKeysWith: { first, _ in first })
        for target in scope.targets {
            switch target.kind {
            case .group:
                if let position = groupByName[ExactName(target.name)] {
                    scope.groups.insert(position)
                    continue
                }
            case .consumer:
                if let position = consumerByName[ExactName(target.name)] {
                    scope.consumers.insert(position)
                    if let group = groupByName[ExactName(desired.consumers[position].permissionGroup)] {
                        scope.groups.insert(group)
                    }
                    continue
                }
            }
            scope.undeclaredTargets.append(target)
        }
        self.scope = scope
    }

    /// With `--target`: each target that names no declaration names the live objects of that name that no
    /// file declares; a target that names nothing declared nor live is an error, with the nearest address.
    mutating func resolveLiveTargets() {
        guard var scope, !scope.undeclaredTargets.isEmpty else { return }
        for target in scope.undeclaredTargets {
            switch target.kind {
            case .consumer:
                let named = index.consumers(named: target.name)
                let undeclared = named.filter { liveConsumers[$0].declaration == nil }
                if !undeclared.isEmpty {
                    scope.liveConsumers.formUnion(undeclared)
                } else if let declaration = named.compactMap({ liveConsumers[$0].declaration }).first {
                    let declared = ResourceAddress(.consumer, desired.consumers[declaration].name)
                    diagnostics.append(.targetNamesNothing(target, suggestion: declared, declaredAs: true))
                } else {
                    diagnostics.append(.targetNamesNothing(target, suggestion: nearestAddress(to: target), declaredAs: false))
                }
            case .group:
                let named = index.groups(named: target.name)
                let undeclared = named.filter { groupDeclarationByID[$0.id] == nil }
                if !undeclared.isEmpty {
                    scope.liveGroups.formUnion(undeclared.map(\.id))
                } else if let declaration = named.compactMap({ groupDeclarationByID[$0.id] }).first {
                    let declared = ResourceAddress(.group, desired.groups[declaration].name.value)
                    diagnostics.append(.targetNamesNothing(target, suggestion: declared, declaredAs: true))
                } else {
                    diagnostics.append(.targetNamesNothing(target, suggestion: nearestAddress(to: target), declaredAs: false))
                }
            }
        }
        scope.undeclaredTargets = []
        self.scope = scope
    }

    /// The declared or live address nearest to `target`: of its kind by spelling, else of the other kind by the same name.
    private func nearestAddress(to target: ResourceAddress) -> ResourceAddress? {
        func names(_ kind: ResourceKind) -> [String] {
            let all = switch kind {
            case .group: desired.groups.map(\.name.value) + live.groups.map(\.name)
            case .consumer: desired.consumers.map(\.name) + live.consumers.map(\.name)
            }
            var seen: Set<ExactName> = []
            return all.filter { seen.insert(ExactName($0)).inserted }
        }
        if let name = Suggestion.nearest(to: target.name, among: names(target.kind)) {
            return ResourceAddress(target.kind, name)
        }
        let other: ResourceKind = target.kind == .group ? .consumer : .group
        if names(other).contains(where: { ExactName($0) == ExactName(target.name) }) {
            return ResourceAddress(other, target.name)
        }
        return nil
    }
}

extension Diagnostic {
    static func targetNamesNothing(_ target: ResourceAddress, suggestion: ResourceAddress?, declaredAs: Bool) -> Self {
        let code: Code = "FRC227"
        let what = target.kind == .group ? "group" : "consumer"
        if declaredAs, let suggestion {
            return .error(
                code,
                "--target \(target) names a live \(what) that a file declares as \(suggestion) (previous_names or key:); target it by its declared name: --target '\(suggestion)'")
        }
        let hint = suggestion.map { "did you mean --target '\($0)'?" } ?? "name a declared or live \(what) as \(target.kind.rawValue)[\"NAME\"]"
        return .error(code, "--target \(target) names no declared or live \(what); \(hint)")
    }
}
