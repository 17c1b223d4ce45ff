import Foundation
import FracttalModel
import FracttalPlan
import FracttalTestSupport
import Testing

/// A company of 10,000 consumers and 1,000 groups: the planner must give the right plan (its speed is measured apart, not asserted).
struct ScaleTests {
    static func bigScenario() -> Scenario {
        var scenario = Scenario(settings: pruning(), allowMassDelete: true)
        scenario.liveGroups = [liveGroup(1, "Default", isDefault: true)]
        for id in 2...1_000 {
            scenario.liveGroups.append(liveGroup(id, "group-\(id)", ["assets:view"]))
            // Every tenth group gets a new permission; the last 50 are not declared and get pruned.
            if id <= 950 {
                scenario.groups.append(declaredGroup("group-\(id)", id % 10 == 0 ? ["assets:view", "meters:view"] : ["assets:view"], line: id * 10))
            }
        }
        for number in 0..<10_000 {
            let group = 2 + number % 949
            scenario.liveConsumers.append(liveConsumer(
                String(format: "KEY%015d", number), "consumer-\(number)", group: group, secretAgeDays: Double(number % 200)))
            // Every hundredth is undeclared (pruned); every seventh gets a description; maxSecretAge 180d rotates 19 in 200.
            if number % 100 != 99 {
                scenario.consumers.append(declaredConsumer(
                    "consumer-\(number)", group: "group-\(group)", line: 100_000 + number * 12,
                    description: number % 7 == 0 ? "changed" : nil, maxSecretAge: "180d"))
            }
        }
        for number in 0..<500 {
            scenario.consumers.append(declaredConsumer("new-\(number)", group: "group-\(2 + number)", line: 300_000 + number * 12))
        }
        return scenario
    }

    @Test func aLargeCompanyPlansCorrectly() {
        let scenario = Self.bigScenario()
        let result = scenario.plan()
        let keptDefault = "note FRC221 at fracttal.yaml:2:10"
        // A new consumer whose fields equal a pruned one's gets the previous_names suggestion (FRC225).
        let suggestions = result.findings.filter { $0.hasPrefix("warning FRC225 at fracttal.yaml:") }
        #expect(result.findings.filter { !suggestions.contains($0) } == [keptDefault])
        #expect(!suggestions.isEmpty)
        let summary = result.plan.summary
        let declared = (0..<10_000).filter { $0 % 100 != 99 }
        let updates = declared.filter { $0 % 7 == 0 }.count
        let rotations = declared.filter { $0 % 200 > 180 }.count
        #expect(summary.create == 500)
        #expect(summary.update == 95 + updates)
        #expect(summary.rotateSecret == rotations)
        #expect(summary.delete == 100 + 50)
        #expect(result.plan.stepCount == 5)
    }
}
