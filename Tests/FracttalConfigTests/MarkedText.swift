import FracttalModel

/// Text with location markers (`1️⃣` ... `9️⃣`, `🔟`) taken out, and where each marker stood.
///
/// A marker stands right before the character a diagnostic should point at:
/// `- 1️⃣nam: x` expects a diagnostic at the `n`. Lines and columns are 1-based, and columns
/// count Unicode scalars, as `SourceLocation` does. CRLF and lone CR end lines, as in YAML.
struct MarkedText {
    /// The text without markers.
    let text: String
    /// Each marker's line and column in `text`.
    let markers: [String: (line: Int, column: Int)]

    init(_ marked: String) {
        var text = String.UnicodeScalarView()
        var markers: [String: (line: Int, column: Int)] = [:]
        let scalars = Array(marked.unicodeScalars)
        var line = 1
        var column = 1
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if ("0"..."9").contains(scalar), index + 2 < scalars.count,
               scalars[index + 1] == "\u{FE0F}", scalars[index + 2] == "\u{20E3}" {
                markers[String(String.UnicodeScalarView([scalar, "\u{FE0F}", "\u{20E3}"]))] = (line, column)
                index += 3
                continue
            }
            if scalar == "\u{1F51F}" {
                markers["🔟"] = (line, column)
                index += 1
                continue
            }
            text.append(scalar)
            if scalar == "\n" {
                if index == 0 || scalars[index - 1] != "\r" { line += 1 }
                column = 1
            } else if scalar == "\r" {
                line += 1
                column = 1
            } else if scalar != "\u{FEFF}" || line != 1 || column != 1 {
                column += 1
            }
            index += 1
        }
        self.text = String(text)
        self.markers = markers
    }
}
