import FracttalModel

/// The lists of declarations under a document's root, by key.
enum DeclarationList: String, CaseIterable {
    case permissionGroups = "permission_groups"
    case consumers
}

extension DocumentReader {
    /// Reads one document's root: `version`, then `settings`, `permission_groups` and `consumers`.
    mutating func read(document root: YAMLNode, into collector: inout DeclarationCollector) {
        guard root.kind == .mapping else {
            report(.documentNotMapping(found: describe(root), at: location(of: root)))
            return
        }
        guard let fields = fields(of: root, shape: .document, field: "a document") else { return }
        if let version = fields["version"] {
            checkVersion(version.value)
        } else {
            report(.missingVersion(at: location(of: root)))
        }
        if let settings = fields["settings"] {
            readSettings(settings, into: &collector)
        }
        let groupItems = fields["permission_groups"].flatMap {
            list($0.value, field: "`permission_groups`", expected: "a list of permission groups")
        }
        let consumerItems = fields["consumers"].flatMap {
            list($0.value, field: "`consumers`", expected: "a list of consumers")
        }
        collector.reserve(groups: groupItems?.count ?? 0, consumers: consumerItems?.count ?? 0)
        for item in groupItems ?? [] {
            read(item, of: .permissionGroups, into: &collector)
        }
        for item in consumerItems ?? [] {
            read(item, of: .consumers, into: &collector)
        }
    }

    /// Reads one item of a list of declarations into the collector.
    mutating func read(_ item: YAMLNode, of list: DeclarationList, into collector: inout DeclarationCollector) {
        let problem = switch list {
        case .permissionGroups: group(item).flatMap { collector.add($0) }
        case .consumers: consumer(item).flatMap { collector.add($0) }
        }
        if let problem { report(problem) }
    }

    /// Reads an item handed over by the composer while it still composes the file, in its tree.
    mutating func read(
        handedOver item: YAMLComposer.HandedOverItem, in tree: inout YAMLTree, into collector: inout DeclarationCollector
    ) {
        guard let list = DeclarationList(rawValue: item.key) else { return }
        // The tree is lent, not copied: the composer goes on appending to it once this returns.
        swap(&self.tree, &tree)
        defer { swap(&self.tree, &tree) }
        read(self.tree[item.index], of: list, into: &collector)
    }

    private mutating func checkVersion(_ node: YAMLNode) {
        if node.kind == .scalar, meaning(of: node) == .plain(.integer), Int(node.text) == 1 {
            return
        }
        if node.kind == .scalar, case .unsupportedTag(let tag) = meaning(of: node) {
            report(.unsupportedTag(tag, at: location(of: node)))
            return
        }
        report(.unsupportedVersion(found: describe(node), at: location(of: node)))
    }

    private mutating func readSettings(_ field: Field, into collector: inout DeclarationCollector) {
        let here = location(of: field.key)
        let first = collector.settingsLocation
        if let first {
            report(.duplicateSettings(first: first, at: here))
        }
        // A second block is still checked, so that all its problems show at once, but not used.
        var settings = Settings(location: here)
        defer {
            if first == nil { collector.set(settings) }
        }
        guard let fields = fields(of: field.value, shape: .settings, field: "`settings`") else { return }
        if let prune = fields["prune"] {
            settings.prune = bool(prune.value, field: "`prune`")
        }
        if let protect = fields["protect"],
           let lists = self.fields(of: protect.value, shape: .protect, field: "`protect`") {
            if let consumers = lists["consumers"] {
                settings.protectedConsumers = names(consumers.value, field: "protect.consumers")
            }
            if let groups = lists["groups"] {
                settings.protectedGroups = names(groups.value, field: "protect.groups")
            }
        }
        if let percent = fields["max_delete_percent"],
           let value = integer(percent.value, field: "`max_delete_percent`", expected: "a whole number from 0 to 100") {
            if (0...100).contains(value.value) {
                settings.maxDeletePercent = value
            } else {
                report(.percentOutOfRange(String(value.value), at: value.location))
            }
        }
    }
}
