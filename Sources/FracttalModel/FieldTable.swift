/// The values of one resource's fields, named by a `Field` enum that lists each field once.
public protocol FieldTable {
    /// The resource's fields, in the order the configuration language lists them.
    associatedtype Field: CaseIterable

    /// Whether one field differs from `other`'s.
    func differs(in field: Field, from other: Self) -> Bool
}

extension FieldTable {
    /// The fields that differ from `other`, in table order.
    public func changedFields(from other: Self) -> [Field] {
        Field.allCases.filter { differs(in: $0, from: other) }
    }
}
