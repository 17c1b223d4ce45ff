import ArgumentParser
import Foundation

/// `fracttal export`: writes the live company as configuration files.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the live groups and consumers as configuration files that plan to no change.",
        discussion: """
            Writes settings.yaml, permission_groups.yaml and consumers.yaml into the folder \
            (created when missing; those files are replaced), with fracttal.schema.json beside \
            them, which their $schema comment names for editors. Settings keep prune off and \
            protect the consumer the tool signs in as. A consumer gets `key:` only when another \
            live consumer shares its name, unless --with-keys asks for every key, so that plans \
            bind each consumer by key (a rename in Fracttal then stays the same consumer). With \
            CI set and no target given, export refuses to use the embedded sandbox.

            Examples:
              fracttal export --out config/ && fracttal plan config/ --detailed-exitcode
              fracttal export --out config/ --with-keys
            """
    )

    @Option(help: "The folder to write into.", completion: .directory)
    var out: String = "."

    @Flag(help: "Write `key:` for every consumer, so that plans bind each one by key rather than by name.")
    var withKeys = false

    @OptionGroup var target: TargetOptions
    @OptionGroup var color: ColorOptions

    func run() async throws {
        try await ExportWorkflow().run(target: target, into: out, withKeys: withKeys)
    }
}
