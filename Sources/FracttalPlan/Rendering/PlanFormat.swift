import FracttalModel

/// The forms a plan can be shown in (`--format`).
public enum PlanFormat: String, Sendable, Hashable, CaseIterable {
    /// Terraform-like text for a terminal.
    case text
    /// Markdown for a pull-request comment.
    case markdown
    /// The saved-plan JSON.
    case json
    /// The text form without colour, then one GitHub Actions annotation per warning or note with a place.
    case github
}

extension Plan {
    /// The plan in the given form; `colored` applies to `text` only.
    public func rendered(as format: PlanFormat, colored: Bool = false) -> String {
        switch format {
        case .text: renderedText(colored: colored)
        case .markdown: renderedMarkdown()
        case .json: renderedJSON()
        case .github: renderedText() + gitHubAnnotations()
        }
    }

    /// `::warning file=F,line=L,col=C::message [FRC210]` (`::notice` for a note), one line each, for the
    /// warnings and notes that have a place in a file; a partial plan starts with a `::notice` that says so.
    public func gitHubAnnotations() -> String {
        let partial = targets.map { "::notice title=Partial plan::\(GitHubCommandEscaping.data(RenderedValue.partialSentence($0)))\n" } ?? ""
        return partial + warnings.compactMap { $0.diagnostic.location == nil ? nil : "\($0.diagnostic.gitHubAnnotation)\n" }.joined()
    }

    /// The saved-plan JSON as text (see `encodedJSON()`).
    public func renderedJSON() -> String {
        String(decoding: encodedJSON(), as: UTF8.self)
    }
}
