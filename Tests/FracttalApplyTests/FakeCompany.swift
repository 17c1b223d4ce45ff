import Foundation
import FracttalApply
import FracttalModel

/// An in-memory Fracttal company for applier tests, with injectable trouble.
///
/// Calls can fail (by their number in arrival order, or by what they act on), a create can "lose its
/// answer" (the change is made and the object is returned as adopted, as the real client does after
/// re-reading), and calls can be held until released, which makes slow calls without any clock.
actor FakeCompany: FracttalMutations {
    /// One mutation call, named by what it acts on.
    enum Call: Hashable, CustomStringConvertible {
        case createGroup(String)
        case replaceGroup(Int)
        case deleteGroup(Int)
        case createConsumer(String)
        case replaceConsumer(String)
        case deleteConsumer(String)
        case rotateSecret(String)

        var description: String {
            switch self {
            case .createGroup(let name): "createGroup(\(name))"
            case .replaceGroup(let id): "replaceGroup(\(id))"
            case .deleteGroup(let id): "deleteGroup(\(id))"
            case .createConsumer(let name): "createConsumer(\(name))"
            case .replaceConsumer(let key): "replaceConsumer(\(key))"
            case .deleteConsumer(let key): "deleteConsumer(\(key))"
            case .rotateSecret(let key): "rotateSecret(\(key))"
            }
        }
    }

    /// A call's beginning or end, in the order they happened.
    enum Mark: Hashable {
        case began(Call)
        case ended(Call)
    }

    /// The error an injected failure throws: like the client's after its retries gave up.
    struct ServerTrouble: Error, CustomStringConvertible {
        var call: Call
        var description: String { "the server answered 500 to \(call) after 6 attempts; try again later." }
    }

    /// Holds calls in groups: `width` calls wait until `width` of them are waiting (or every expected call came).
    struct Batches {
        var width: Int
        var total: Int
    }

    static let secretIssued = Date(timeIntervalSince1970: 1_700_000_000)
    /// A small permission catalog.
    static let catalog = PermissionCatalog(codes: ["assets", "security", "api_connections"].flatMap { module in
        ["view", "create", "edit", "delete"].map { PermissionCode(module: module, action: $0) }
    })

    private(set) var groups: [LiveGroup]
    private(set) var consumers: [LiveConsumer]
    /// The current secret of each consumer key.
    private(set) var secrets: [String: String] = [:]
    /// Every call, in arrival order.
    private(set) var calls: [Call] = []
    /// Beginnings and ends of calls.
    private(set) var marks: [Mark] = []
    private(set) var inFlight = 0
    private(set) var maxInFlight = 0
    /// The knownIDs / knownKeys each create was given, by the name created.
    private(set) var knownIDsGiven: [String: Set<Int>] = [:]
    private(set) var knownKeysGiven: [String: Set<String>] = [:]

    /// 1-based call numbers (arrival order) that fail with no effect.
    var failingCallNumbers: Set<Int> = []
    /// Calls that fail with no effect.
    var failingCalls: Set<Call> = []
    /// Names whose create takes effect but whose answer is lost (returned as adopted).
    var lostAnswers: Set<String> = []
    /// Whether reading the consumers fails (the applier's closing check).
    var listingFails = false
    /// Calls held until `releaseHeld()`.
    var heldCalls: Set<Call> = []
    /// Holds every call in batches.
    var batches: Batches?
    /// Runs as each call arrives, before anything else (for example to break the secrets file's folder).
    var onCall: (@Sendable (Call) async -> Void)?

    private var nextGroupID: Int
    private var nextKeyNumber = 1
    private var nextSecretNumber = 1
    private var held: [CheckedContinuation<Void, Never>] = []
    private var released = false
    private var arrivals = 0

    /// A company holding these objects; new group ids start above the highest live one.
    init(groups: [LiveGroup] = [LiveGroup(id: 1, name: "Default", isDefault: true)], consumers: [LiveConsumer] = []) {
        self.groups = groups
        self.consumers = consumers
        nextGroupID = (groups.map(\.id).max() ?? 0) + 1
    }

    /// Sets the injected trouble in one go.
    func configure(_ change: @Sendable (isolated FakeCompany) -> Void) {
        change(self)
    }

    /// Lets every held call, and every later one, go on.
    func releaseHeld() {
        released = true
        let waiting = held
        held = []
        for continuation in waiting { continuation.resume() }
    }

    /// The company as a live state, for the planner.
    func liveState() -> LiveState {
        LiveState(groups: groups.sorted { $0.id < $1.id }, consumers: consumers, catalog: Self.catalog)
    }

    // MARK: - FracttalMutations

    func createGroup(_ fields: GroupFields, knownIDs: Set<Int>) async throws -> GroupCreation {
        try await begin(.createGroup(fields.name))
        defer { end(.createGroup(fields.name)) }
        knownIDsGiven[fields.name] = knownIDs
        let group = LiveGroup(id: nextGroupID, name: fields.name, description: fields.description, permissions: Set(fields.permissions))
        nextGroupID += 1
        groups.append(group)
        return lostAnswers.contains(fields.name) ? .adopted(group) : .created(group)
    }

    func replaceGroup(id: Int, with fields: GroupFields) async throws -> LiveGroup {
        try await begin(.replaceGroup(id))
        defer { end(.replaceGroup(id)) }
        guard let index = groups.firstIndex(where: { $0.id == id }) else { throw NotFound(what: "group \(id)") }
        groups[index].name = fields.name
        groups[index].description = fields.description
        groups[index].permissions = Set(fields.permissions)
        return groups[index]
    }

    func deleteGroup(id: Int) async throws {
        try await begin(.deleteGroup(id))
        defer { end(.deleteGroup(id)) }
        guard groups.contains(where: { $0.id == id }) else { throw NotFound(what: "group \(id)") }
        groups.removeAll { $0.id == id }
    }

    func createConsumer(_ fields: ConsumerFields<Int>, knownKeys: Set<String>) async throws -> ConsumerCreation {
        try await begin(.createConsumer(fields.name))
        defer { end(.createConsumer(fields.name)) }
        knownKeysGiven[fields.name] = knownKeys
        guard groups.contains(where: { $0.id == fields.permissionGroup }) else { throw NotFound(what: "group \(fields.permissionGroup)") }
        let key = "K" + String(repeating: "0", count: 13) + String(format: "%04d", nextKeyNumber)
        nextKeyNumber += 1
        let consumer = LiveConsumer(key: key, fields: fields, secretCreatedAt: Self.secretIssued)
        consumers.append(consumer)
        let secret = issueSecret(for: key)
        if lostAnswers.contains(fields.name) { return .adopted(consumer) }
        return .created(consumer, ConsumerCredentials(key: key, secret: secret))
    }

    func replaceConsumer(key: String, with fields: ConsumerFields<Int>) async throws -> LiveConsumer {
        try await begin(.replaceConsumer(key))
        defer { end(.replaceConsumer(key)) }
        guard let index = consumers.firstIndex(where: { $0.key == key }) else { throw NotFound(what: "consumer \(key)") }
        guard consumers[index].grantType == fields.grantType else { throw NotFound(what: "grant type change") }
        consumers[index].fields = fields
        return consumers[index]
    }

    func deleteConsumer(key: String) async throws {
        try await begin(.deleteConsumer(key))
        defer { end(.deleteConsumer(key)) }
        guard consumers.contains(where: { $0.key == key }) else { throw NotFound(what: "consumer \(key)") }
        consumers.removeAll { $0.key == key }
        secrets[key] = nil
    }

    func listConsumers() async throws -> [LiveConsumer] {
        if listingFails { throw NotFound(what: "answer to the list of consumers (a 503)") }
        return consumers
    }

    func rotateSecret(key: String) async throws -> (consumer: LiveConsumer, credentials: ConsumerCredentials) {
        try await begin(.rotateSecret(key))
        defer { end(.rotateSecret(key)) }
        guard let consumer = consumers.first(where: { $0.key == key }) else { throw NotFound(what: "consumer \(key)") }
        return (consumer, ConsumerCredentials(key: key, secret: issueSecret(for: key)))
    }

    // MARK: - Trouble

    struct NotFound: Error, CustomStringConvertible {
        var what: String
        var description: String { "no \(what) on the server." }
    }

    private func issueSecret(for key: String) -> String {
        let secret = "fakeSecret" + String(format: "%022d", nextSecretNumber)
        nextSecretNumber += 1
        secrets[key] = secret
        return secret
    }

    /// Counts and logs a call, holds it when asked, and throws an injected failure (before any effect).
    private func begin(_ call: Call) async throws {
        await onCall?(call)
        calls.append(call)
        arrivals += 1
        let number = arrivals
        marks.append(.began(call))
        inFlight += 1
        maxInFlight = max(maxInFlight, inFlight)
        if let batches {
            await withCheckedContinuation { continuation in
                held.append(continuation)
                if held.count == batches.width || arrivals == batches.total { releaseBatch() }
            }
        } else if heldCalls.contains(call), !released {
            await withCheckedContinuation { held.append($0) }
        }
        if failingCallNumbers.contains(number) || failingCalls.contains(call) {
            end(call)
            throw ServerTrouble(call: call)
        }
    }

    private func releaseBatch() {
        let waiting = held
        held = []
        for continuation in waiting { continuation.resume() }
    }

    private func end(_ call: Call) {
        inFlight -= 1
        marks.append(.ended(call))
    }
}
