import FracttalModel

/// One field line of an action as the renderers show it; values are already written as literals.
struct FieldDiff {
    /// What happens to the field.
    enum Change {
        /// A scalar value; `old` nil means the field is added, `new` nil means it is removed.
        case scalar(old: String?, new: String?)
        /// Permission codes granted and taken away.
        case codes(added: [String], removed: [String])
    }

    var field: String
    var change: Change
    var forcesReplacement = false
}

extension PlanAction {
    /// The field lines of this action: every field for a create or delete, the changed ones otherwise.
    func fieldDiffs() -> [FieldDiff] {
        switch action {
        case .create:
            return after.map { Self.fields(of: $0).map { FieldDiff(field: $0.field, change: Self.added($0.value)) } } ?? []
        case .delete:
            return before.map { Self.fields(of: $0).map { FieldDiff(field: $0.field, change: Self.removed($0.value)) } } ?? []
        case .rotateSecret:
            return []
        case .update, .replace:
            guard let before, let after else { return [] }
            let old = Dictionary(uniqueKeysWithValues: Self.fields(of: before).map { ($0.field, $0.value) })
            let new = Dictionary(uniqueKeysWithValues: Self.fields(of: after).map { ($0.field, $0.value) })
            var lines: [FieldDiff] = []
            if action == .replace, let key = before.consumer?.key {
                lines.append(FieldDiff(field: "key", change: .scalar(old: RenderedValue.string(key), new: "(new, issued on apply)"), forcesReplacement: true))
            }
            for field in changedFields {
                guard let oldValue = old[field], let newValue = new[field] else { continue }
                let change: FieldDiff.Change
                switch (oldValue, newValue) {
                case (.codes(let was), .codes(let will)):
                    let wasSet = Set(was), willSet = Set(will)
                    change = .codes(added: will.filter { !wasSet.contains($0) }, removed: was.filter { !willSet.contains($0) })
                case (.literal(let was), .literal(let will)):
                    change = .scalar(old: was, new: will)
                default:
                    continue
                }
                lines.append(FieldDiff(field: field, change: change, forcesReplacement: forcesReplacement.contains(field)))
            }
            return lines
        }
    }

    private enum Value {
        case literal(String)
        case codes([String])
    }

    private static func added(_ value: Value) -> FieldDiff.Change {
        switch value {
        case .literal(let text): .scalar(old: nil, new: text)
        case .codes(let codes): .codes(added: codes, removed: [])
        }
    }

    private static func removed(_ value: Value) -> FieldDiff.Change {
        switch value {
        case .literal(let text): .scalar(old: text, new: nil)
        case .codes(let codes): .codes(added: [], removed: codes)
        }
    }

    /// The object's fields in table order; a consumer's key first, when it has one.
    private static func fields(of state: ObjectState) -> [(field: String, value: Value)] {
        switch state {
        case .group(let group):
            return GroupField.allCases.map { ($0.key, value(group.value(of: $0))) }
        case .consumer(let consumer):
            var fields: [(field: String, value: Value)] = []
            if let key = consumer.key { fields.append(("key", .literal(RenderedValue.string(key)))) }
            fields += ConsumerField.allCases.map { ($0.key, value(consumer.fields.value(of: $0))) }
            return fields
        }
    }

    /// A field's value as the renderers write it: text quoted and escaped, a list as codes added and removed.
    private static func value(_ value: FieldValue) -> Value {
        switch value {
        case .text(let text): .literal(RenderedValue.string(text))
        case .optionalText(let text): .literal(RenderedValue.string(text))
        case .number(let number): .literal(String(number))
        case .flag(let flag): .literal(flag ? "true" : "false")
        case .list(let items): .codes(items)
        }
    }
}
