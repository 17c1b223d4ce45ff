import ArgumentParser
import FracttalConfig

/// `fracttal schema`: prints the JSON Schema of the configuration language.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of the configuration files.",
        discussion: """
            Example:
              fracttal schema > fracttal.schema.json
            """
    )

    func run() throws {
        do {
            CommandContext.current.out(try ConfigurationSchema.jsonText())
        } catch {
            throw CommandFailure(.schemaUnavailable, "\(error)")
        }
    }
}
