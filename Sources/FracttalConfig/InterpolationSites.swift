/// Finds where each `${` of a scalar's value was written in the file, so that a message about an
/// interpolation points at its `$` rather than at the start of the value.
///
/// Only a double-quoted scalar can make a `$` or a `{` out of an escape (`\x24`) or join two lines
/// with `\` at a line end; in every other style the value holds the `${` pairs of its source text in
/// the same order, whatever the folding. So the n-th `${` of the value is the n-th one read from the
/// scalar's start, and double-quoted text is decoded just far enough to say which scalar each
/// character of the value came from.
enum InterpolationSites {
    /// A 1-based line and column.
    typealias Position = (line: Int, column: Int)

    /// Where the first `count` `${` pairs of a scalar's value were written, in order; nil when the text
    /// does not hold that many from the scalar's start (`line` and `column` are its mark).
    static func locate(
        count: Int, style: YAMLNode.Style, line: Int, column: Int, in source: SourceLines
    ) -> [Position]? {
        guard count > 0, var cursor = source.cursor(line: line, column: column) else { return nil }
        switch style {
        case .doubleQuoted:
            guard skip(to: "\"", &cursor) else { return nil }
            cursor.advance()
            return decodeDoubleQuoted(count: count, from: cursor)
        case .singleQuoted:
            guard skip(to: "'", &cursor) else { return nil }
            cursor.advance()
            return scan(count: count, from: cursor, singleQuoted: true)
        case .literal, .folded:
            // The header (`|`, `>-`, maybe a comment) is not part of the value: start on the next line.
            let headerLine = cursor.line
            while cursor.current != nil, cursor.line == headerLine { cursor.advance() }
            return scan(count: count, from: cursor, singleQuoted: false)
        case .plain:
            return scan(count: count, from: cursor, singleQuoted: false)
        }
    }

    /// Moves to the next `quote` on the same line (past any anchor or tag); false when there is none.
    private static func skip(to quote: Unicode.Scalar, _ cursor: inout SourceLines.Cursor) -> Bool {
        let line = cursor.line
        while let scalar = cursor.current, cursor.line == line {
            if scalar == quote { return true }
            cursor.advance()
        }
        return false
    }

    /// The first `count` `${` pairs of the source text from the cursor; a single-quoted scalar ends at
    /// its closing quote (`''` stands for one quote and goes on).
    private static func scan(count: Int, from start: SourceLines.Cursor, singleQuoted: Bool) -> [Position]? {
        var cursor = start
        var found: [Position] = []
        while let scalar = cursor.current {
            if singleQuoted, scalar == "'" {
                guard cursor.next == "'" else { return nil }
                cursor.advance()
            } else if scalar == "$", cursor.next == "{" {
                found.append((cursor.line, cursor.column))
                if found.count == count { return found }
            }
            cursor.advance()
        }
        return nil
    }

    /// The first `count` `${` pairs of a double-quoted scalar's value, each at the source place of its `$`
    /// (an escape's backslash when an escape made it). The cursor stands just inside the opening quote.
    private static func decodeDoubleQuoted(count: Int, from start: SourceLines.Cursor) -> [Position]? {
        var cursor = start
        var found: [Position] = []
        var pendingDollar: Position?
        func emit(_ scalar: Unicode.Scalar, at position: Position) -> Bool {
            if scalar == "{", let dollar = pendingDollar {
                found.append(dollar)
                if found.count == count { return true }
            }
            pendingDollar = scalar == "$" ? position : nil
            return false
        }
        while let scalar = cursor.current, scalar != "\"" {
            let position = (cursor.line, cursor.column)
            if scalar == "\\" {
                cursor.advance()
                guard let escape = cursor.current else { return nil }
                if SourceLines.isBreak(escape) {
                    // An escaped line break joins the lines: it and the next line's indentation make nothing.
                    cursor.advance()
                    while cursor.current == " " || cursor.current == "\t" { cursor.advance() }
                    continue
                }
                cursor.advance()
                let digits = escape == "x" ? 2 : escape == "u" ? 4 : escape == "U" ? 8 : 0
                var value: UInt32 = 0
                for _ in 0..<digits {
                    guard let digit = cursor.current, let hex = UInt32(String(digit), radix: 16) else { return nil }
                    value = value * 16 + hex
                    cursor.advance()
                }
                // Only a `$` or a `{` matters here; any other escape stands for something else.
                let decoded = digits > 0 ? Unicode.Scalar(value) ?? " " : " "
                if emit(decoded, at: position) { return found }
                continue
            }
            // A line break folds into white space, which is neither `$` nor `{`.
            if emit(SourceLines.isBreak(scalar) ? " " : scalar, at: position) { return found }
            cursor.advance()
        }
        return nil
    }
}
