import FracttalSandbox
import Foundation

/// A generated company: the live objects to seed into the sandbox and the configuration file that
/// describes the desired state against them.
struct Workload: Sendable {
    /// The live groups to seed.
    var liveGroups: [BulkSeedGroup]
    /// The live consumers to seed.
    var liveConsumers: [BulkSeedConsumer]
    /// The configuration file's text.
    var yaml: String
    /// Declared consumers.
    var declaredConsumers: Int
    /// Declared groups.
    var declaredGroups: Int

    /// Catalog codes the generated groups draw from.
    private static let codes = [
        "assets:view", "assets:edit", "work_orders:view", "work_orders:create", "work_orders:edit", "meters:view",
        "warehouses:view", "reports:view", "documents:view", "tasks:view", "calendar:view", "purchases:view",
    ]

    private static func groupName(_ index: Int) -> String { "bench-group-" + padded(index, 4) }

    private static func consumerName(_ index: Int) -> String { "bench-consumer-" + padded(index, 6) }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    private static func makeGroups(_ count: Int) -> [BulkSeedGroup] {
        (0..<count).map { index in
            BulkSeedGroup(
                name: groupName(index),
                description: "Benchmark permission group \(index) for plant \(index % 37)",
                permissions: (0..<4).map { codes[(index + $0 * 3) % codes.count] }.sorted()
            )
        }
    }

    private static func consumerDescription(_ index: Int, changed: Bool) -> String {
        "Integration \(padded(index, 6)) with the ERP of plant \(index % 37), line \(index % 11)"
            + (changed ? " (changed)" : "")
    }

    /// Groups first, then consumers, in the configuration language.
    private static func render(
        settings: String, groups: [BulkSeedGroup], consumers: [(index: Int, changed: Bool)], groupCount: Int
    ) -> String {
        var text = "version: 1\n\n" + settings + "\npermission_groups:\n"
        text.reserveCapacity(200 * consumers.count + 200 * groups.count)
        for group in groups {
            text += "  - name: \(group.name)\n"
            text += "    description: \(group.description ?? "")\n"
            text += "    permissions: [\(group.permissions.joined(separator: ", "))]\n"
        }
        text += "\nconsumers:\n"
        for (index, changed) in consumers {
            text += "  - name: \(consumerName(index))\n"
            text += "    description: \(consumerDescription(index, changed: changed))\n"
            text += "    grant_type: client_credentials\n"
            text += "    permission_group: \(groupName(index % groupCount))\n"
            text += "    hub: \(index % 3 == 0)\n"
        }
        return text
    }

    /// The plan workload: `consumers` live consumers and `groupCount` groups; the configuration keeps
    /// 95% of the consumers (the first 10% of all with a changed description), leaves 5% out (prune
    /// deletes them) and adds 5% new ones, so it declares `consumers` consumers.
    static func plan(consumers: Int, groups groupCount: Int) -> Workload {
        let groups = makeGroups(groupCount)
        let live = (0..<consumers).map { index in
            BulkSeedConsumer(
                name: consumerName(index), description: consumerDescription(index, changed: false),
                groupIndex: index % groupCount, hubEnabled: index % 3 == 0
            )
        }
        let kept = consumers * 95 / 100
        let changed = consumers / 10
        let added = consumers - kept
        let declared = (0..<kept).map { (index: $0, changed: $0 < changed) }
            + (consumers..<(consumers + added)).map { (index: $0, changed: false) }
        let settings = "settings:\n  prune: true\n  max_delete_percent: 100\n  protect:\n    groups: [PERMISO 1 TECNICO]\n"
        return Workload(
            liveGroups: groups, liveConsumers: live,
            yaml: render(settings: settings, groups: groups, consumers: declared, groupCount: groupCount),
            declaredConsumers: declared.count, declaredGroups: groups.count
        )
    }

    /// The apply workload: `consumers` live consumers in `groupCount` groups, each declared with a
    /// changed description, so apply makes `consumers` updates (prune off).
    static func apply(consumers: Int, groups groupCount: Int) -> Workload {
        let groups = makeGroups(groupCount)
        let live = (0..<consumers).map { index in
            BulkSeedConsumer(
                name: consumerName(index), description: consumerDescription(index, changed: false),
                groupIndex: index % groupCount, hubEnabled: index % 3 == 0
            )
        }
        let declared = (0..<consumers).map { (index: $0, changed: true) }
        return Workload(
            liveGroups: groups, liveConsumers: live,
            yaml: render(settings: "settings:\n  prune: false\n", groups: groups, consumers: declared, groupCount: groupCount),
            declaredConsumers: declared.count, declaredGroups: groups.count
        )
    }

    /// The creates workload: one live group and no live consumers; the configuration declares that group
    /// unchanged and `consumers` new client-credentials consumers in it (prune off), so apply makes
    /// `consumers` creates.
    static func creates(consumers: Int) -> Workload {
        let groups = makeGroups(1)
        let declared = (0..<consumers).map { (index: $0, changed: false) }
        return Workload(
            liveGroups: groups, liveConsumers: [],
            yaml: render(settings: "settings:\n  prune: false\n", groups: groups, consumers: declared, groupCount: 1),
            declaredConsumers: declared.count, declaredGroups: groups.count
        )
    }

    /// The creates workload's group name and create bodies: one JSON object a line with the fields
    /// `fracttal apply` sends for each consumer, except `id_group_permission` (the group's id is the server's).
    static func createBodies(consumers: Int) throws -> (group: String, lines: String) {
        var lines = ""
        lines.reserveCapacity(150 * consumers)
        for index in 0..<consumers {
            let body: [String: Any] = [
                "name": consumerName(index), "description": consumerDescription(index, changed: false),
                "grant_type": "client_credentials", "hub_enabled": index % 3 == 0,
            ]
            let data = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])
            lines += String(decoding: data, as: UTF8.self) + "\n"
        }
        return (groupName(0), lines)
    }

    /// Writes the configuration as `DIR/config.yaml` and returns the file's path.
    func write(to directory: String) throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/config.yaml"
        try yaml.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }
}
