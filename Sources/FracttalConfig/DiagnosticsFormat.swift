import FracttalModel

/// How `validate` prints diagnostics.
public enum DiagnosticsFormat: String, CaseIterable, Sendable {
    /// `file:line:column: error: message [FRC101]`, one per line.
    case text
    /// One JSON object with counts and every diagnostic.
    case json
    /// GitHub Actions workflow commands (`::error file=F,line=L,col=C::message [FRC101]`) that annotate a pull request.
    case github
}

/// Renders diagnostics in a format; every format but JSON prints one line per diagnostic, each ending in a newline.
public func render(_ diagnostics: [Diagnostic], as format: DiagnosticsFormat) -> String {
    switch format {
    case .text: DiagnosticsRendering.text(diagnostics)
    case .json: DiagnosticsRendering.json(diagnostics)
    case .github: DiagnosticsRendering.github(diagnostics)
    }
}

/// The three renderings.
enum DiagnosticsRendering {
    /// `file:line:column: severity: message [code]` per line.
    static func text(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { "\($0)\n" }.joined()
    }

    /// `::error file=F,line=L,col=C::message [code]` per line (`::warning`, `::notice` for the others).
    static func github(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { "\($0.gitHubAnnotation)\n" }.joined()
    }

    /// `{"valid": ..., "errors": n, "warnings": n, "diagnostics": [...]}`, pretty-printed, keys in that order.
    static func json(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        var output = "{\n"
        output += "  \"valid\": \(errors == 0),\n"
        output += "  \"errors\": \(errors),\n"
        output += "  \"warnings\": \(warnings),\n"
        if diagnostics.isEmpty {
            output += "  \"diagnostics\": []\n"
        } else {
            output += "  \"diagnostics\": [\n"
            output += diagnostics.map { diagnostic in
                let location = diagnostic.location
                let fields = [
                    "\"severity\": \(quote(diagnostic.severity.rawValue))",
                    "\"code\": \(quote(diagnostic.code.rawValue))",
                    "\"message\": \(quote(diagnostic.message))",
                    "\"file\": \(location.map { quote($0.file) } ?? "null")",
                    "\"line\": \(location.map { String($0.line) } ?? "null")",
                    "\"column\": \(location.map { String($0.column) } ?? "null")",
                ]
                return "    {" + fields.joined(separator: ", ") + "}"
            }.joined(separator: ",\n")
            output += "\n  ]\n"
        }
        output += "}\n"
        return output
    }

    /// A JSON string literal.
    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
