import FracttalModel

/// The live groups an export declares, and what consumers need to know about the others.
struct GroupSelection {
    /// The groups to declare, in live order.
    private(set) var declared: [LiveGroup] = []
    /// The ids of live groups whose name the files can write, declared or not: a consumer may name them.
    private(set) var writableNames: Set<Int> = []
    /// Every name that several live groups share, with their ids in ascending order. Names compare
    /// exactly, as the planner and the server compare them.
    private(set) var sharedNames: [ExactName: [Int]] = [:]

    /// Chooses the groups to declare; a note for each one left out.
    init(_ live: LiveState, notes: inout [String]) {
        let catalog = Set(live.catalog.codes)
        var byName: [ExactName: [LiveGroup]] = [:]
        for group in live.groups {
            byName[ExactName(group.name), default: []].append(group)
        }
        // Among groups of one name, the lowest id whose name can be written is the one declared.
        var firstByName: [ExactName: Int] = [:]
        for group in live.groups where ExportCheck.name(group.name) == nil {
            writableNames.insert(group.id)
            let name = ExactName(group.name)
            firstByName[name] = min(firstByName[name] ?? group.id, group.id)
        }
        for group in live.groups {
            if let reason = ExportCheck.name(group.name) {
                notes.append(ExportNote.groupLeftOut(group, reason))
                continue
            }
            let name = ExactName(group.name)
            if let same = byName[name], same.count > 1 {
                sharedNames[name] = same.map(\.id).sorted()
                if let first = firstByName[name], first != group.id {
                    notes.append(ExportNote.groupLeftOut(group, .groupNameTaken(byID: first)))
                    continue
                }
            }
            if let reason = ExportCheck.description(group.description) ?? Self.permissionProblem(group, catalog: catalog) {
                notes.append(ExportNote.groupLeftOut(group, reason))
                continue
            }
            declared.append(group)
        }
    }

    /// Codes that no declaration can grant: not in the catalog, or not of the `module:action` form.
    private static func permissionProblem(_ group: LiveGroup, catalog: Set<PermissionCode>) -> ExportNote.Reason? {
        let unwritable = group.permissions.filter { code in
            !catalog.contains(code) || PermissionCode(code.description) != code
        }
        return unwritable.isEmpty ? nil : .unknownPermissions(unwritable.sorted().map(\.description))
    }

    /// `permission_groups:` and one item per declared group.
    var body: String {
        ConfigurationExporter.list("permission_groups", items: declared.map(Self.item))
    }

    /// One group: name, description unless null, then its exact codes in sorted order.
    private static func item(_ group: LiveGroup) -> [String] {
        var lines = ["  - name: \(YAMLScalar.render(group.name))"]
        if let description = group.description {
            lines.append("    description: \(YAMLScalar.render(description))")
        }
        let codes = group.permissions.sorted()
        if codes.isEmpty {
            lines.append("    permissions: []")
        } else {
            lines.append("    permissions:")
            lines += codes.map { "      - \(YAMLScalar.render($0.description))" }
        }
        return lines
    }
}
