import Foundation
import FracttalModel
import FracttalPlan
import FracttalTestSupport
import Testing

struct OrderingTests {
    /// Every kind of action at once.
    static let everything = Scenario(
        groups: [
            declaredGroup("Zeta", ["assets:view"], line: 12),
            declaredGroup("Alpha", ["assets:view"], line: 20),
            declaredGroup("Techs", ["assets:view", "work_orders:*"], description: "Field technicians", line: 30),
        ],
        consumers: [
            declaredConsumer("erp-sync", group: "Techs", line: 50, description: "SAP PM", hub: true),
            declaredConsumer("bi-portal", group: "Alpha", line: 70, grantType: .authorizationCode, redirectURI: "https://bi.example.com/cb"),
            declaredConsumer("crm", group: "Techs", line: 90, previousNames: ["consumidor alex"], maxSecretAge: "90d"),
            declaredConsumer("audit", group: "Zeta", line: 110, rotateSecretBefore: now.addingTimeInterval(-30 * day)),
        ],
        settings: pruning(),
        liveGroups: [
            liveGroup(1, "Default", isDefault: true),
            liveGroup(12, "Techs", ["assets:view", "assets:edit"], description: "Técnicos"),
            liveGroup(13, "Legacy"),
            liveGroup(14, "Zeta", ["assets:view"]),
        ],
        liveConsumers: [
            liveConsumer("KEYBI000000000000A", "bi-portal", group: 12),
            liveConsumer("KEYCRM00000000000B", "consumidor alex", group: 12, secretAgeDays: 120),
            liveConsumer("KEYOLD00000000000C", "old-export", group: 13),
            liveConsumer("KEYAUD00000000000D", "audit", group: 14, secretAgeDays: 60),
        ],
        allowMassDelete: true)

    @Test func stepsFollowThePhasesAndAddressesOrderEachStep() {
        let result = Self.everything.plan()
        #expect(result.findings == ["note FRC221 at fracttal.yaml:2:10"])
        #expect(result.outline == [
            #"1 create group["Alpha"]"#,
            #"1 update group["Techs"]"#,
            #"2 replace consumer["bi-portal"]"#,
            #"2 update consumer["crm"]"#,
            #"2 create consumer["erp-sync"]"#,
            #"3 rotate_secret consumer["audit"]"#,
            #"3 rotate_secret consumer["crm"]"#,
            #"4 delete consumer["old-export"]"#,
            #"5 delete group["Legacy"]"#,
        ])
        #expect(result.plan.summary == PlanSummary(create: 2, update: 2, replace: 1, delete: 2, rotateSecret: 2, unchanged: 1))
    }

    @Test func stepsAreNumberedDenselyOverTheNonEmptyPhases() {
        let result = Scenario(
            groups: [declaredGroup("Default", [], line: 10)],
            consumers: [declaredConsumer("erp", group: "Default", line: 20, maxSecretAge: "1d")],
            settings: pruning(),
            liveGroups: [liveGroup(1, "Default", isDefault: true), liveGroup(2, "Old")],
            liveConsumers: [liveConsumer("K1", "erp", group: 1, secretAgeDays: 2)],
            allowMassDelete: true
        ).plan()
        #expect(result.outline == [#"1 rotate_secret consumer["erp"]"#, #"2 delete group["Old"]"#])
    }

    @Test func liveObjectsOfOneNameAreOrderedByKey() {
        let result = Scenario(
            settings: pruning(), liveGroups: [liveGroup(1, "Default", isDefault: true)],
            liveConsumers: [liveConsumer("KB", "twin", group: 1), liveConsumer("KA", "twin", group: 1)],
            allowMassDelete: true
        ).plan()
        #expect(result.plan.actions.map(\.liveKey) == ["KA", "KB"])
    }

    @Test func thePlanCarriesTheContext() {
        let plan = Self.everything.plan().plan
        #expect(plan.formatVersion == 1)
        #expect(plan.target == "https://acme.example/api")
        #expect(plan.configurationDigest == "0123456789abcdef")
        #expect(plan.createdAt == now)
        #expect(plan.liveFingerprint == Fingerprint.of(Self.everything.live))
    }
}
