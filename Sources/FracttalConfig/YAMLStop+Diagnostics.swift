import FracttalModel

extension YAMLStop {
    /// The diagnostics for this stop in `file`, whose text is `text`: one, or one per repeated key.
    func diagnostics(file: String, text: String, aliasLimit: Int) -> [Diagnostic] {
        func location(_ place: Place) -> SourceLocation {
            SourceLocation(file: file, line: place.line, column: place.column)
        }
        switch self {
        case .syntax(let error):
            return [Self.diagnostic(for: error, file: file, text: text)]
        case .undefinedAlias(let place):
            return [.yamlSyntax("found undefined alias", at: location(place))]
        case .repeatedKeys(let repetitions):
            return repetitions.map { .duplicateKey($0.key, firstLine: $0.firstLine, at: location($0.place)) }
        case .tooManyAliases(let anchor, let place):
            return [.tooManyAliases(file, limit: aliasLimit, crossedBy: anchor, at: location(place))]
        case .aliasInKey(let place):
            return [.aliasInKey(at: location(place))]
        }
    }

    /// The diagnostic for libyaml's error, at the place libyaml names.
    private static func diagnostic(for error: LibYAMLError, file: String, text: String) -> Diagnostic {
        switch error.stage {
        case .reader:
            let (line, column) = position(ofByteOffset: error.byteOffset, in: text)
            return .yamlSyntax("\(error.problem): remove this character", at: SourceLocation(file: file, line: line, column: column))
        case .memory:
            return .yamlSyntax(error.problem, at: SourceLocation(file: file, line: 1, column: 1))
        case .scanner, .parser:
            var message = error.problem
            if error.problem.hasPrefix("Maximum nesting level reached") {
                message = "lists and mappings nest more than 1000 levels deep: flatten them"
            } else if let context = error.context, !context.isEmpty {
                message += " (\(context))"
            }
            if character(in: text, line: error.line, column: error.column) == "\t" {
                message += ": indent with spaces, not tabs"
            }
            return .yamlSyntax(message, at: SourceLocation(file: file, line: error.line, column: error.column))
        }
    }

    /// The scalar at a 1-based line and column, if any; only used on the error path.
    private static func character(in text: String, line: Int, column: Int) -> Unicode.Scalar? {
        var currentLine = 1
        var currentColumn = 1
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if currentLine == line && currentColumn == column { return scalar }
            if currentLine > line { return nil }
            if scalar == "\n" {
                if !previousWasCR { currentLine += 1 }
                currentColumn = 1
            } else if scalar == "\r" {
                currentLine += 1
                currentColumn = 1
            } else {
                currentColumn += 1
            }
            previousWasCR = scalar == "\r"
        }
        return nil
    }

    /// Line and column of the character at a UTF-8 byte offset (libyaml's reader errors name one).
    private static func position(ofByteOffset offset: Int, in text: String) -> (Int, Int) {
        var line = 1
        var column = 1
        var previousWasCR = false
        var consumed = 0
        for scalar in text.unicodeScalars {
            if consumed >= offset { break }
            consumed += UTF8.width(scalar)
            if scalar == "\n" {
                if !previousWasCR { line += 1 }
                column = 1
            } else if scalar == "\r" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            previousWasCR = scalar == "\r"
        }
        return (line, column)
    }
}
