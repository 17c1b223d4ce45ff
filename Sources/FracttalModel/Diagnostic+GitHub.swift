extension Diagnostic {
    /// The diagnostic as a GitHub Actions workflow command that annotates a pull request:
    /// `::error file=F,line=L,col=C::message [FRC101]` (`::warning`, `::notice` for the others), without a newline.
    ///
    /// Without a location the command has no properties. Control and bidirectional characters are escaped
    /// (`DisplayText`), then `%`, CR and LF as GitHub reads them, and `:` and `,` in the file name.
    public var gitHubAnnotation: String {
        let command = switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
        var properties = ""
        if let location {
            properties = " file=\(GitHubCommandEscaping.property(DisplayText.escaped(location.file))),line=\(location.line),col=\(location.column)"
        }
        return "::\(command)\(properties)::\(GitHubCommandEscaping.data(DisplayText.escaped(message))) [\(code)]"
    }
}

/// GitHub's escaping of the parts of a workflow command.
public enum GitHubCommandEscaping {
    /// A command's message: `%`, CR and LF.
    public static func data(_ text: String) -> String {
        escape(text, property: false)
    }

    /// A command's property value: as a message, plus `:` and `,`.
    public static func property(_ text: String) -> String {
        escape(text, property: true)
    }

    private static func escape(_ text: String, property: Bool) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            case ":" where property: result += "%3A"
            case "," where property: result += "%2C"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
