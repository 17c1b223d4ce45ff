import FracttalModel

/// One change of a plan: what happens to which object, at which step, and what the applier needs to do it.
public struct PlanAction: Sendable, Hashable {
    /// The object's address: the declared name, or the live one for objects no file declares.
    public var address: ResourceAddress
    /// What the plan does to the object.
    public var action: ActionType
    /// The 1-based step; every action of a step is independent of the others in it.
    public var step: Int
    /// The object as it is live, or nil for a create.
    public var before: ObjectState?
    /// The object as it will be, or nil for a delete.
    public var after: ObjectState?
    /// The configuration fields that differ, in a fixed order (name, description, permissions, grant_type, permission_group, redirect_uri, hub).
    public var changedFields: [String]
    /// The fields whose change forces the replacement (`grant_type`), or empty.
    public var forcesReplacement: [String]
    /// Why, in words; for display only.
    public var reason: String
    /// The live group id this action acts on (group update and delete).
    public var liveID: Int?
    /// The live consumer key this action acts on (consumer update, replace, rotate_secret, delete).
    public var liveKey: String?
    /// The fingerprint of the live object this action acts on, as the plan saw it.
    public var liveFingerprint: String?
    /// The group a created, updated or replacing consumer goes to.
    public var groupRef: GroupReference?

    /// `before` is nil for a create, `after` for a delete; the `live…` values name the live object acted on.
    public init(
        address: ResourceAddress, action: ActionType, step: Int = 0, before: ObjectState?, after: ObjectState?,
        changedFields: [String] = [], forcesReplacement: [String] = [], reason: String,
        liveID: Int? = nil, liveKey: String? = nil, liveFingerprint: String? = nil, groupRef: GroupReference? = nil
    ) {
        self.address = address
        self.action = action
        self.step = step
        self.before = before
        self.after = after
        self.changedFields = changedFields
        self.forcesReplacement = forcesReplacement
        self.reason = reason
        self.liveID = liveID
        self.liveKey = liveKey
        self.liveFingerprint = liveFingerprint
        self.groupRef = groupRef
    }

    /// The kind of object acted on.
    public var kind: ResourceKind { address.kind }

    /// The fields a group create or update sends, taken from `after`.
    public var groupFields: GroupFields? {
        after?.group
    }

    /// The fields a consumer create, update or replacement sends, with the group's id resolved by the applier.
    public func consumerFields(groupID: Int) -> ConsumerFields<Int>? {
        after?.consumer?.fields.with(group: groupID)
    }
}

extension PlanAction: Codable {
    private enum CodingKeys: String, CodingKey {
        case address, kind, action, step, before, after, reason
        case changedFields = "changed_fields"
        case forcesReplacement = "forces_replacement"
        case liveID = "live_id"
        case liveKey = "live_key"
        case liveFingerprint = "live_fingerprint"
        case groupRef = "group_ref"
    }

    /// Decodes the JSON form that `encode(to:)` writes.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(ResourceKind.self, forKey: .kind)
        let addressText = try container.decode(String.self, forKey: .address)
        guard let address = ResourceAddress(parsing: addressText), address.kind == kind else {
            throw DecodingError.dataCorruptedError(
                forKey: .address, in: container, debugDescription: "`\(addressText)` is not a \(kind.rawValue) address")
        }
        self.address = address
        action = try container.decode(ActionType.self, forKey: .action)
        step = try container.decode(Int.self, forKey: .step)
        before = try Self.decodeState(kind, forKey: .before, in: container)
        after = try Self.decodeState(kind, forKey: .after, in: container)
        changedFields = try container.decode([String].self, forKey: .changedFields)
        forcesReplacement = try container.decodeIfPresent([String].self, forKey: .forcesReplacement) ?? []
        reason = try container.decodeIfPresent(String.self, forKey: .reason) ?? ""
        liveID = try container.decodeIfPresent(Int.self, forKey: .liveID)
        liveKey = try container.decodeIfPresent(String.self, forKey: .liveKey)
        liveFingerprint = try container.decodeIfPresent(String.self, forKey: .liveFingerprint)
        groupRef = try container.decodeIfPresent(GroupReference.self, forKey: .groupRef)
    }

    private static func decodeState(
        _ kind: ResourceKind, forKey key: CodingKeys, in container: KeyedDecodingContainer<CodingKeys>
    ) throws -> ObjectState? {
        guard container.contains(key), try !container.decodeNil(forKey: key) else { return nil }
        return try ObjectState.decode(kind, from: container.superDecoder(forKey: key))
    }

    /// Encodes the JSON form of a saved plan, with explicit nulls.
    public func encode(to encoder: any Encoder) throws {
        // Every key is written, with null where it does not apply, so the shape never varies.
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(address.description, forKey: .address)
        try container.encode(kind, forKey: .kind)
        try container.encode(action, forKey: .action)
        try container.encode(step, forKey: .step)
        try container.encode(before, forKey: .before)
        try container.encode(after, forKey: .after)
        try container.encode(changedFields, forKey: .changedFields)
        try container.encode(forcesReplacement, forKey: .forcesReplacement)
        try container.encode(reason, forKey: .reason)
        try container.encode(liveID, forKey: .liveID)
        try container.encode(liveKey, forKey: .liveKey)
        try container.encode(liveFingerprint, forKey: .liveFingerprint)
        try container.encode(groupRef, forKey: .groupRef)
    }
}
