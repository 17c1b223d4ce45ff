import Foundation
import FracttalModel
import FracttalPlan

/// The file every test declaration lives in.
let file = "fracttal.yaml"

/// A location in the test file.
func at(_ line: Int, _ column: Int) -> FracttalModel.SourceLocation {
    FracttalModel.SourceLocation(file: file, line: line, column: column)
}

/// The plan's own time in tests: 2026-05-01T12:00:00Z.
let now = Date(timeIntervalSince1970: 1_777_636_800)

/// A day in seconds.
let day: TimeInterval = 86_400

/// The sandbox's permission catalog.
let sandboxCatalog = PermissionCatalog(codes: [
    "assets", "work_orders", "work_requests", "tasks", "meters", "warehouses", "purchases",
    "human_resources", "third_parties", "documents", "reports", "calendar", "security", "api_connections",
].flatMap { module in
    (module == "reports" ? ["view"] : ["view", "create", "edit", "delete"]).map { PermissionCode(module: module, action: $0) }
})

/// Codes from text.
func codes(_ texts: [String]) -> Set<PermissionCode> {
    Set(texts.map { PermissionCode($0)! })
}

/// Every permission the tool may need, for the tool's own group.
let adminPermissions = [
    "security:view", "security:create", "security:edit", "security:delete",
    "api_connections:view", "api_connections:create", "api_connections:edit", "api_connections:delete",
]

/// A declared group at `line`: name at (line, 9), description at (line+1, 18), permission i at (line+2+i, 9).
func declaredGroup(_ name: String, _ permissions: [String], description: String? = nil, line: Int) -> DesiredGroup {
    DesiredGroup(
        name: Located(name, at: at(line, 9)),
        description: Located(description, at: description == nil ? at(line, 3) : at(line + 1, 18)),
        permissions: permissions.enumerated().map { Located(PermissionPattern($1)!, at: at(line + 2 + $0, 9)) },
        location: at(line, 3))
}

/// A declared consumer at `line`; each field on its own line: name (line, 11), description +1, grant_type +2,
/// permission_group +3, redirect_uri +4, hub +5, key +6, previous_names +7 (column 22 + 10 i),
/// rotate_secret_before +8, max_secret_age +9, each value at column 20.
func declaredConsumer(
    _ name: String, group: String, line: Int, description: String? = nil, grantType: GrantType = .clientCredentials,
    redirectURI: String? = nil, hub: Bool = false, key: String? = nil, previousNames: [String] = [],
    rotateSecretBefore: Date? = nil, maxSecretAge: String? = nil
) -> DesiredConsumer {
    DesiredConsumer(
        name: Located(name, at: at(line, 11)),
        description: Located(description, at: at(line + 1, 20)),
        grantType: Located(grantType, at: at(line + 2, 20)),
        permissionGroup: Located(group, at: at(line + 3, 20)),
        redirectURI: Located(redirectURI, at: at(line + 4, 20)),
        hub: Located(hub, at: at(line + 5, 20)),
        key: key.map { Located($0, at: at(line + 6, 20)) },
        previousNames: previousNames.enumerated().map { Located($1, at: at(line + 7, 22 + 10 * $0)) },
        rotateSecretBefore: rotateSecretBefore.map { Located($0, at: at(line + 8, 20)) },
        maxSecretAge: maxSecretAge.map { Located(SecretAge($0)!, at: at(line + 9, 20)) },
        location: at(line, 5))
}

/// A live group.
func liveGroup(_ id: Int, _ name: String, _ permissions: [String] = [], description: String? = nil, isDefault: Bool = false, accounts: Int = 0) -> LiveGroup {
    LiveGroup(id: id, name: name, description: description, permissions: codes(permissions), isDefault: isDefault, accountsCount: accounts)
}

/// A live consumer whose secret was issued `secretAgeDays` before `now`.
func liveConsumer(
    _ key: String, _ name: String, group: Int, description: String? = nil, grantType: GrantType = .clientCredentials,
    redirectURI: String? = nil, hub: Bool = false, secretAgeDays: Double = 10
) -> LiveConsumer {
    LiveConsumer(
        key: key, name: name, description: description, grantType: grantType, groupID: group, redirectURI: redirectURI,
        hubEnabled: hub, secretCreatedAt: now.addingTimeInterval(-secretAgeDays * day))
}

/// One planning problem: declarations, settings, live state and the tool's identity.
struct Scenario {
    var groups: [DesiredGroup] = []
    var consumers: [DesiredConsumer] = []
    var settings = Settings()
    var liveGroups: [LiveGroup] = []
    var liveConsumers: [LiveConsumer] = []
    var ownClientID: String?
    var allowMassDelete = false
    var delivery: DeliveryRecord?
    /// `--target`: empty for a whole plan.
    var targets: [ResourceAddress] = []

    var live: LiveState { LiveState(groups: liveGroups, consumers: liveConsumers, catalog: sandboxCatalog) }
    var desired: DesiredState { DesiredState(settings: settings, groups: groups, consumers: consumers) }

    func plan() -> PlanningResult {
        Planner.plan(
            desired: desired, live: live,
            context: PlanningContext(
                target: "https://acme.example/api", configurationDigest: "0123456789abcdef",
                ownClientID: ownClientID, now: now, allowMassDelete: allowMassDelete, delivery: delivery, targets: targets))
    }
}

/// Settings with prune on, written at line 2.
func pruning(protectConsumers: [String] = [], protectGroups: [String] = [], maxDeletePercent: Int? = nil) -> Settings {
    Settings(
        prune: Located(true, at: at(2, 10)),
        protectedConsumers: protectConsumers.enumerated().map { Located($1, at: at(4, 18 + 12 * $0)) },
        protectedGroups: protectGroups.enumerated().map { Located($1, at: at(5, 15 + 12 * $0)) },
        maxDeletePercent: maxDeletePercent.map { Located($0, at: at(6, 23)) },
        location: at(1, 1))
}

extension PlanningResult {
    /// Every diagnostic as printed: `file:line:column: severity: message [code]`.
    var messages: [String] { diagnostics.map(\.description) }
    /// The error diagnostics as printed.
    var errors: [String] { diagnostics.filter { $0.severity == .error }.map(\.description) }
    /// Every diagnostic as `severity code at file:line:column`: what tests compare instead of the wording.
    var findings: [String] { diagnostics.map(\.finding) }
    /// The error diagnostics as `error code at file:line:column`.
    var errorFindings: [String] { diagnostics.filter { $0.severity == .error }.map(\.finding) }
    /// Whether every value (a key, a suggestion, a list of codes) appears in some diagnostic's message.
    func mentions(_ values: String...) -> Bool {
        values.allSatisfy { value in diagnostics.contains { $0.message.contains(value) } }
    }
    /// The actions as `step action address`, for compact comparisons.
    var outline: [String] { plan.actions.map { "\($0.step) \($0.action.rawValue) \($0.address)" } }
}

extension Diagnostic {
    /// `error FRC201 at file:line:column` (or `at no place`).
    var finding: String { "\(severity.rawValue) \(code) at \(location?.description ?? "no place")" }
}
