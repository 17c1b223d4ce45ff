import Foundation
import FracttalModel
import FracttalPlan
import FracttalTestSupport
import Testing

/// Names and keys match exactly, code point for code point, as the server compares them: a name
/// written with "e" + U+0301 is not the one written with "é" (U+00E9), though Swift's `==` says it is.
struct ExactNameMatchingTests {
    static let composed = "Jos\u{E9} svc"
    static let decomposed = "Jose\u{301} svc"
    let techs = liveGroup(12, "Techs", ["assets:view"])

    /// The Unicode scalars of a text, so that `#expect` compares exactly.
    func scalars(_ text: String?) -> [Unicode.Scalar]? {
        text.map { Array($0.unicodeScalars) }
    }

    @Test func aLiveConsumerWhoseNameOnlyLooksAlikeIsNotAMatch() {
        let result = Scenario(
            consumers: [declaredConsumer(Self.composed, group: "Techs", line: 20)],
            liveGroups: [techs], liveConsumers: [liveConsumer("KEY1", Self.decomposed, group: 12)]
        ).plan()
        // Its twin's name looks the same, so the warning offers the key, not a name to retype.
        #expect(result.messages.count == 1)
        #expect(result.messages.first?.contains("other Unicode code points; if it is the same consumer, add `key: KEY1`") == true)
        #expect(result.messages.first?.hasSuffix("[FRC225]") == true)
        #expect(result.plan.actions.map(\.action) == [.create])
        #expect(scalars(result.plan.actions.first?.after?.name) == scalars(Self.composed))
        #expect(scalars(result.plan.actions.first?.address.name) == scalars(Self.composed))
        #expect(result.plan.summary.unchanged == 0)
    }

    @Test func withPruneTheLookalikeLiveConsumerIsDeleted() {
        let result = Scenario(
            groups: [declaredGroup("Techs", ["assets:view"], line: 10)],
            consumers: [declaredConsumer(Self.composed, group: "Techs", line: 20)], settings: pruning(),
            liveGroups: [techs], liveConsumers: [liveConsumer("KEY1", Self.decomposed, group: 12)], allowMassDelete: true
        ).plan()
        #expect(result.errors.isEmpty)
        #expect(result.plan.actions.map(\.action) == [.create, .delete])
        let delete = result.plan.actions[1]
        #expect(delete.liveKey == "KEY1")
        #expect(scalars(delete.before?.name) == scalars(Self.decomposed))
        #expect(scalars(delete.address.name) == scalars(Self.decomposed))
        #expect(result.plan.actions[0].address != delete.address)
    }

    @Test func aKeyMatchRenamesALookalikeName() {
        let result = Scenario(
            consumers: [declaredConsumer(Self.composed, group: "Techs", line: 20, key: "KEY1")],
            liveGroups: [techs], liveConsumers: [liveConsumer("KEY1", Self.decomposed, group: 12)]
        ).plan()
        #expect(result.messages.isEmpty)
        #expect(result.plan.actions.map(\.action) == [.update])
        #expect(result.plan.actions.first?.changedFields == ["name"])
        #expect(scalars(result.plan.actions.first?.after?.name) == scalars(Self.composed))
    }

    @Test func previousNamesMatchExactly() {
        let lookalike = Scenario(
            consumers: [declaredConsumer("nuevo", group: "Techs", line: 20, previousNames: [Self.composed])],
            liveGroups: [techs], liveConsumers: [liveConsumer("KEY1", Self.decomposed, group: 12)]
        ).plan()
        #expect(lookalike.plan.actions.map(\.action) == [.create])
        let exact = Scenario(
            consumers: [declaredConsumer("nuevo", group: "Techs", line: 20, previousNames: [Self.decomposed])],
            liveGroups: [techs], liveConsumers: [liveConsumer("KEY1", Self.decomposed, group: 12)]
        ).plan()
        #expect(exact.plan.actions.map(\.action) == [.update])
        #expect(exact.plan.actions.first?.liveKey == "KEY1")
    }

    @Test func groupsAndGroupReferencesMatchExactly() {
        let result = Scenario(
            groups: [declaredGroup("T\u{E9}cnicos", ["assets:view"], line: 10)],
            consumers: [
                declaredConsumer("a", group: "T\u{E9}cnicos", line: 20),
                declaredConsumer("b", group: "Te\u{301}cnicos", line: 30),
            ],
            liveGroups: [liveGroup(5, "Te\u{301}cnicos", ["assets:view"])]
        ).plan()
        #expect(result.errors.isEmpty)
        #expect(result.plan.actions.map(\.action) == [.create, .create, .create])
        #expect(scalars(result.plan.actions[0].after?.name) == scalars("T\u{E9}cnicos"))
        let references = result.plan.actions.dropFirst().map(\.groupRef)
        #expect(references == [.planned(name: "T\u{E9}cnicos"), .live(id: 5)])
        if case .planned(let name)? = references.first ?? nil {
            #expect(scalars(name) == scalars("T\u{E9}cnicos"))
        }
    }

    @Test func aGroupReferenceThatOnlyLooksLikeAGroupSaysSo() {
        let result = Scenario(
            groups: [declaredGroup("T\u{E9}cnicos", ["assets:view"], line: 10)],
            consumers: [declaredConsumer("a", group: "Te\u{301}cnicos", line: 20)]
        ).plan()
        #expect(result.errorFindings == [
            "error FRC207 at fracttal.yaml:23:20",
        ])
    }

    @Test func protectEntriesMatchExactly() {
        let result = Scenario(
            settings: pruning(protectConsumers: [Self.composed], protectGroups: ["T\u{E9}cnicos"]),
            liveGroups: [techs, liveGroup(5, "Te\u{301}cnicos")],
            liveConsumers: [liveConsumer("KEY1", Self.decomposed, group: 12)],
            allowMassDelete: true
        ).plan()
        #expect(result.errors.isEmpty)
        #expect(result.diagnostics.filter { $0.severity == .warning }.count == 2)
        #expect(result.plan.actions.map(\.action) == [.delete, .delete, .delete])
        #expect(result.plan.actions.compactMap(\.liveKey) == ["KEY1"])
        #expect(Set(result.plan.actions.compactMap(\.liveID)) == [5, 12])
    }
}
