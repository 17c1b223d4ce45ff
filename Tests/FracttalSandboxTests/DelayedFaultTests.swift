import AsyncHTTPClient
import Foundation
import FracttalSandbox
import FracttalSandboxTestSupport
import FracttalTestSupport
import Testing

/// `hold_after` and `late_commit`: answers and changes that come `--fault-delay` late.
struct DelayedFaultTests {
    @Test func holdAfterMakesTheChangeAndAnswersLate() async throws {
        let call = try await FaultedCreate.run(faults: "hold_after=1", faultDelayMilliseconds: 700)
        #expect(call.reply?.status == 201)
        #expect(call.reply?.data["name"] as? String == "faulted")
        #expect(call.reply?.headers["ratelimit-remaining"] != nil)
        #expect(call.elapsed >= .milliseconds(700))
        #expect(call.groupCount == 4)
    }

    @Test func aZeroDelayHoldsNothing() async throws {
        let call = try await FaultedCreate.run(faults: "hold_after=1", faultDelayMilliseconds: 0)
        #expect(call.reply?.status == 201)
        #expect(call.groupCount == 4)
    }

    @Test func lateCommitDropsTheAnswerAtOnceAndMakesTheChangeLater() async throws {
        let delay = Duration.milliseconds(2500)
        try await TemporaryFolder.with(prefix: "fracttal-sandbox-tests") { folder in
            let path = folder.path("sandbox.sqlite")
            let faulted = SandboxConfiguration(
                dataPath: path, faults: try FaultPlan.parse("late_commit=1"), faultDelayMilliseconds: 2500
            )
            try await TestSandbox.with(faulted) { sandbox in
                let token = try await sandbox.token()
                // A fault-free sandbox on the same file reads what the faulted one wrote.
                try await TestSandbox.with(SandboxConfiguration(dataPath: path)) { reader in
                    let readerToken = try await reader.token()
                    func lateGroups() async throws -> Int {
                        try await reader.call(.GET, "/groups_permissions/", token: readerToken).items
                            .filter { $0["name"] as? String == "late" }.count
                    }
                    let clock = ContinuousClock()
                    let started = clock.now
                    await #expect(throws: HTTPClientError.self) {
                        try await sandbox.call(.POST, "/groups_permissions/", token: token, json: Fixtures.group("late"))
                    }
                    #expect(clock.now - started < delay)
                    #expect(try await lateGroups() == 0)
                    try await sandbox.server.lateCommits.reached(1)
                    #expect(try await lateGroups() == 1)
                    #expect(clock.now - started >= delay)
                }
            }
        }
    }

    @Test func stoppingTheServerMakesAPendingLateCommitAtOnce() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        let call = try await FaultedCreate.run(faults: "late_commit=1", faultDelayMilliseconds: 600_000)
        #expect(call.reply == nil)
        #expect(call.groupCount == 4)
        // Far below the 600 s delay, and far above what a loaded machine running every suite at once takes.
        #expect(clock.now - started < .seconds(300))
    }

    @Test func stoppingTheServerSendsAHeldAnswerAtOnce() async throws {
        let configuration = SandboxConfiguration(faults: try FaultPlan.parse("hold_after=1"), faultDelayMilliseconds: 600_000)
        let server = try await SandboxServer.start(configuration)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let sandbox = TestSandbox(server: server, client: client)
        let token = try await sandbox.token()
        let clock = ContinuousClock()
        let started = clock.now
        async let held = sandbox.call(.GET, "/permissions/", token: token)
        try await server.heldAnswers.reached(1)
        await server.stop()
        let reply = try? await held
        try await client.shutdown()
        #expect(reply?.status == 200)
        #expect(clock.now - started < .seconds(60))
    }
}
