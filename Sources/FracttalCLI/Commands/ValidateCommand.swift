import ArgumentParser
import FracttalConfig
import FracttalModel
import Foundation

/// `fracttal validate`: checks configuration files offline.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check configuration files offline: YAML, schema, names and references.",
        discussion: """
            No network is used. A permission_group that no file declares is a warning here: \
            `plan` checks it against the live groups.

            Examples:
              fracttal validate config/
              fracttal validate --format github config/   # annotations on a pull request
            """
    )

    @Argument(
        help: "Configuration files or folders (folders are read recursively for *.yaml and *.yml). Default: the current folder.",
        completion: .file()
    )
    var paths: [String] = []

    @Option(help: "text, json or github (workflow-command annotations).")
    var format: DiagnosticsFormat = .text

    @OptionGroup var color: ColorOptions

    func run() throws {
        let loaded = ConfigurationLoader(environment: CommandContext.current.environment)
            .load(paths: (paths.isEmpty ? ["."] : paths).map(CommandContext.current.location(of:)))
        let rendered = render(loaded.diagnostics, as: format)
        switch format {
        case .text:
            if !rendered.isEmpty { CommandContext.current.errRaw(rendered) }
            if !loaded.diagnostics.containsError {
                let state = loaded.state
                CommandContext.current.out("Valid: \(loaded.files.count) file(s), \(state.groups.count) group(s), \(state.consumers.count) consumer(s).\n")
            }
        case .json, .github:
            CommandContext.current.out(rendered)
        }
        if loaded.diagnostics.containsError { throw CommandFailure() }
    }
}

extension DiagnosticsFormat: ExpressibleByArgument {}
