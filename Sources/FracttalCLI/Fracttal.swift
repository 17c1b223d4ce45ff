import ArgumentParser

/// The `fracttal` command: infrastructure as code for Fracttal API connections.
struct Fracttal: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Describe Fracttal permission groups and OAuth consumers in YAML; plan and apply the difference.",
        discussion: """
            Typical use:
              fracttal validate config/
              fracttal plan config/ --out plan.json
              fracttal apply --plan plan.json --secrets-out secrets.json

            With no --base-url, FRACTTAL_BASE_URL or CI, commands use the embedded sandbox \
            stored at .fracttal/sandbox.sqlite.
            """,
        version: BuildVersion.text,
        subcommands: [
            ValidateCommand.self,
            PlanCommand.self,
            ApplyCommand.self,
            ShowCommand.self,
            ExportCommand.self,
            UnlockCommand.self,
            SchemaCommand.self,
            SandboxCommand.self,
        ]
    )
}
