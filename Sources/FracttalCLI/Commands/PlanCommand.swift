import ArgumentParser
import Foundation
import FracttalPlan

/// `fracttal plan`: reads the live state and prints what `apply` would change.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Compare the configuration with the live company and print the changes apply would make.",
        discussion: """
            Examples:
              fracttal plan examples/quickstart
              fracttal plan config/ --format markdown --out plan.json --detailed-exitcode
              fracttal plan config/ --format github   # warnings annotate the pull request
              fracttal plan config/ --secrets-out 'exec:contrib/secret-stores/aws/fracttal-store-aws'
              fracttal plan config/ --target 'consumer["erp-sync"]' --out plan.json   # a partial plan

            With a secret store (--secrets-out or FRACTTAL_SECRETS_OUT) the plan also checks that \
            every secret was delivered; it only reads the store.
            """
    )

    @Argument(help: "Configuration files or folders. Default: the current folder.", completion: .file())
    var paths: [String] = []

    @Option(help: "Also save the plan as JSON to this file, for `apply --plan` and `show`.", completion: .file())
    var out: String?

    @Option(help: "text, markdown, json or github (text plus workflow-command annotations).")
    var format: PlanFormat = .text

    @Flag(help: "Exit 0 when there is nothing to change, 2 when there is, 1 on error.")
    var detailedExitcode = false

    @Flag(help: "Allow a plan that deletes more than settings.max_delete_percent of the live objects of a kind.")
    var allowMassDelete = false

    @OptionGroup var partial: PartialPlanOptions
    @OptionGroup var store: SecretStoreOptions
    @OptionGroup var target: TargetOptions
    @OptionGroup var color: ColorOptions

    func run() async throws {
        let workflow = PlanWorkflow(color: color, annotatesFailures: format == .github)
        let plan = try await workflow.makePlan(
            paths: paths, target: target, store: store, allowMassDelete: allowMassDelete, targets: partial.addresses)
        CommandContext.current.out(plan.rendered(as: format, colored: color.colorsStandardOutput))
        if let out {
            try PlanFile.write(plan, to: out)
        }
        if detailedExitcode, !plan.actions.isEmpty {
            throw ExitCode(2)
        }
    }
}
