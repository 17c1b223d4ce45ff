/// Where each field of one declaration was written; a field left to its default points at the declaration.
public struct FieldLocations<Field: RawRepresentable & CaseIterable>: Sendable, Equatable where Field.RawValue == Int {
    private var locations: [SourceLocation]

    /// Every field at `location`, until it is set.
    public init(default location: SourceLocation) {
        locations = Array(repeating: location, count: Field.allCases.count)
    }

    /// The place of one field.
    public subscript(field: Field) -> SourceLocation {
        get { locations[field.rawValue] }
        set { locations[field.rawValue] = newValue }
    }
}
