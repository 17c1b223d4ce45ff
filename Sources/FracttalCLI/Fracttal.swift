import ArgumentParser
import Foundation

/// The `fracttal` command: infrastructure as code for Fracttal API connections.
@main
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
            SchemaCommand.self,
            SandboxCommand.self,
        ]
    )

    /// Runs the command line, mapping every failure to exit code 1 (the tool has only 0, 1 and 2; see README's "Exit codes").
    static func main() async {
        OutputRedaction.shared.protect(ProcessInfo.processInfo.environment["FRACTTAL_CLIENT_SECRET"])
        do {
            var command = try parseAsRoot()
            // The sandbox server shuts down on signals of its own accord.
            if !(command is SandboxCommand.Serve) { InterruptSignals.install() }
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if let failure = error as? CommandFailure {
                if !failure.description.isEmpty { StandardStreams.err(failure.description) }
                Foundation.exit(1)
            }
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            if let exit = error as? ExitCode {
                Foundation.exit(exit.rawValue)
            }
            let message = fullMessage(for: error)
            if !message.isEmpty {
                StandardStreams.errRaw(message + "\n")
            }
            Foundation.exit(1)
        }
    }
}
