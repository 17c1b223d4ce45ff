import Foundation
import FracttalApply
import FracttalModel
import FracttalPlan
import FracttalTestSupport
import Synchronization

/// Plan actions as the planner makes them, for hand-built plans.
enum Fixture {
    static let viewAssets = [PermissionCode(module: "assets", action: "view")]

    static func groupCreate(_ name: String, step: Int = 1) -> PlanAction {
        PlanAction(
            address: ResourceAddress(.group, name), action: .create, step: step, before: nil,
            after: .group(GroupFields(name: name, description: nil, permissions: viewAssets)), reason: "test")
    }

    static func groupUpdate(_ name: String, id: Int, step: Int = 1) -> PlanAction {
        PlanAction(
            address: ResourceAddress(.group, name), action: .update, step: step,
            before: .group(GroupFields(name: name, description: nil, permissions: [])),
            after: .group(GroupFields(name: name, description: "updated", permissions: viewAssets)),
            changedFields: ["description", "permissions"], reason: "test", liveID: id)
    }

    static func groupDelete(_ name: String, id: Int, step: Int) -> PlanAction {
        PlanAction(
            address: ResourceAddress(.group, name), action: .delete, step: step,
            before: .group(GroupFields(name: name, description: nil, permissions: [])), after: nil, reason: "test", liveID: id)
    }

    static func consumerState(_ name: String, key: String? = nil, group: String, grantType: GrantType = .clientCredentials) -> ConsumerState {
        ConsumerState(
            key: key,
            fields: ConsumerFields(
                name: name, grantType: grantType, permissionGroup: group,
                redirectURI: grantType == .authorizationCode ? "https://example.com/callback" : nil))
    }

    static func consumerCreate(_ name: String, group: GroupReference = .live(id: 1), groupName: String = "Default", step: Int = 2) -> PlanAction {
        PlanAction(
            address: ResourceAddress(.consumer, name), action: .create, step: step, before: nil,
            after: .consumer(consumerState(name, group: groupName)), reason: "test", groupRef: group)
    }

    static func consumerUpdate(_ name: String, key: String, group: GroupReference = .live(id: 1), step: Int = 2) -> PlanAction {
        PlanAction(
            address: ResourceAddress(.consumer, name), action: .update, step: step,
            before: .consumer(consumerState(name, key: key, group: "Default")),
            after: .consumer(consumerState(name, key: key, group: "Default")),
            changedFields: ["permission_group"], reason: "test", liveKey: key, groupRef: group)
    }

    static func consumerReplace(_ name: String, key: String, group: GroupReference = .live(id: 1), step: Int = 2) -> PlanAction {
        PlanAction(
            address: ResourceAddress(.consumer, name), action: .replace, step: step,
            before: .consumer(consumerState(name, key: key, group: "Default")),
            after: .consumer(consumerState(name, group: "Default", grantType: .authorizationCode)),
            changedFields: ["grant_type", "redirect_uri"], forcesReplacement: ["grant_type"], reason: "test",
            liveKey: key, groupRef: group)
    }

    static func rotation(_ name: String, key: String, step: Int = 3) -> PlanAction {
        let state = consumerState(name, key: key, group: "Default")
        return PlanAction(
            address: ResourceAddress(.consumer, name), action: .rotateSecret, step: step,
            before: .consumer(state), after: .consumer(state), reason: "test", liveKey: key)
    }

    static func consumerDelete(_ name: String, key: String, step: Int = 4) -> PlanAction {
        PlanAction(
            address: ResourceAddress(.consumer, name), action: .delete, step: step,
            before: .consumer(consumerState(name, key: key, group: "Default")), after: nil, reason: "test", liveKey: key)
    }

    static func plan(_ actions: [PlanAction]) -> Plan {
        Plan(target: "test", configurationDigest: "digest", liveFingerprint: "fingerprint", createdAt: Date(timeIntervalSince1970: 0), actions: actions)
    }

    static func liveConsumer(_ key: String, _ name: String, group: Int = 1) -> LiveConsumer {
        FracttalTestSupport.liveConsumer(key, name, group: group, secretCreatedAt: FakeCompany.secretIssued)
    }
}

/// Collects events from the applier's callback.
final class EventRecorder: Sendable {
    private let storage = Mutex<[ApplyEvent]>([])
    private let reaction: (@Sendable (ApplyEvent) -> Void)?

    init(reaction: (@Sendable (ApplyEvent) -> Void)? = nil) {
        self.reaction = reaction
    }

    var events: [ApplyEvent] { storage.withLock { $0 } }

    var callback: @Sendable (ApplyEvent) -> Void {
        { event in
            self.storage.withLock { $0.append(event) }
            self.reaction?(event)
        }
    }
}

/// The JSON secrets file as a dictionary of name -> {key, secret}.
func jsonSecrets(_ text: String) throws -> [String: [String: String]] {
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    var entries: [String: [String: String]] = [:]
    for (name, value) in object where !name.isEmpty {
        guard let entry = value as? [String: Any] else { continue }
        entries[name] = entry.compactMapValues { $0 as? String }.filter { $0.key != "secret_created_at" }
    }
    return entries
}

/// The store's record in a JSON secrets file: the member `""`.
func jsonRecord(_ text: String) throws -> [String: Any] {
    (try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])?[""] as? [String: Any] ?? [:]
}

extension ActionOutcome {
    /// `done`, `not started` or `failed FRC301`: what tests compare instead of a failure's wording.
    var kind: String {
        switch self {
        case .done: "done"
        case .notStarted: "not started"
        case .failed(_, let code): "failed \(code)"
        }
    }
}

/// The scope the tests' stores belong to.
let testScope = StoreScope(target: "https://acme.example/api", signingKey: "KOWN00000000000000")

/// When the tests' secrets were issued.
let testIssueTime = Date(timeIntervalSince1970: 1_780_000_000)

/// A file store at `path`, opened for `testScope`.
func fileStore(_ path: String, format: SecretsFormat = .json) async throws -> StoreSession {
    try await StoreSession.open(FileSecretStore(path: path, format: format), scope: testScope)
}

extension StoreSession {
    /// Stores a consumer's key and secret with no pending mark, issued at `testIssueTime`.
    func write(_ credentials: ConsumerCredentials, for name: String) async throws {
        try await put(DeliveredSecret(intent: nil, name: name, key: credentials.key, secret: credentials.secret, secretCreatedAt: testIssueTime))
    }

    /// The env NAME checks of the file store.
    func checkCollisions(names: [String], liveNames: [String: String] = [:]) throws {
        try (store as! FileSecretStore).checkNames(names, liveNames: liveNames)
    }
}
