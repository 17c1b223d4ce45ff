import Foundation
import FracttalModel

/// Why a saved plan cannot be read.
public enum PlanFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The data is not a plan (not JSON, or `format_version` missing).
    case notAPlan
    /// The plan was written in another format version.
    case unsupportedFormatVersion(Int)
    /// The data is a version 1 plan with a missing or wrong field.
    case malformed(String)
    /// The actions do not match the digest the plan was saved with: someone edited them.
    case edited

    /// One sentence that says what is wrong and what to do.
    public var description: String {
        switch self {
        case .notAPlan:
            "this file is not a fracttal plan (no format_version); make one with `fracttal plan --out FILE`"
        case .unsupportedFormatVersion(let version):
            "this plan has format_version \(version), but this fracttal reads only format_version \(Plan.currentFormatVersion); make the plan again with this version"
        case .malformed(let detail):
            "this plan file is damaged (\(detail)); make the plan again with `fracttal plan --out FILE`"
        case .edited:
            "this plan file was edited after it was made (its actions do not match their digest); review and make the plan again with `fracttal plan --out FILE`"
        }
    }
}

extension Plan: Codable {
    private enum CodingKeys: String, CodingKey {
        case target, summary, actions, notes, warnings, undeclared
        case formatVersion = "format_version"
        case configurationDigest = "configuration_digest"
        case liveFingerprint = "live_fingerprint"
        case createdAt = "created_at"
        case clientID = "client_id"
        case deliveryChecked = "delivery_checked"
        case storeDigest = "store_digest"
        case withdrawnIntents = "withdrawn_intents"
        case rules, targets
        case dependsOn = "depends_on"
        case actionsDigest = "actions_digest"
    }

