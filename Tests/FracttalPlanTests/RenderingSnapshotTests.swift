import Foundation
import FracttalModel
import FracttalPlan
import FracttalTestSupport
import Testing

struct RenderingSnapshotTests {
    /// A plan with every kind of action, and names that need escaping in Markdown.
    static let plan: Plan = {
        var scenario = OrderingTests.everything
        scenario.groups.append(declaredGroup("<b>Ops</b> | `x`", ["reports:view"], line: 200))
        return scenario.plan().plan
    }()

    static let noChanges = Scenario(
        groups: [declaredGroup("Techs", ["assets:view"], line: 10)],
        settings: pruning(),
        liveGroups: [liveGroup(1, "Default", isDefault: true), liveGroup(12, "Techs", ["assets:view"])]
    ).plan().plan

    @Test func text() {
        assertSnapshot(Self.plan.renderedText(), named: "plan.txt")
    }

    @Test func coloredText() {
        assertSnapshot(Self.plan.renderedText(colored: true), named: "plan-colored.txt")
    }

    @Test func textWithoutChanges() {
        let text = Self.noChanges.renderedText()
        assertSnapshot(text, named: "no-changes.txt")
        #expect(text.hasSuffix("No changes. The company matches the configuration.\n"))
    }

    @Test func textStartsWithTheTargetAndEndsWithTheSummary() {
        let lines = Self.plan.renderedText().split(separator: "\n")
        #expect(lines.first == "Target: https://acme.example/api")
        #expect(lines.last == "Plan: 3 to add, 2 to change, 1 to replace, 2 to destroy, 2 secrets to rotate.")
        #expect(!Self.plan.renderedText().contains("\u{1B}"))
        #expect(Self.plan.renderedText(colored: true).contains("\u{1B}[32m+ group[\"Alpha\"]"))
    }

    @Test func markdown() {
        assertSnapshot(Self.plan.renderedMarkdown(), named: "plan.md")
    }

    @Test func markdownWithoutChanges() {
        assertSnapshot(Self.noChanges.renderedMarkdown(), named: "no-changes.md")
    }

    @Test func markdownCutAtAnActionBoundary() {
        let full = Self.plan.renderedMarkdown()
        let cut = Self.plan.renderedMarkdown(maxCharacters: 2_500)
        assertSnapshot(cut, named: "plan-cut.md")
        #expect(cut.utf16.count <= 2_500)
        #expect(full.utf16.count > 2_500)
        #expect(cut.hasSuffix("more actions are not shown, to keep this comment short; see the full plan in the job's artifact, or run `fracttal show` on the saved plan.\n"))
        // Every shown block is whole.
        #expect(cut.components(separatedBy: "<details>").count == cut.components(separatedBy: "</details>").count)
    }

    @Test func markdownEscapesNames() {
        // Outside code blocks no name reaches Markdown or HTML as syntax; inside them it is literal text.
        let outsideCode = Self.plan.renderedMarkdown().components(separatedBy: "```").enumerated()
            .filter { $0.offset.isMultiple(of: 2) }.map(\.element).joined()
        #expect(!outsideCode.contains("<b>") && !outsideCode.contains("`x`") && !outsideCode.contains("| `"))
        #expect(outsideCode.contains("<code>group&#91;\"&#60;b&#62;Ops&#60;/b&#62; &#124; &#96;x&#96;\"&#93;</code>"))
    }

    @Test func json() {
        assertSnapshot(Self.plan.renderedJSON(), named: "plan.json")
    }

    @Test func renderedDispatchesOnTheFormat() {
        #expect(Self.plan.rendered(as: .text) == Self.plan.renderedText())
        #expect(Self.plan.rendered(as: .text, colored: true) == Self.plan.renderedText(colored: true))
        #expect(Self.plan.rendered(as: .markdown) == Self.plan.renderedMarkdown())
        #expect(Self.plan.rendered(as: .json) == String(decoding: Self.plan.encodedJSON(), as: UTF8.self))
    }

    @Test func controlCharactersInNamesAreEscaped() {
        let plan = Scenario(groups: [declaredGroup("evil\n\u{1B}[31mname", [], line: 10)]).plan().plan
        let text = plan.renderedText()
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains(#"+ group["evil\n\u{1b}[31mname"] will be created (step 1)"#))
    }
}
