import Foundation
import FracttalTestSupport
import Testing

/// A plan file that cannot be read or used is refused in one sentence that gives its advice once.
struct PlanFileMessageTests {
    @Test(arguments: [
        ("{}", "FRC417"),
        (#"{"format_version": 99}"#, "FRC417"),
        (#"{"format_version": 1, "target": 3}"#, "FRC417"),
    ])
    func anUnusablePlanFileIsRefusedWithOneAdvice(_ example: (text: String, code: String)) async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(example.text, to: "plan.json")

            let result = await InProcessFracttal.run(["show", "plan.json"], in: folder)

            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.hasPrefix("error: plan.json "), "\(result)")
            #expect(result.stderr.hasSuffix(". [\(example.code)]\n"), "\(result)")
            #expect(result.stderr.components(separatedBy: "fracttal plan --out").count == 2, "the advice once: \(result)")
            #expect(result.stderr.components(separatedBy: "make ").count == 2, "the advice once: \(result)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result)")
        }
    }

    @Test(arguments: [["show", "missing.json"], ["apply", "--plan", "missing.json", "--auto-approve"]])
    func aMissingPlanFileIsOneSentenceWithOneFullStop(_ arguments: [String]) async throws {
        try await TemporaryFolder.with { folder in
            let result = await InProcessFracttal.run(arguments, in: folder)

            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.hasPrefix("error: cannot read the plan file missing.json (No such file or directory); "), "\(result)")
            #expect(result.stderr.hasSuffix(". [FRC416]\n"), "\(result)")
            #expect(!result.stderr.contains(".."), "\(result)")
            #expect(!result.stderr.contains(".;") && !result.stderr.contains(". ("), "\(result)")
        }
    }
}
