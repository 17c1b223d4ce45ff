import ArgumentParser
import FracttalApply
import FracttalPlan
import Foundation

/// `fracttal apply`: plans (or loads a saved plan), asks for confirmation, and makes the changes.
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Make the changes of a plan, writing every new secret to --secrets-out.",
        discussion: """
            Examples:
              fracttal apply config/ --secrets-out secrets.json
              fracttal apply --plan plan.json --auto-approve --secrets-out secrets.env --secrets-format env
              fracttal apply config/ --auto-approve --secrets-out 'exec:contrib/secret-stores/pass/fracttal-store-pass'
              fracttal apply --plan plan.json --auto-approve --format json > report.json
              fracttal apply config/ --target 'consumer["erp-sync"]' --secrets-out secrets.json

            A plan that creates, replaces or rotates a consumer needs a secret store (--secrets-out or \
            FRACTTAL_SECRETS_OUT): a file, or exec:COMMAND for a store helper. The store also keeps the \
            record of each delivery, and apply holds its lock from before it reads anything. On a \
            terminal apply shows the plan and asks for `yes`; elsewhere it needs --auto-approve.
            """
    )

    @Argument(help: "Configuration files or folders. Default: the current folder. Not with --plan.", completion: .file())
    var paths: [String] = []

    @Option(
        help: "Apply this plan saved by `plan --out` instead of planning now; refused when the live state changed since.",
        completion: .file()
    )
    var plan: String?

    @Flag(help: "Apply without asking for `yes`.")
    var autoApprove = false

    @Option(help: "How many actions of one step run at once.")
    var parallelism: Int = Applier.defaultParallelism

    @Option(help: "text, or json: one JSON report on standard output at the end (never a secret), the rest on standard error.")
    var format: ApplyFormat = .text

    @Flag(help: "Allow a plan that deletes more than settings.max_delete_percent of the live objects of a kind.")
    var allowMassDelete = false

    @OptionGroup var partial: PartialPlanOptions
    @OptionGroup var store: SecretStoreOptions
    @OptionGroup var lock: LockOptions
    @OptionGroup var target: TargetOptions
    @OptionGroup var color: ColorOptions

    func validate() throws {
        if plan != nil, !paths.isEmpty {
            throw ValidationError("a saved plan carries its own configuration; drop PATH or --plan")
        }
        if plan != nil, !partial.targets.isEmpty {
            throw ValidationError("a saved plan carries its own targets (see `fracttal show`); drop --target or --plan")
        }
        guard (1...64).contains(parallelism) else {
            throw ValidationError("--parallelism must be between 1 and 64.")
        }
    }

    func run() async throws {
        let workflow = ApplyWorkflow(
            color: color,
            options: ApplyWorkflow.Options(
                paths: paths, savedPlan: plan, autoApprove: autoApprove, parallelism: parallelism,
                store: store, lock: lock, allowMassDelete: allowMassDelete, format: format, targets: partial.addresses
            )
        )
        try await workflow.run(target: target)
    }
}

