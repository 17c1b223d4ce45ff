/// A value together with where it was written.
///
/// A value the user omitted carries the location of the object that omitted it,
/// so a message about a default still points somewhere useful.
public struct Located<Value: Sendable>: Sendable {
    /// The value.
    public var value: Value
    /// Where the value was written.
    public var location: SourceLocation

    /// For a value the user omitted, pass the location of the object that omitted it.
    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
