import AsyncHTTPClient
import Foundation
import FracttalSandbox
import FracttalSandboxTestSupport
import Testing

struct FaultTests {
    @Test func errorBeforeIsA5xxWithNoEffect() async throws {
        let call = try await FaultedCreate.run(faults: "error_before=1")
        #expect(call.reply.map { (500..<600).contains($0.status) } == true)
        #expect(call.reply?.headers["ratelimit-remaining"] != nil)
        #expect(call.groupCount == 3)
    }

    @Test func errorAfterIsA500AfterTheChange() async throws {
        let call = try await FaultedCreate.run(faults: "error_after=1")
        #expect(call.reply?.status == 500)
        #expect(call.groupCount == 4)
    }

    @Test func rateLimitFaultIsA406WithNoEffect() async throws {
        let call = try await FaultedCreate.run(faults: "ratelimit=1")
        #expect(call.reply?.status == 406)
        #expect(call.groupCount == 3)
    }

    @Test func lostMakesTheChangeAndClosesTheConnectionWithNoAnswer() async throws {
        let call = try await FaultedCreate.run(faults: "lost=1")
        guard case .failure(let error) = call.result else {
            Issue.record("expected a connection error, got HTTP \(call.reply?.status ?? 0)")
            return
        }
        #expect(error is HTTPClientError)
        #expect(call.groupCount == 4)
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
        let plan = try FaultPlan.parse(
            "error_before=0.1,error_after=0.05,lost=0.05,ratelimit=0.1,gateway_before=0.1,gateway_after=0.05,"
                + "hold_after=0.2,late_commit=0.15,latency=5-50ms"
        )
        #expect(plan.errorBefore == 0.1)
        #expect(plan.errorAfter == 0.05)
        #expect(plan.lost == 0.05)
        #expect(plan.rateLimit == 0.1)
        #expect(plan.gatewayBefore == 0.1)
        #expect(plan.gatewayAfter == 0.05)
        #expect(plan.holdAfter == 0.2)
        #expect(plan.lateCommit == 0.15)
        #expect(plan.latencyMilliseconds == 5...50)
        #expect(try FaultPlan.parse(plan.description) == plan)
        #expect(try FaultPlan.parse("") == .none)
    }

    @Test func refusesAnUnknownKindListingTheKinds() throws {
        let error = #expect(throws: SandboxConfigurationError.self) { try FaultPlan.parse("explode=0.5") }
        let kinds = [
            "error_before", "error_after", "lost", "ratelimit", "gateway_before", "gateway_after", "hold_after",
            "late_commit", "latency",
        ]
        #expect(FaultPlan.kinds == kinds)
        for kind in kinds {
            #expect(error?.message.contains(kind) == true)
        }
    }

    @Test(arguments: [
        "lost=1.5", "lost=-0.1", "lost=x", "lost", "latency=50-5ms", "latency=5-50", "lost=0.6,error_before=0.6",
        "lost=0.1,lost=0.2", "gateway_before=0.6,gateway_after=0.6", "hold_after=0.5,late_commit=0.3,ratelimit=0.3",
        "late_commit", "hold_after=2",
    ])
    func refusesBadSpecs(_ spec: String) throws {
        #expect(throws: SandboxConfigurationError.self) { try FaultPlan.parse(spec) }
    }
}
