import Foundation
import FracttalConfig
import FracttalModel
import FracttalPlan
import FracttalTestSupport
import Testing

/// A generated configuration of 10,000 consumers and 1,000 groups (about 2 MB).
struct LargeConfigurationTests {
    /// The generated text; the same generator feeds the benchmark against PyYAML.
    static func generate(consumers: Int = 10_000, groups: Int = 1_000) -> String {
        let modules = ["assets", "work_orders", "work_requests", "tasks", "meters", "warehouses", "purchases"]
        let actions = ["view", "create", "edit", "delete"]
        var text = "# yaml-language-server: $schema=../schemas/fracttal.schema.json\nversion: 1\n\n"
        text += "settings:\n  prune: false\n  max_delete_percent: 25\n\npermission_groups:\n"
        for index in 0..<groups {
            text += "  - name: Grupo técnico \(index)\n"
            text += "    description: Técnicos de campo de la planta \(index)\n"
            text += "    permissions:\n"
            for offset in 0..<6 {
                let module = modules[(index + offset) % modules.count]
                text += "      - \(module):\(actions[(index / 7 + offset) % actions.count])\n"
            }
            text += "      - \"reports:view\"\n"
        }
        text += "\nconsumers:\n"
        for index in 0..<consumers {
            text += "  - name: integración-\(index)\n"
            text += "    description: Integración número \(index) con el ERP\n"
            if index % 10 == 0 {
                text += "    grant_type: authorization_code\n"
                text += "    redirect_uri: https://portal\(index).example.com/oauth/callback\n"
            }
            text += "    permission_group: Grupo técnico \(index % groups)\n"
            text += "    hub: \(index % 2 == 0)\n"
            if index % 3 == 0 { text += "    max_secret_age: \(index % 365 + 1)d\n" }
        }
        return text
    }

    @Test func tenThousandConsumersAndOneThousandGroups() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let text = Self.generate()
        let path = try folder.write(text, to: "large.yaml")
        let loaded = ConfigurationLoader(environment: [:]).load(paths: [path])
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.state.consumers.count == 10_000)
        #expect(loaded.state.groups.count == 1_000)
        #expect(loaded.digest == Fingerprint.of(data: Data(path.utf8) + [0] + Data(text.utf8) + [0]))

        let group = loaded.state.groups[999]
        #expect(group.name.value == "Grupo técnico 999")
        #expect(group.permissions.count == 7)
        #expect(group.permissions.last?.value.description == "reports:view")

        let consumer = loaded.state.consumers[1_230]
        #expect(consumer.name == "integración-1230")
        #expect(consumer.grantType == .authorizationCode)
        #expect(consumer.redirectURI == "https://portal1230.example.com/oauth/callback")
        #expect(consumer.permissionGroup == "Grupo técnico 230")
        #expect(consumer.hub == true)
        #expect(consumer.maxSecretAge?.value == SecretAge(count: 1_230 % 365 + 1, unit: .days))

        let last = try #require(loaded.state.consumers.last)
        #expect(last.name == "integración-9999")
        #expect(last.hub == false)
        #expect(last.location(of: .name).line == text.split(separator: "\n", omittingEmptySubsequences: false).count - 5)
    }
}
