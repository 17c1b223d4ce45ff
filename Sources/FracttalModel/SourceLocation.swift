/// A position in a configuration file: 1-based line and column.
///
/// Twelve bytes: the file is held as its number among the paths of `SourceFiles`, and the line and
/// column in 32 bits each (a configuration file is at most a few megabytes; larger values are clamped).
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    private let fileNumber: UInt32
    private let storedLine: Int32
    private let storedColumn: Int32

    /// The file's path as the user named it (relative paths stay relative).
    public var file: String { SourceFiles.path(fileNumber) }
    /// The 1-based line.
    public var line: Int { Int(storedLine) }
    /// The 1-based column, counted in Unicode scalars.
    public var column: Int { Int(storedColumn) }

    /// `line` and `column` are 1-based; the column counts Unicode scalars, not bytes or characters.
    public init(file: String, line: Int, column: Int) {
        fileNumber = SourceFiles.number(of: file)
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    /// A place in the same file as `other`, without looking its path up again: the fast way to make
    /// the many locations of one file.
    public init(line: Int, column: Int, inFileOf other: SourceLocation) {
        fileNumber = other.fileNumber
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    /// `file:line:column`, the form editors and CI annotations understand.
    public var description: String { "\(file):\(line):\(column)" }

    private enum CodingKeys: String, CodingKey {
        case file, line, column
    }

    /// Decodes `file`, `line` and `column`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            file: try container.decode(String.self, forKey: .file),
            line: try container.decode(Int.self, forKey: .line),
            column: try container.decode(Int.self, forKey: .column)
        )
    }

    /// Encodes `file`, `line` and `column`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
    }
}

extension SourceLocation: Comparable {
    /// Orders by file, then line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
