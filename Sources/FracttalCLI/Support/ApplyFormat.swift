import ArgumentParser

/// How `apply` reports (`--format`).
enum ApplyFormat: String, CaseIterable, ExpressibleByArgument {
    /// The plan, the report and the summary for people (the plan and summary on standard output).
    case text
    /// One JSON report on standard output at the end, and nothing else there; the rest on standard error.
    case json
}
