import Foundation
import FracttalSandbox
import FracttalSandboxTestSupport
import Testing

struct RateLimitTests {
    @Test func theWindowRunsOutAndResets() async throws {
        let clock = ManualClock()
        let configuration = SandboxConfiguration(rateLimit: RateLimit(count: 5, windowSeconds: 60), clock: clock)
        try await TestSandbox.with(configuration) { sandbox in
            let token = try await sandbox.token()
            var remaining: [String?] = []
            for _ in 0..<5 {
                let reply = try await sandbox.call(.GET, "/permissions/", token: token)
                #expect(reply.status == 200)
                #expect(reply.headers["ratelimit-limit"] == "5")
                remaining.append(reply.headers["ratelimit-remaining"])
            }
            #expect(remaining == ["4", "3", "2", "1", "0"])

            clock.advance(seconds: 20)
            let refused = try await sandbox.call(.POST, "/groups_permissions/", token: token, json: Fixtures.group("never"))
            #expect(refused.status == 406)
            #expect(refused.headers["ratelimit-remaining"] == "0")
            #expect(refused.headers["ratelimit-reset"] == "40")

            clock.advance(seconds: 40)
            let after = try await sandbox.call(.GET, "/groups_permissions/", token: token)
            #expect(after.status == 200)
            #expect(after.headers["ratelimit-remaining"] == "4")
            #expect(after.headers["ratelimit-reset"] == "60")
            #expect(after.total == 3)
        }
    }

    @Test func eachTokenHasItsOwnWindow() async throws {
        let configuration = SandboxConfiguration(rateLimit: RateLimit(count: 1, windowSeconds: 60), clock: ManualClock())
        try await TestSandbox.with(configuration) { sandbox in
            let first = try await sandbox.token()
            #expect(try await sandbox.call(.GET, "/permissions/", token: first).status == 200)
            #expect(try await sandbox.call(.GET, "/permissions/", token: first).status == 406)
            let second = try await sandbox.token()
            #expect(try await sandbox.call(.GET, "/permissions/", token: second).status == 200)
        }
    }

    @Test func callsWithoutAValidTokenChargeNoWindow() async throws {
        let configuration = SandboxConfiguration(rateLimit: RateLimit(count: 2, windowSeconds: 60), clock: ManualClock())
        try await TestSandbox.with(configuration) { sandbox in
            for _ in 0..<5 {
                let reply = try await sandbox.call(.GET, "/permissions/", token: "unknown")
                #expect(reply.status == 401)
                #expect(reply.headers["ratelimit-remaining"] == "2")
            }
            let token = try await sandbox.token()
            #expect(try await sandbox.call(.GET, "/permissions/", token: token).headers["ratelimit-remaining"] == "1")
        }
    }
}
