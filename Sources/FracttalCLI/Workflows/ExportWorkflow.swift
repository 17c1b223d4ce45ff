import FracttalAPI
import FracttalConfig
import FracttalModel
import Foundation

/// `export` from end to end: read the live state, write it as configuration files.
struct ExportWorkflow {
    /// Reads the target's live state and writes the exported files into `folder`; with `withKeys`, every
    /// consumer is written with its `key:`.
    func run(target options: TargetOptions, into folder: String, withKeys: Bool = false) async throws {
        let target = try await OpenTarget.open(options, store: nil)
        let live = try await target.closing { try await $0.readLiveState() }
        let exported = ConfigurationExporter.export(
            live, ownClientID: target.session.ownClientID, target: target.session.target.name, withKeys: withKeys)
        try write(exported, into: folder)
        for note in exported.notes {
            CommandContext.current.err("note: \(note)")
        }
        CommandContext.current.out(
            "Exported \(live.groups.count) group(s) and \(live.consumers.count) consumer(s) from \(target.session.target.name) to \((exported.files.map(\.path) + [ConfigurationExporter.schemaPath]).map { (folder as NSString).appendingPathComponent($0) }.joined(separator: ", ")).\n"
        )
    }

    /// Writes the exported files and, beside them, the JSON Schema their `$schema` comment names.
    private func write(_ exported: ExportedConfiguration, into folder: String) throws {
        let schema: ExportedFile
        do {
            schema = ExportedFile(path: ConfigurationExporter.schemaPath, text: try ConfigurationSchema.jsonText())
        } catch {
            throw CommandFailure(.schemaUnavailable, "\(error)")
        }
        let location = CommandContext.current.location(of: folder)
        do {
            try FileManager.default.createDirectory(atPath: location, withIntermediateDirectories: true)
            for file in exported.files + [schema] {
                let url = URL(fileURLWithPath: location).appendingPathComponent(file.path)
                // Live text could hold the tool's own secret; exported files go where plans go, so they are redacted alike.
                try Data(CommandContext.current.redacted(file.text).utf8).write(to: url, options: .atomic)
            }
        } catch {
            throw CommandFailure(.exportUnwritable, "cannot write the exported files into \(folder) (\(FileErrorReason.of(error))); check the folder is writable.")
        }
    }
}
