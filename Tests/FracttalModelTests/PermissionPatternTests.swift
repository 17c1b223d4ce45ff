import FracttalModel
import Foundation
import Testing

struct PermissionPatternTests {
    @Test func parsesACode() {
        #expect(PermissionPattern("work_orders:create") == .code(PermissionCode(module: "work_orders", action: "create")))
    }

    @Test func parsesAModuleWildcard() {
        #expect(PermissionPattern("meters:*") == .everyAction(module: "meters"))
    }

    @Test(arguments: ["", "assets", "assets:", ":view", "Assets:view", "assets:view:x", "assets: view", "1assets:view", "assets:*x"])
    func refusesOtherText(_ text: String) {
        #expect(PermissionPattern(text) == nil)
    }

    @Test func codeRoundTripsThroughJSON() throws {
        let code = PermissionCode(module: "assets", action: "view")
        let data = try JSONEncoder().encode([code])
        #expect(String(decoding: data, as: UTF8.self) == #"["assets:view"]"#)
        #expect(try JSONDecoder().decode([PermissionCode].self, from: data) == [code])
    }
}
