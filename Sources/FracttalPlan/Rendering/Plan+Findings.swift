import FracttalModel

extension Plan {
    /// The warnings to show, in the order found.
    var shownWarnings: [Diagnostic] {
        warnings.filter { !$0.isNote }.map(\.diagnostic)
    }

    /// The notes to show: each note diagnostic, then each plain note that is not one of them.
    var shownNotes: [(diagnostic: Diagnostic?, text: String)] {
        let noteDiagnostics = warnings.filter(\.isNote).map(\.diagnostic)
        let messages = Set(noteDiagnostics.map(\.message))
        return noteDiagnostics.map { ($0, $0.message) } + notes.filter { !messages.contains($0) }.map { (nil, $0) }
    }

    /// `file:line:column: warning: message [FRC210]`, or the plain note; control characters escaped.
    static func textLine(_ finding: (diagnostic: Diagnostic?, text: String)) -> String {
        finding.diagnostic?.description ?? RenderedValue.escaped(finding.text, escapingQuotes: false)
    }

    /// A Markdown list item: the place in code, the message, the code; everything escaped.
    static func markdownLine(_ finding: (diagnostic: Diagnostic?, text: String)) -> String {
        let message = MarkdownText.escaped(RenderedValue.escaped(finding.text, escapingQuotes: false))
        guard let diagnostic = finding.diagnostic else { return "- \(message)\n" }
        let place = diagnostic.location.map { "<code>\(MarkdownText.escaped(RenderedValue.escaped($0.description, escapingQuotes: false)))</code>: " } ?? ""
        return "- \(place)\(message) (\(diagnostic.code))\n"
    }
}
