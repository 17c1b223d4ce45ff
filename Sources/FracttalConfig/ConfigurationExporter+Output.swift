/// One file of an exported configuration.
public struct ExportedFile: Sendable, Hashable {
    /// The file's path relative to the folder the export writes to, for example `consumers.yaml`.
    public var path: String
    /// The file's whole text (UTF-8, `\n` line ends, a final line end).
    public var text: String

    /// Takes the text as it will be written: the exporter, not this initializer, ends its lines with `\n`.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// What `fracttal export` writes: configuration files that plan to no change, and what the user must know.
public struct ExportedConfiguration: Sendable, Hashable {
    /// The files, in the order to write and show them: settings, permission groups, consumers.
    public var files: [ExportedFile]
    /// One sentence each about a live object the files leave out or that a plan will report (for example
    /// two live groups of one name, of which only one can be declared); empty when the export is complete.
    public var notes: [String]

    /// Keeps the files in the order given, which is the order they are written and shown.
    public init(files: [ExportedFile], notes: [String]) {
        self.files = files
        self.notes = notes
    }
}
