import FracttalAPI
import FracttalModel
import FracttalSandbox
import FracttalTestSupport
import Testing

/// The sentences people read when the server refuses a call.
@Suite struct ErrorMessageTests {
    @Test func aWrongSecretIsInvalidClientNamingTheVariables() async throws {
        try await SandboxHarness.with { sandbox in
            let wrong = ClientCredentials(key: sandbox.bootstrap.key, secret: String(repeating: "x", count: 32))
            try await sandbox.withClient(credentials: wrong) { client in
                do {
                    _ = try await client.readLiveState()
                    Issue.record("a wrong secret was accepted")
                } catch {
                    #expect(error as? FracttalAPIError == .invalidClient(key: sandbox.bootstrap.key))
                    #expect("\(error)".contains("FRACTTAL_CLIENT_ID and FRACTTAL_CLIENT_SECRET"))
                    #expect(!"\(error)".contains(wrong.secret))
                }
                #expect(client.metrics.requests == [.token: 1])
            }
        }
    }

    @Test func aMissingPermissionNamesItAndTheConsumersGroup() async throws {
        try await SandboxHarness.with { sandbox in
            let admin = sandbox.client
            let live = try await admin.readLiveState()
            let limited = try await admin.createGroup(
                GroupFields(name: "Read only", description: nil, permissions: [
                    PermissionCode(module: "security", action: "view"), PermissionCode(module: "api_connections", action: "view"),
                ]),
                knownIDs: Set(live.groups.map(\.id))
            ).group
            let creation = try await admin.createConsumer(
                ConsumerFields(name: "auditor", description: nil, grantType: .clientCredentials, permissionGroup: limited.id, redirectURI: nil, hub: false),
                knownKeys: Set(live.consumers.map(\.key))
            )
            guard case .created(_, let secret) = creation else {
                Issue.record("the consumer was not created plainly")
                return
            }
            try await sandbox.withClient(credentials: ClientCredentials(key: secret.key, secret: secret.secret)) { auditor in
                _ = try await auditor.readLiveState()
                do {
                    _ = try await auditor.createGroup(GroupFields(name: "nope", description: nil, permissions: []), knownIDs: [])
                    Issue.record("a group was created without security:create")
                } catch let error as FracttalAPIError {
                    guard case .forbidden(_, let message, let key, let group) = error else {
                        Issue.record("unexpected error: \(error)")
                        return
                    }
                    #expect(message.contains("security:create"))
                    #expect(key == secret.key)
                    #expect(group == "Read only")
                    #expect(error.description.contains("security:create"))
                    #expect(error.description.contains("\"Read only\""))
                }
            }
        }
    }

