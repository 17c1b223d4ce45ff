/// A file's text with the start of every line, to find the place that a line and a column name.
///
/// Lines and columns are counted as libyaml counts them in its marks: 1-based, columns in Unicode
/// scalars, and LF, CR LF, CR, NEL, LS and PS each end a line.
struct SourceLines {
    typealias Index = String.UnicodeScalarView.Index

    /// The text.
    let scalars: String.UnicodeScalarView
    /// Where each line starts; `starts[0]` is line 1.
    private let starts: [Index]

    /// Indexes the lines of a text.
    init(_ text: String) {
        scalars = text.unicodeScalars
        var starts = [scalars.startIndex]
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            if scalar == "\r", index < scalars.endIndex, scalars[index] == "\n" {
                index = scalars.index(after: index)
            }
            if Self.isBreak(scalar) { starts.append(index) }
        }
        self.starts = starts
    }

    /// Whether a scalar ends a line.
    static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// The place of a 1-based line and column, or nil when the line has no such column.
    func index(line: Int, column: Int) -> Index? {
        guard line >= 1, line <= starts.count, column >= 1 else { return nil }
        let end = line < starts.count ? starts[line] : scalars.endIndex
        return scalars.index(starts[line - 1], offsetBy: column - 1, limitedBy: end)
    }

    /// A reader that walks the text from a line and column, keeping count of both.
    func cursor(line: Int, column: Int) -> Cursor? {
        index(line: line, column: column).map { Cursor(scalars: scalars, index: $0, line: line, column: column) }
    }

    /// Walks the text one Unicode scalar at a time, knowing its line and column.
    struct Cursor {
        let scalars: String.UnicodeScalarView
        private(set) var index: Index
        private(set) var line: Int
        private(set) var column: Int

        fileprivate init(scalars: String.UnicodeScalarView, index: Index, line: Int, column: Int) {
            self.scalars = scalars
            self.index = index
            self.line = line
            self.column = column
        }

        /// The scalar here, or nil at the end of the text.
        var current: Unicode.Scalar? { index < scalars.endIndex ? scalars[index] : nil }

        /// The scalar after this one, or nil.
        var next: Unicode.Scalar? {
            guard index < scalars.endIndex else { return nil }
            let after = scalars.index(after: index)
            return after < scalars.endIndex ? scalars[after] : nil
        }

        /// Moves one scalar on (a CR LF pair as one line break).
        mutating func advance() {
            guard let scalar = current else { return }
            index = scalars.index(after: index)
            if scalar == "\r", current == "\n" {
                index = scalars.index(after: index)
            }
            if SourceLines.isBreak(scalar) {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
    }
}
