import Foundation

/// What the configuration files say the company should hold, merged from every file.
public struct DesiredState: Sendable, Equatable {
    /// The `settings` block, or the defaults when no document has one.
    public var settings: Settings
    /// The declared permission groups, in the order the files declare them.
    public var groups: [DesiredGroup]
    /// The declared OAuth consumers, in the order the files declare them.
    public var consumers: [DesiredConsumer]

    /// Every part defaults to empty (default settings, no objects): the state of an empty configuration.
    public init(settings: Settings = Settings(), groups: [DesiredGroup] = [], consumers: [DesiredConsumer] = []) {
        self.settings = settings
        self.groups = groups
        self.consumers = consumers
    }
}

/// The `settings` block.
public struct Settings: Sendable, Equatable {
    /// The default share of live objects, per kind, that a plan may delete.
    public static let defaultMaxDeletePercent = 25

    /// Delete live objects that no file declares.
    public var prune: Located<Bool>?
    /// Consumers (by name or key) never changed nor deleted.
    public var protectedConsumers: [Located<String>]
    /// Groups (by name) never changed nor deleted.
    public var protectedGroups: [Located<String>]
    /// The largest share of live objects of one kind a plan may delete without `--allow-mass-delete`.
    public var maxDeletePercent: Located<Int>?
    /// Where the `settings` block was written; nil when no document has one.
    public var location: SourceLocation?

    /// Creates settings; every argument defaults to "not written".
    public init(
        prune: Located<Bool>? = nil,
        protectedConsumers: [Located<String>] = [],
        protectedGroups: [Located<String>] = [],
        maxDeletePercent: Located<Int>? = nil,
        location: SourceLocation? = nil
    ) {
        self.prune = prune
        self.protectedConsumers = protectedConsumers
        self.protectedGroups = protectedGroups
        self.maxDeletePercent = maxDeletePercent
        self.location = location
    }

    /// Whether pruning is on (default false).
    public var prunes: Bool { prune?.value ?? false }
    /// The delete threshold in percent (default 25).
    public var deleteThresholdPercent: Int { maxDeletePercent?.value ?? Self.defaultMaxDeletePercent }
}

/// A declared permission group.
public struct DesiredGroup: Sendable, Equatable {
    /// The group's name, unique among declared groups.
    public var name: Located<String>
    /// The description; nil clears it.
    public var description: Located<String?>
    /// The permissions as written; `module:*` is expanded against the live catalog at plan time.
    public var permissions: [Located<PermissionPattern>]
    /// Names the live group may still carry (`previous_names`): a match renames it in place.
    public var previousNames: [Located<String>]
    /// Where the group's declaration starts (its `- ` item).
    public var location: SourceLocation

    /// Every value carries where it was written, so that the planner's diagnostics point into the files.
    public init(
        name: Located<String>,
        description: Located<String?>,
        permissions: [Located<PermissionPattern>],
        previousNames: [Located<String>] = [],
        location: SourceLocation
    ) {
        self.name = name
        self.description = description
        self.permissions = permissions
        self.previousNames = previousNames
        self.location = location
    }
}

/// A declared OAuth consumer.
///
/// Its fields read through `fields` (`consumer.hub`); where each was written through `location(of:)`.
@dynamicMemberLookup
public struct DesiredConsumer: Sendable, Equatable {
    /// What the declaration states, with the permission group by name (declared or live).
    public var fields: ConsumerFields<String>
    /// Where each field was written; a field left to its default points at the declaration.
    public var fieldLocations: ConsumerFieldLocations
    /// Binds the declaration to this live consumer key.
    public var key: Located<String>?
    /// Names the live consumer may still carry; matching one renames it in place.
    public var previousNames: [Located<String>]
    /// Rotate once if the live secret was issued before this instant.
    public var rotateSecretBefore: Located<Date>?
    /// Rotate whenever the live secret is older than this.
    public var maxSecretAge: Located<SecretAge>?
    /// Where the consumer's declaration starts (its `- ` item).
    public var location: SourceLocation

    /// The optional parts default to absent: no key, no previous names, no rotation rule.
    public init(
        fields: ConsumerFields<String>,
        fieldLocations: ConsumerFieldLocations,
        key: Located<String>? = nil,
        previousNames: [Located<String>] = [],
        rotateSecretBefore: Located<Date>? = nil,
        maxSecretAge: Located<SecretAge>? = nil,
        location: SourceLocation
    ) {
        self.fields = fields
        self.fieldLocations = fieldLocations
        self.key = key
        self.previousNames = previousNames
        self.rotateSecretBefore = rotateSecretBefore
        self.maxSecretAge = maxSecretAge
        self.location = location
    }

    /// One of `fields`, read as if it were the declaration's own.
    public subscript<Value>(dynamicMember path: KeyPath<ConsumerFields<String>, Value>) -> Value {
        fields[keyPath: path]
    }

    /// Where one field was written, or the declaration's start when it was left to its default.
    public func location(of field: ConsumerField) -> SourceLocation {
        fieldLocations[field]
    }
}

/// A secret's greatest allowed age, written `<N>d` or `<N>h` with N at least 1.
public struct SecretAge: Sendable, Hashable, CustomStringConvertible {
    /// The unit the age was written in.
    public enum Unit: String, Sendable, Hashable {
        /// Days of 24 hours.
        case days = "d"
        /// Hours.
        case hours = "h"
    }

    /// How many units.
    public var count: Int
    /// The unit.
    public var unit: Unit

    /// Takes `count` unchecked; `SecretAge("90d")` is the checked way in from text.
    public init(count: Int, unit: Unit) {
        self.count = count
        self.unit = unit
    }

    /// Parses `<N>d` or `<N>h` (N a whole number, at least 1); nil otherwise.
    public init?(_ text: String) {
        guard let last = text.last, let unit = Unit(rawValue: String(last)) else { return nil }
        let digits = text.dropLast()
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let count = Int(digits), count >= 1 else { return nil }
        self.init(count: count, unit: unit)
    }

    /// The age in seconds.
    public var seconds: TimeInterval {
        TimeInterval(count) * (unit == .days ? 86_400 : 3_600)
    }

    /// The age as written, for example `90d`.
    public var description: String { "\(count)\(unit.rawValue)" }
}
