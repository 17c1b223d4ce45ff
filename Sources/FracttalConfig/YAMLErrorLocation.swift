import FracttalModel
import Yams

/// Turns Yams' errors into diagnostics at the place libyaml names.
enum YAMLErrorDiagnostic {
    /// The diagnostics for an error thrown while composing `text` from `file`: one, or one per key
    /// that a mapping repeats.
    static func make(_ error: any Error, file: String, text: String) -> [Diagnostic] {
        if case .duplicatedKeysInMapping(let duplicates, let context)? = error as? YamlError {
            let first = context.mark
            if let key = duplicates.first,
               let repetitions = DuplicateKeyLocator.locate(key: key, line: first.line, column: first.column, in: text),
               !repetitions.isEmpty {
                return repetitions.map { repetition in
                    .duplicateKey(
                        repetition.key, firstLine: repetition.firstLine,
                        at: SourceLocation(file: file, line: repetition.line, column: repetition.column))
                }
            }
        }
        return [diagnostic(for: error, file: file, text: text)]
    }

    /// The one diagnostic for an error, at the place libyaml names.
    private static func diagnostic(for error: any Error, file: String, text: String) -> Diagnostic {
        guard let error = error as? YamlError else {
            return .yamlSyntax(String(describing: error), at: SourceLocation(file: file, line: 1, column: 1))
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = problem
            if problem.hasPrefix("Maximum nesting level reached") {
                message = "lists and mappings nest more than 1000 levels deep: flatten them"
            } else if let context, !context.text.isEmpty {
                message += " (\(context.text))"
            }
            if character(in: text, line: mark.line, column: mark.column) == "\t" {
                message += ": indent with spaces, not tabs"
            }
            return .yamlSyntax(message, at: SourceLocation(file: file, line: mark.line, column: mark.column))
        case .reader(let problem, let offset, _, _):
            let (line, column) = offset.map { position(ofCharacterOffset: $0, in: text) } ?? (1, 1)
            return .yamlSyntax("\(problem): remove this character", at: SourceLocation(file: file, line: line, column: column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            // The repetition could not be found: name the first occurrence of each repeated key.
            let key = duplicates.sorted().joined(separator: "`, `")
            return .duplicateKey(key, at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column))
        default:
            return .yamlSyntax(error.description, at: SourceLocation(file: file, line: 1, column: 1))
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

    /// Line and column of a Character offset (Yams reports reader errors so).
    private static func position(ofCharacterOffset offset: Int, in text: String) -> (Int, Int) {
        let end = text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex) ?? text.endIndex
        var line = 1
        var column = 1
        var previousWasCR = false
        for scalar in text[..<end].unicodeScalars {
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
