import ArgumentParser
import Foundation
import FracttalPlan

/// `fracttal show`: renders a saved plan.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Render a plan saved by `plan --out`.",
        discussion: """
            Example:
              fracttal show plan.json --format markdown
            """
    )

    @Argument(help: "The saved plan.", completion: .file())
    var file: String

    @Option(help: "text, markdown, json or github (text plus workflow-command annotations).")
    var format: PlanFormat = .text

    @OptionGroup var color: ColorOptions

    func run() throws {
        let plan = try PlanFile.read(from: file)
        CommandContext.current.out(plan.rendered(as: format, colored: color.colorsStandardOutput))
    }
}
