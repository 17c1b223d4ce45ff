/// One field of a JSON request body as it arrived: absent, `null`, a value of the expected
/// type, or a value of another type. Request bodies are read field by field so that every
/// broken rule can be reported at once (a plain `Decodable` stops at the first).
package enum JSONField<Value: Codable & Hashable & Sendable>: Hashable, Sendable {
    case missing
    case null
    case value(Value)
    case wrongType

    /// The value, when the field holds one of the expected type.
    var value: Value? {
        if case .value(let value) = self { value } else { nil }
    }
}

/// A coding key for any field name.
struct AnyCodingKey: CodingKey, Hashable, Sendable {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) { self.stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension KeyedDecodingContainer where Key == AnyCodingKey {
    /// Reads one field without throwing: absent, null, a value, or of the wrong type.
    func field<Value>(_ name: WireField, as type: Value.Type = Value.self) -> JSONField<Value> {
        let key = name.key
        guard contains(key) else { return .missing }
        if (try? decodeNil(forKey: key)) == true { return .null }
        if let value = try? decode(Value.self, forKey: key) { return .value(value) }
        return .wrongType
    }

    /// The field names present that are not among `known`, sorted.
    func unknownFields(known: Set<WireField>) -> [String] {
        let knownNames = Set(known.map(\.rawValue))
        return allKeys.map(\.stringValue).filter { !knownNames.contains($0) }.sorted()
    }
}

extension KeyedEncodingContainer where Key == AnyCodingKey {
    /// Writes a field as it arrived (absent fields and wrongly typed ones are left out).
    mutating func encode<Value>(_ field: JSONField<Value>, as name: WireField) throws {
        switch field {
        case .missing, .wrongType: break
        case .null: try encodeNil(forKey: name.key)
        case .value(let value): try encode(value, forKey: name.key)
        }
    }
}
