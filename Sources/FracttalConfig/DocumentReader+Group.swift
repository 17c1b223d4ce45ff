import FracttalModel

extension DocumentReader {
    /// Reads one item of `permission_groups`; nil when it has no usable name.
    mutating func group(_ node: YAMLNode) -> DesiredGroup? {
        guard let fields = fields(of: node, shape: .group, field: "each item of `permission_groups`") else { return nil }
        let here = location(of: node)
        var name: Located<String>?
        if let field = fields["name"] {
            name = self.name(field.value, field: "`name`")
        } else {
            report(.missingField("name", in: "permission group", hint: "add its name", at: here))
        }
        let description = description(fields["description"], default: here)
        var permissions: [Located<PermissionPattern>] = []
        if let field = fields["permissions"] {
            permissions = self.permissions(field.value)
        }
        let previousNames = fields["previous_names"].map { names($0.value, field: "previous_names") } ?? []
        guard let name else { return nil }
        return DesiredGroup(name: name, description: description, permissions: permissions, previousNames: previousNames, location: here)
    }

    /// Reads `permissions`: codes of the form `module:action` or `module:*`, each once.
    private mutating func permissions(_ node: YAMLNode) -> [Located<PermissionPattern>] {
        guard let items = list(node, field: "`permissions`", expected: "a list of permission codes") else { return [] }
        var result: [Located<PermissionPattern>] = []
        var seen: [PermissionPattern: SourceLocation] = [:]
        var everyAction: [String: PermissionPattern] = [:]
        for item in items {
            guard let text = string(item, field: "each item of `permissions`") else { continue }
            guard let pattern = PermissionPattern(text.value) else {
                report(.invalidPermission(Self.shorten(text.value), at: text.location))
                continue
            }
            if let first = seen[pattern] {
                report(.repeatedPermission(pattern.description, first: first, at: text.location))
                continue
            }
            seen[pattern] = text.location
            if case .everyAction(let module) = pattern { everyAction[module] = pattern }
            result.append(Located(pattern, at: text.location))
        }
        for permission in result {
            if case .code(let code) = permission.value, let wildcard = everyAction[code.module] {
                report(.permissionCovered(code.description, by: wildcard.description, at: permission.location))
            }
        }
        return result
    }
}