    /// Decodes the JSON form that `encode(to:)` writes.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try container.decode(Int.self, forKey: .formatVersion)
        target = try container.decode(String.self, forKey: .target)
        configurationDigest = try container.decode(String.self, forKey: .configurationDigest)
        liveFingerprint = try container.decode(String.self, forKey: .liveFingerprint)
        let created = try container.decode(String.self, forKey: .createdAt)
        guard let date = RFC3339.date(from: created) else {
            throw DecodingError.dataCorruptedError(
                forKey: .createdAt, in: container, debugDescription: "`\(created)` is not an RFC 3339 instant")
        }
        createdAt = date
        summary = try container.decode(PlanSummary.self, forKey: .summary)
        actions = try container.decode([PlanAction].self, forKey: .actions)
        notes = try container.decodeIfPresent([String].self, forKey: .notes) ?? []
        warnings = try container.decodeIfPresent([PlanWarning].self, forKey: .warnings) ?? []
        undeclared = try container.decodeIfPresent(UndeclaredObjects.self, forKey: .undeclared) ?? UndeclaredObjects()
        clientID = try container.decodeIfPresent(String.self, forKey: .clientID)
        deliveryChecked = try container.decodeIfPresent(Bool.self, forKey: .deliveryChecked) ?? false
        storeDigest = try container.decodeIfPresent(String.self, forKey: .storeDigest)
        withdrawnIntents = try container.decodeIfPresent([String].self, forKey: .withdrawnIntents) ?? []
        rules = try container.decodeIfPresent(PlanRules.self, forKey: .rules)
        if let texts = try container.decodeIfPresent([String].self, forKey: .targets) {
            targets = try texts.map { text in
                guard let address = ResourceAddress(parsing: text) else {
                    throw DecodingError.dataCorruptedError(forKey: .targets, in: container, debugDescription: "`\(text)` is not an address")
                }
                return address
            }
        } else {
            targets = nil
        }
        dependsOn = try container.decodeIfPresent(PlanDependencies.self, forKey: .dependsOn)
    }

    /// Encodes the JSON form of a saved plan, with explicit nulls.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(formatVersion, forKey: .formatVersion)
        try container.encode(target, forKey: .target)
        try container.encode(configurationDigest, forKey: .configurationDigest)
        try container.encode(liveFingerprint, forKey: .liveFingerprint)
        try container.encode(PlanDate.format(createdAt), forKey: .createdAt)
        try container.encode(summary, forKey: .summary)
        try container.encode(actions, forKey: .actions)
        try container.encode(notes, forKey: .notes)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(undeclared, forKey: .undeclared)
        try container.encode(clientID, forKey: .clientID)
        try container.encode(deliveryChecked, forKey: .deliveryChecked)
        try container.encode(storeDigest, forKey: .storeDigest)
        try container.encode(withdrawnIntents, forKey: .withdrawnIntents)
        try container.encode(rules, forKey: .rules)
        try container.encode(targets?.map(\.description), forKey: .targets)
        try container.encode(dependsOn, forKey: .dependsOn)
        try container.encode(actionsDigest, forKey: .actionsDigest)
    }

    /// The digest of the actions as saved, so that a plan whose actions were edited is refused as edited.
    /// When the plan records its dependencies it also covers every member apply acts on or checks by:
    /// the targets, the dependencies, the rules, the client id, and the store's digest and withdrawn marks
    /// (an edited `withdrawn_intents` would otherwise withdraw a pending mark and lose its delivery).
    public var actionsDigest: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = (try? encoder.encode(actions)) ?? Data()
        if let dependsOn {
            // Plans saved before dependencies were recorded keep the digest of their actions alone.
            data.append(contentsOf: (try? encoder.encode(dependsOn)) ?? Data())
            data.append(contentsOf: (try? encoder.encode(targets?.map(\.description))) ?? Data())
            data.append(contentsOf: (try? encoder.encode(rules)) ?? Data())
            data.append(contentsOf: (try? encoder.encode([clientID, storeDigest, deliveryChecked ? "checked" : nil])) ?? Data())
            data.append(contentsOf: (try? encoder.encode(withdrawnIntents)) ?? Data())
        }
        return Fingerprint.of(data: data)
    }

    /// The plan as pretty JSON with sorted keys, ending in a newline; the same plan always gives the same bytes.
    public func encodedJSON() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Every value is a plain string, number, bool, array or object: encoding cannot fail.
        var data = (try? encoder.encode(self)) ?? Data()
        data.append(0x0A)
        return data
    }

    /// Reads a saved plan; throws `PlanFileError` for anything but a well-formed version 1 plan.
    public static func decode(from data: Data) throws -> Plan {
        struct VersionProbe: Decodable {
            var format_version: Int?
        }
        guard let probe = try? JSONDecoder().decode(VersionProbe.self, from: data),
              let version = probe.format_version else {
            throw PlanFileError.notAPlan
        }
        guard version == currentFormatVersion else { throw PlanFileError.unsupportedFormatVersion(version) }
        struct DigestProbe: Decodable {
            var actions_digest: String?
        }
        let plan: Plan
        do {
            plan = try JSONDecoder().decode(Plan.self, from: data)
        } catch let error as DecodingError {
            throw PlanFileError.malformed(PlanFileError.describe(error))
        }
        guard (try? JSONDecoder().decode(DigestProbe.self, from: data))?.actions_digest == plan.actionsDigest else {
            throw PlanFileError.edited
        }
        return plan
    }
}

/// Instants as plans write them: whole seconds, or milliseconds when there are any.
enum PlanDate {
    static func format(_ date: Date) -> String {
        RFC3339.string(from: date, fractionalSeconds: .millisecondsWhenPresent)
    }
}

extension PlanFileError {
    /// A decoding error in a plan file's words: what is wrong, and at which key path.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "" : " at \(keys.hasPrefix(".") ? String(keys.dropFirst()) : keys)"
        }
        switch error {
        case .keyNotFound(let key, let context): return "`\(key.stringValue)` is missing\(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(context.debugDescription)\(path(context))"
        @unknown default: return "\(error)"
        }
    }
}