    @Test func aBrokenRuleListsTheFieldsAndTheirMessages() async throws {
        try await SandboxHarness.with { sandbox in
            let fields = GroupFields(
                name: String(repeating: "n", count: 101), description: nil,
                permissions: [PermissionCode(module: "rockets", action: "launch")]
            )
            do {
                _ = try await sandbox.client.createGroup(fields, knownIDs: [])
                Issue.record("the server accepted a broken group")
            } catch let error as FracttalAPIError {
                guard case .invalidRequest(let operation, _, let problems) = error else {
                    Issue.record("unexpected error: \(error)")
                    return
                }
                #expect(operation.hasPrefix("create group"))
                #expect(problems.map(\.field).contains("name"))
                #expect(problems.contains { $0.field.hasPrefix("permissions") })
                #expect(error.description.hasPrefix("The server refused to create group"))
                for problem in problems { #expect(error.description.contains(problem.field)) }
            }
            #expect(sandbox.client.metrics.retries == 0)
        }
    }

    @Test func aMissingObjectIsNamedAndNotRetried() async throws {
        try await SandboxHarness.with { sandbox in
            await #expect(throws: FracttalAPIError.notFound(operation: "delete group 987654", object: "group 987654")) {
                try await sandbox.client.deleteGroup(id: 987_654)
            }
            await #expect(throws: FracttalAPIError.notFound(operation: "rotate the secret of consumer ZZZZZZZZZZZZZZZZZZ", object: "consumer ZZZZZZZZZZZZZZZZZZ")) {
                _ = try await sandbox.client.rotateSecret(key: "ZZZZZZZZZZZZZZZZZZ")
            }
            #expect(sandbox.client.metrics.requests(.delete) == 1)
        }
    }

    @Test func aConflictSaysWhatBlocks() async throws {
        try await SandboxHarness.with { sandbox in
            let live = try await sandbox.client.readLiveState()
            let technicians = try #require(live.groups.first { $0.name == "PERMISO 1 TECNICO" })
            do {
                try await sandbox.client.deleteGroup(id: technicians.id)
                Issue.record("a group in use was deleted")
            } catch let error as FracttalAPIError {
                guard case .conflict(_, let message) = error else {
                    Issue.record("unexpected error: \(error)")
                    return
                }
                #expect(message.contains("3 user accounts"))
                #expect(error.description.hasPrefix("Could not delete group \(technicians.id): "))
            }
        }
    }

    @Test func serverErrorsAreRepeatedABoundedNumberOfTimesThenReported() async throws {
        let sandbox = SandboxConfiguration(faults: FaultPlan(errorBefore: 1), seed: 5)
        let policy = RetryPolicy(maxAttempts: 3, initialBackoff: .milliseconds(100))
        try await SandboxHarness.with(sandbox, clock: VirtualClock(), policy: policy) { sandbox in
            do {
                _ = try await sandbox.client.readConsumersForTest()
                Issue.record("a read succeeded although every call fails")
            } catch let error as FracttalAPIError {
                guard case .serverError(let operation, 503, _, 3) = error else {
                    Issue.record("unexpected error: \(error)")
                    return
                }
                #expect(operation == "read the OAuth consumers")
                #expect(error.description.contains("HTTP 503"))
            }
            let metrics = sandbox.client.metrics
            #expect(metrics.requests(.list) == 3)
            #expect(metrics.retries == 2)
        }
    }

    @Test func retriesStopWhenTheirTimeBudgetIsSpent() async throws {
        let sandbox = SandboxConfiguration(faults: FaultPlan(errorBefore: 1), seed: 5)
        let policy = RetryPolicy(maxAttempts: 100, maxTotalTime: .seconds(2), initialBackoff: .milliseconds(200), maxBackoff: .seconds(1))
        let clock = VirtualClock()
        try await SandboxHarness.with(sandbox, clock: clock, policy: policy) { sandbox in
            await #expect(throws: FracttalAPIError.self) {
                _ = try await sandbox.client.readConsumersForTest()
            }
            let attempts = sandbox.client.metrics.requests(.list)
            #expect(attempts >= 3 && attempts < 10)
            #expect(clock.elapsed <= .seconds(2))
        }
    }

    @Test func noServerAtTheAddressSaysSo() async throws {
        let configuration = ClientConfiguration(
            baseURL: "http://127.0.0.1:9/api", tokenURL: "http://127.0.0.1:9/oauth/token",
            credentials: ClientCredentials(key: "k", secret: "s"),
            retryPolicy: RetryPolicy(maxAttempts: 2, initialBackoff: .milliseconds(1))
        )
        let client = try FracttalClient(configuration: configuration, clock: VirtualClock())
        do {
            _ = try await client.readLiveState()
            Issue.record("a read succeeded without a server")
        } catch let error as FracttalAPIError {
            guard case .unreachable(_, let url, _, let attempts) = error else {
                Issue.record("unexpected error: \(error)")
                try await client.shutdown()
                return
            }
            #expect(url == "http://127.0.0.1:9/oauth/token")
            #expect(attempts == 2)
            #expect(error.description.contains("check that the URL is right and that the server is up"))
        }
        try await client.shutdown()
    }
}
