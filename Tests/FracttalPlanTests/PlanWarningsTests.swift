import Foundation
import FracttalModel
import FracttalPlan
import FracttalTestSupport
import Testing

/// The planner's warnings and notes are part of the plan, so that text, Markdown, JSON and GitHub
/// annotations all show them with their codes and places.
struct PlanWarningsTests {
    static let techs = liveGroup(12, "Techs", ["assets:view"])

    /// A rename onto the name of an undeclared live consumer (FRC220, a warning) with prune on and the
    /// default group kept (FRC221, a note).
    static let result = Scenario(
        consumers: [declaredConsumer("erp-sync", group: "Techs", line: 20, key: "KEY1")],
        settings: pruning(protectConsumers: ["KEY2"]),
        liveGroups: [liveGroup(1, "Default", isDefault: true), techs],
        liveConsumers: [liveConsumer("KEY1", "old", group: 12), liveConsumer("KEY2", "erp-sync", group: 12)]
    ).plan()

    @Test func everyWarningAndNoteOfThePlannerIsInThePlan() {
        let found = Self.result.diagnostics.filter { $0.severity != .error }
        #expect(found.map(\.code).contains("FRC220"))
        #expect(found.map(\.code).contains("FRC221"))
        #expect(Self.result.plan.warnings.map(\.diagnostic) == found)
    }

    @Test func text() {
        let text = Self.result.plan.renderedText()
        assertSnapshot(text, named: "warnings.txt")
        #expect(text.contains("Warnings:\n  - fracttal.yaml:20:11: warning: "))
        #expect(text.contains("[FRC220]"))
    }

    @Test func markdown() {
        let markdown = Self.result.plan.renderedMarkdown()
        assertSnapshot(markdown, named: "warnings.md")
        #expect(markdown.contains("**Warnings**\n\n- <code>fracttal.yaml:20:11</code>: "))
        #expect(markdown.contains("(FRC220)"))
    }

    @Test func jsonHoldsEachWarningWithItsPlaceAndSurvivesARoundTrip() throws {
        let plan = Self.result.plan
        let object = try JSONSerialization.jsonObject(with: plan.encodedJSON()) as? [String: Any]
        let warnings = try #require(object?["warnings"] as? [[String: Any]])
        let collision = try #require(warnings.first { $0["code"] as? String == "FRC220" })
        #expect(collision["severity"] as? String == "warning")
        #expect(collision["file"] as? String == "fracttal.yaml")
        #expect(collision["line"] as? Int == 20)
        #expect(collision["column"] as? Int == 11)
        #expect((collision["message"] as? String)?.contains("erp-sync") == true)
        #expect(object?["notes"] is [String])
        #expect(try Plan.decode(from: plan.encodedJSON()) == plan)
    }

    @Test func aWarningWithoutAPlaceHasNullsInJSON() throws {
        var plan = Self.result.plan
        plan.warnings = [PlanWarning(.warning("FRC224", "no place"))]
        let text = plan.renderedJSON()
        #expect(text.contains(#""file" : null"#))
        #expect(try Plan.decode(from: plan.encodedJSON()).warnings == plan.warnings)
    }

    @Test func githubIsPlainTextThenAnAnnotationPerPlacedFinding() {
        var plan = Self.result.plan
        plan.warnings.append(PlanWarning(.warning("FRC224", "no place")))
        let github = plan.rendered(as: .github)
        #expect(github.hasPrefix(plan.renderedText()))
        #expect(!github.contains("\u{1B}"))
        let annotations = github.dropFirst(plan.renderedText().count).split(separator: "\n").map(String.init)
        #expect(annotations.count == plan.warnings.count - 1)
        #expect(annotations.contains { $0.hasPrefix("::warning file=fracttal.yaml,line=20,col=11::") && $0.hasSuffix("[FRC220]") })
        #expect(annotations.contains { $0.hasPrefix("::notice file=fracttal.yaml,") && $0.hasSuffix("[FRC221]") })
    }

    @Test func aNoteIsShownOnceEvenWhenItIsAlsoAPlainNote() {
        let text = Self.result.plan.renderedText()
        #expect(text.components(separatedBy: "is the default group").count == 2)
    }
}
