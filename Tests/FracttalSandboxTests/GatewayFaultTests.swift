import Foundation
import FracttalSandbox
import FracttalSandboxTestSupport
import Testing

/// `gateway_before` and `gateway_after`: a reverse proxy's HTML error page instead of the API's answer.
struct GatewayFaultTests {
    /// Checks that `reply` is nginx's page: 502 or 504, `text/html`, no envelope, no rate-limit headers.
    private func expectGatewayPage(_ reply: Reply?) {
        guard let reply else {
            Issue.record("expected a gateway page, got no answer")
            return
        }
        #expect([502, 504].contains(reply.status))
        #expect(reply.headers["content-type"]?.hasPrefix("text/html") == true)
        #expect(reply.text.contains("<html>") && reply.text.contains("nginx"))
        #expect(reply.text.contains("\(reply.status)"))
        #expect((try? JSONSerialization.jsonObject(with: reply.body)) == nil)
        #expect(reply.headers.keys.filter { $0.hasPrefix("ratelimit-") }.isEmpty)
    }

    @Test func gatewayBeforeIsAProxyPageWithNoEffect() async throws {
        let call = try await FaultedCreate.run(faults: "gateway_before=1")
        expectGatewayPage(call.reply)
        #expect(call.groupCount == 3)
    }

    @Test func gatewayAfterIsAProxyPageAfterTheChange() async throws {
        let call = try await FaultedCreate.run(faults: "gateway_after=1")
        expectGatewayPage(call.reply)
        #expect(call.groupCount == 4)
    }

    @Test func gatewayPagesAlternate502And504() async throws {
        try await TestSandbox.with(SandboxConfiguration(faults: try FaultPlan.parse("gateway_before=1"))) { sandbox in
            let token = try await sandbox.token()
            var statuses: [Int] = []
            for _ in 0..<4 { statuses.append(try await sandbox.call(.GET, "/permissions/", token: token).status) }
            #expect(statuses == [502, 504, 502, 504])
            let timeout = try await sandbox.call(.GET, "/permissions/", token: token)
            #expect(timeout.status == 502)
            #expect(timeout.text.contains("502 Bad Gateway"))
            #expect(try await sandbox.call(.GET, "/permissions/", token: token).text.contains("504 Gateway Time-out"))
        }
    }

    @Test func aSeedRepeatsGatewayPages() async throws {
        func statuses(seed: UInt64) async throws -> [Int] {
            let configuration = SandboxConfiguration(faults: try FaultPlan.parse("gateway_before=0.5"), seed: seed)
            return try await TestSandbox.with(configuration) { sandbox in
                let token = try await sandbox.token()
                var statuses: [Int] = []
                for _ in 0..<16 { statuses.append(try await sandbox.call(.GET, "/permissions/", token: token).status) }
                return statuses
            }
        }
        let first = try await statuses(seed: 7)
        #expect(try await statuses(seed: 7) == first)
        #expect(first.contains(200) && first.contains(502) && first.contains(504))
    }

    @Test func theTokenEndpointIsNeverFaulted() async throws {
        let configuration = SandboxConfiguration(faults: try FaultPlan.parse("gateway_before=0.5,late_commit=0.5"))
        try await TestSandbox.with(configuration) { sandbox in
            for _ in 0..<5 {
                let reply = try await sandbox.requestToken(authorization: TestSandbox.basic(sandbox.bootstrap))
                #expect(reply.status == 200)
                #expect(reply.headers["content-type"]?.hasPrefix("application/json") == true)
            }
        }
    }
}
