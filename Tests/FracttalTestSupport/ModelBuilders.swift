import Foundation
import FracttalModel

// Builders of the model's values, shared by the test targets: declarations with the positions a
// YAML file would give them, and live objects with only what a test needs spelled out.

/// The file every built declaration lives in.
public let testFile = "fracttal.yaml"

/// A location in `testFile`.
public func at(_ line: Int, _ column: Int) -> FracttalModel.SourceLocation {
    FracttalModel.SourceLocation(file: testFile, line: line, column: column)
}

/// The tests' "now": 2026-05-01T12:00:00Z.
public let now = Date(timeIntervalSince1970: 1_777_636_800)

/// A day in seconds.
public let day: TimeInterval = 86_400

/// The sandbox's permission catalog.
public let sandboxCatalog = PermissionCatalog(codes: [
    "assets", "work_orders", "work_requests", "tasks", "meters", "warehouses", "purchases",
    "human_resources", "third_parties", "documents", "reports", "calendar", "security", "api_connections",
].flatMap { module in
    (module == "reports" ? ["view"] : ["view", "create", "edit", "delete"]).map { PermissionCode(module: module, action: $0) }
})

/// Codes from text.
public func codes(_ texts: [String]) -> Set<PermissionCode> {
    Set(texts.map { PermissionCode($0)! })
}

/// A declared group at `line`: name at (line, 9), description at (line+1, 18), permission i at (line+2+i, 9).
public func declaredGroup(_ name: String, _ permissions: [String], description: String? = nil, line: Int) -> DesiredGroup {
    DesiredGroup(
        name: Located(name, at: at(line, 9)),
        description: Located(description, at: description == nil ? at(line, 3) : at(line + 1, 18)),
        permissions: permissions.enumerated().map { Located(PermissionPattern($1)!, at: at(line + 2 + $0, 9)) },
        location: at(line, 3))
}

/// A declared consumer at `line`; each field on its own line: name (line, 11), description +1, grant_type +2,
/// permission_group +3, redirect_uri +4, hub +5, key +6, previous_names +7 (column 22 + 10 i),
/// rotate_secret_before +8, max_secret_age +9, each value at column 20.
public func declaredConsumer(
    _ name: String, group: String, line: Int, description: String? = nil, grantType: GrantType = .clientCredentials,
    redirectURI: String? = nil, hub: Bool = false, key: String? = nil, previousNames: [String] = [],
    rotateSecretBefore: Date? = nil, maxSecretAge: String? = nil
) -> DesiredConsumer {
    var locations = ConsumerFieldLocations(default: at(line, 5))
    locations[.name] = at(line, 11)
    locations[.description] = at(line + 1, 20)
    locations[.grantType] = at(line + 2, 20)
    locations[.permissionGroup] = at(line + 3, 20)
    locations[.redirectURI] = at(line + 4, 20)
    locations[.hub] = at(line + 5, 20)
    return DesiredConsumer(
        fields: ConsumerFields(
            name: name, description: description, grantType: grantType, permissionGroup: group,
            redirectURI: redirectURI, hub: hub),
        fieldLocations: locations,
        key: key.map { Located($0, at: at(line + 6, 20)) },
        previousNames: previousNames.enumerated().map { Located($1, at: at(line + 7, 22 + 10 * $0)) },
        rotateSecretBefore: rotateSecretBefore.map { Located($0, at: at(line + 8, 20)) },
        maxSecretAge: maxSecretAge.map { Located(SecretAge($0)!, at: at(line + 9, 20)) },
        location: at(line, 5))
}

/// A live group.
public func liveGroup(
    _ id: Int, _ name: String, _ permissions: [String] = [], description: String? = nil, isDefault: Bool = false, accounts: Int = 0
) -> LiveGroup {
    LiveGroup(id: id, name: name, description: description, permissions: codes(permissions), isDefault: isDefault, accountsCount: accounts)
}

/// A live consumer whose secret was issued `secretAgeDays` before `now`, or at `secretCreatedAt` when given.
public func liveConsumer(
    _ key: String, _ name: String, group: Int, description: String? = nil, grantType: GrantType = .clientCredentials,
    redirectURI: String? = nil, hub: Bool = false, secretAgeDays: Double = 10, secretCreatedAt: Date? = nil
) -> LiveConsumer {
    LiveConsumer(
        key: key,
        fields: ConsumerFields(
            name: name, description: description, grantType: grantType, permissionGroup: group, redirectURI: redirectURI, hub: hub),
        secretCreatedAt: secretCreatedAt ?? now.addingTimeInterval(-secretAgeDays * day))
}
