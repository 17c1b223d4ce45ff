/// Which group a created, updated or replacing consumer goes to, as the applier resolves it.
public enum GroupReference: Sendable, Hashable, Codable {
    /// A live group, by its server id.
    case live(id: Int)
    /// A group this plan creates in an earlier step, by its name (unique among declared groups).
    case planned(name: String)

    private enum CodingKeys: String, CodingKey {
        case id, planned
    }

    /// Decodes the JSON form that `encode(to:)` writes.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let id = try container.decodeIfPresent(Int.self, forKey: .id) {
            self = .live(id: id)
        } else if let name = try container.decodeIfPresent(String.self, forKey: .planned) {
            self = .planned(name: name)
        } else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "a group reference needs `id` or `planned`"))
        }
    }

    /// Encodes `{"id": 12}` or `{"planned": "NAME"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .live(let id): try container.encode(id, forKey: .id)
        case .planned(let name): try container.encode(name, forKey: .planned)
        }
    }
}
