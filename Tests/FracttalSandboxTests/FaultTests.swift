import AsyncHTTPClient
import Foundation
import FracttalSandbox
import Testing

struct FaultTests {
    /// Runs one call against a sandbox with `faults` on a data file, then counts the groups
    /// with a fault-free sandbox on the same file.
    private func groupCount(afterCreatingWith faults: String, _ check: (Result<Reply, any Error>) -> Void) async throws -> Int? {
        try await withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("sandbox.sqlite").path
            try await TestSandbox.with(SandboxConfiguration(dataPath: path, faults: try FaultPlan.parse(faults))) { sandbox in
                let token = try await sandbox.token()
                let result: Result<Reply, any Error>
                do {
                    result = .success(
                        try await sandbox.call(.POST, "/groups_permissions/", token: token, json: Fixtures.group("faulted"))
                    )
                } catch {
                    result = .failure(error)
                }
                check(result)
            }
            return try await TestSandbox.with(SandboxConfiguration(dataPath: path)) { sandbox in
                try await sandbox.call(.GET, "/groups_permissions/", token: try await sandbox.token()).total
            }
        }
    }

    @Test func errorBeforeIsA5xxWithNoEffect() async throws {
        let count = try await groupCount(afterCreatingWith: "error_before=1") { result in
            let reply = try? result.get()
            #expect(reply.map { (500..<600).contains($0.status) } == true)
            #expect(reply?.headers["ratelimit-remaining"] != nil)
        }
        #expect(count == 3)
    }

    @Test func errorAfterIsA500AfterTheChange() async throws {
        let count = try await groupCount(afterCreatingWith: "error_after=1") { result in
            #expect((try? result.get())?.status == 500)
        }
        #expect(count == 4)
    }

    @Test func rateLimitFaultIsA406WithNoEffect() async throws {
        let count = try await groupCount(afterCreatingWith: "ratelimit=1") { result in
            #expect((try? result.get())?.status == 406)
        }
        #expect(count == 3)
    }

    @Test func lostMakesTheChangeAndClosesTheConnectionWithNoAnswer() async throws {
        let count = try await groupCount(afterCreatingWith: "lost=1") { result in
            guard case .failure(let error) = result else {
                Issue.record("expected a connection error, got HTTP \((try? result.get())?.status ?? 0)")
                return
            }
            #expect(error is HTTPClientError)
        }
        #expect(count == 4)
    }

    @Test func latencyDelaysButDoesNotChangeAnswers() async throws {
        try await TestSandbox.with(SandboxConfiguration(faults: try FaultPlan.parse("latency=1-3ms"))) { sandbox in
            let reply = try await sandbox.call(.GET, "/permissions/", token: try await sandbox.token())
            #expect(reply.status == 200)
            #expect(reply.total == 53)
        }
    }

    @Test func aSeedRepeatsTheFaults() async throws {
        func statuses(seed: UInt64) async throws -> [Int] {
            let configuration = SandboxConfiguration(faults: try FaultPlan.parse("error_before=0.3,ratelimit=0.3"), seed: seed)
            return try await TestSandbox.with(configuration) { sandbox in
                let token = try await sandbox.token()
                var statuses: [Int] = []
                for _ in 0..<24 { statuses.append(try await sandbox.call(.GET, "/permissions/", token: token).status) }
                return statuses
            }
        }
        let first = try await statuses(seed: 42)
        #expect(try await statuses(seed: 42) == first)
        #expect(try await statuses(seed: 43) != first)
        #expect(first.contains(200) && first.contains(406) && first.contains(503))
    }

    @Test func parsesEveryKind() throws {
        let plan = try FaultPlan.parse("error_before=0.1,error_after=0.05,lost=0.05,ratelimit=0.1,latency=5-50ms")
        #expect(plan.errorBefore == 0.1)
        #expect(plan.errorAfter == 0.05)
        #expect(plan.lost == 0.05)
        #expect(plan.rateLimit == 0.1)
        #expect(plan.latencyMilliseconds == 5...50)
        #expect(try FaultPlan.parse("") == .none)
    }

    @Test func refusesAnUnknownKindListingTheKinds() throws {
        let error = #expect(throws: SandboxConfigurationError.self) { try FaultPlan.parse("explode=0.5") }
        for kind in ["error_before", "error_after", "lost", "ratelimit", "latency"] {
            #expect(error?.message.contains(kind) == true)
        }
    }

    @Test(arguments: ["lost=1.5", "lost=-0.1", "lost=x", "lost", "latency=50-5ms", "latency=5-50", "lost=0.6,error_before=0.6", "lost=0.1,lost=0.2"])
    func refusesBadSpecs(_ spec: String) throws {
        #expect(throws: SandboxConfigurationError.self) { try FaultPlan.parse(spec) }
    }
}
