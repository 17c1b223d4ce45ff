/// Where each field of one declaration was written; a field left to its default points at the declaration.
///
/// The places are held in line (`count` of them, one per field), so that a configuration of many
/// declarations makes no allocation per declaration for them. `count` must be `Field.allCases.count`.
public struct FieldLocations<Field: RawRepresentable & CaseIterable, let count: Int>: Sendable, Equatable
where Field.RawValue == Int {
    private var locations: InlineArray<count, SourceLocation>

    /// Every field at `location`, until it is set.
    public init(default location: SourceLocation) {
        precondition(Field.allCases.count == count, "FieldLocations of \(Field.self) needs a count of \(Field.allCases.count)")
        locations = InlineArray(repeating: location)
    }

    /// The place of one field.
    public subscript(field: Field) -> SourceLocation {
        get { locations[field.rawValue] }
        set { locations[field.rawValue] = newValue }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.locations.indices.allSatisfy { lhs.locations[$0] == rhs.locations[$0] }
    }
}
