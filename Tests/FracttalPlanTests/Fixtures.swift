import Foundation
import FracttalModel
import FracttalPlan
import FracttalTestSupport

/// Every permission the tool may need, for the tool's own group.
let adminPermissions = [
    "security:view", "security:create", "security:edit", "security:delete",
    "api_connections:view", "api_connections:create", "api_connections:edit", "api_connections:delete",
]

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
