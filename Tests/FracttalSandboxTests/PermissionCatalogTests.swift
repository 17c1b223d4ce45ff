import Foundation
import FracttalSandbox
import FracttalSandboxTestSupport
import Testing

struct PermissionCatalogTests {
    @Test func listsEveryModuleWithItsActions() async throws {
        try await TestSandbox.with { sandbox in
            let reply = try await sandbox.call(.GET, "/permissions/", token: try await sandbox.token())
            #expect(reply.status == 200)
            #expect(reply.object["success"] as? Bool == true)
            #expect(reply.message == "200")
            let codes = reply.items.compactMap { $0["code"] as? String }
            #expect(codes.count == 53)
            #expect(reply.total == 53)
            #expect(codes.contains("work_orders:create"))
            #expect(codes.contains("reports:view"))
            #expect(!codes.contains("reports:edit"))
            #expect(Set(codes).count == codes.count)
            for item in reply.items {
                let code = item["code"] as? String ?? ""
                #expect(code == "\(item["module"] as? String ?? ""):\(item["action"] as? String ?? "")")
                #expect((item["description"] as? String)?.isEmpty == false)
            }
            let modules = Set(reply.items.compactMap { $0["module"] as? String })
            #expect(
                modules == [
                    "assets", "work_orders", "work_requests", "tasks", "meters", "warehouses", "purchases",
                    "human_resources", "third_parties", "documents", "reports", "calendar", "security", "api_connections",
                ]
            )
        }
    }

    @Test func needsNoPermissionBeyondAValidToken() async throws {
        try await TestSandbox.with { sandbox in
            let token = try await Permissions.tokenOfConsumer(in: sandbox, withPermissions: [])
            let reply = try await sandbox.call(.GET, "/permissions/?start=50&limit=10", token: token)
            #expect(reply.status == 200)
            #expect(reply.items.count == 3)
            #expect(reply.total == 53)
        }
    }
}
