import Foundation
import FracttalSandbox
import FracttalSandboxTestSupport
import Testing

struct PagingTests {
    private static let roomy = SandboxConfiguration(rateLimit: RateLimit(count: 100_000, windowSeconds: 60))

    @Test func pagesOverMoreThan250Groups() async throws {
        try await TestSandbox.with(Self.roomy) { sandbox in
            let token = try await sandbox.token()
            for index in 0..<247 {
                let reply = try await sandbox.call(.POST, "/groups_permissions/", token: token, json: Fixtures.group("g\(index)"))
                try #require(reply.status == 201)
            }
            let first = try await sandbox.call(.GET, "/groups_permissions/", token: token)
            #expect(first.items.count == 100)
            #expect(first.total == 250)
            var ids: [Int] = []
            for start in stride(from: 0, to: 250, by: 100) {
                let page = try await sandbox.call(.GET, "/groups_permissions/?start=\(start)&limit=100", token: token)
                #expect(page.total == 250)
                ids += page.items.compactMap { $0["id"] as? Int }
            }
            #expect(ids == Array(1...250))
            let last = try await sandbox.call(.GET, "/groups_permissions/?start=200&limit=100", token: token)
            #expect(last.items.count == 50)
            let capped = try await sandbox.call(.GET, "/groups_permissions/?start=10&limit=1000", token: token)
            #expect(capped.items.count == 100)
            #expect(capped.items.first?["id"] as? Int == 11)
            let small = try await sandbox.call(.GET, "/groups_permissions/?start=5&limit=3", token: token)
            #expect(small.items.compactMap { $0["id"] as? Int } == [6, 7, 8])
            let beyond = try await sandbox.call(.GET, "/groups_permissions/?start=250", token: token)
            #expect(beyond.status == 200)
            #expect(beyond.items.isEmpty)
            #expect(beyond.total == 250)
        }
    }

    @Test func consumersComeInCreationOrder() async throws {
        try await TestSandbox.with(Self.roomy) { sandbox in
            let token = try await sandbox.token()
            var keys: [String] = []
            for index in 0..<120 {
                let reply = try await sandbox.call(
                    .POST, "/oauth_consumers/", token: token, json: Fixtures.consumer("c\(index)", group: 1)
                )
                keys.append(try #require(reply.data["key"] as? String))
            }
            var listed: [String] = []
            for start in [0, 100] {
                let page = try await sandbox.call(.GET, "/oauth_consumers/?start=\(start)", token: token)
                #expect(page.total == 128)
                listed += page.items.compactMap { $0["key"] as? String }
            }
            #expect(listed.count == 128)
            #expect(Array(listed.suffix(120)) == keys)
        }
    }

    /// Pages skip by position, not by the stored sequence number, so deletions leave no holes and
    /// a start past the end gives an empty page.
    @Test func consumerPagesStayContiguousAfterDeletions() async throws {
        try await TestSandbox.with(Self.roomy) { sandbox in
            let token = try await sandbox.token()
            var kept: [String] = []
            for index in 0..<30 {
                let reply = try await sandbox.call(
                    .POST, "/oauth_consumers/", token: token, json: Fixtures.consumer("gap\(index)", group: 1)
                )
                let key = try #require(reply.data["key"] as? String)
                if index.isMultiple(of: 3) {
                    #expect(try await sandbox.call(.DELETE, "/oauth_consumers/\(key)", token: token).status == 200)
                } else {
                    kept.append(key)
                }
            }
            var listed: [String] = []
            for start in stride(from: 0, to: 35, by: 7) {
                let page = try await sandbox.call(.GET, "/oauth_consumers/?start=\(start)&limit=7", token: token)
                #expect(page.total == 28)
                #expect(page.items.count == min(7, max(0, 28 - start)))
                listed += page.items.compactMap { $0["key"] as? String }
            }
            #expect(listed.count == 28)
            #expect(Array(listed.suffix(20)) == kept)
            let past = try await sandbox.call(.GET, "/oauth_consumers/?start=40&limit=7", token: token)
            #expect(past.status == 200 && past.items.isEmpty && past.total == 28)
        }
    }

    @Test(arguments: ["start=-1", "limit=0", "limit=-5", "start=abc", "limit=1.5"])
    func badPagingIs400NamingTheField(_ query: String) async throws {
        try await TestSandbox.with { sandbox in
            let reply = try await sandbox.call(.GET, "/oauth_consumers/?\(query)", token: try await sandbox.token())
            #expect(reply.status == 400)
            #expect(reply.errorFields == [String(query.prefix { $0 != "=" })])
        }
    }
}
