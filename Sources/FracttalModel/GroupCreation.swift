/// What a create call left on the server.
///
/// A create whose answer was lost may still have taken effect; the client then finds the new
/// object by re-reading and "adopts" it. An adopted consumer's secret was never seen, so the
/// caller must rotate it to deliver one.
public enum GroupCreation: Sendable, Hashable {
    /// The server answered with the new group.
    case created(LiveGroup)
    /// The answer was lost; the group was found by re-reading.
    case adopted(LiveGroup)

    /// The group, however it was obtained.
    public var group: LiveGroup {
        switch self {
        case .created(let group), .adopted(let group): group
        }
    }
}
