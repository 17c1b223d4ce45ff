/// Where the command line writes: people's output to standard output, diagnostics to standard error.
///
/// Writes through the running command's `CommandContext`, so everything written goes through its
/// `OutputRedaction` and the tool's own secret is never printed.
enum StandardStreams {
    /// Writes text to standard output as is (renderers have escaped what they print).
    static func out(_ text: String) {
        CommandContext.current.out(text)
    }

    /// Writes a line to standard error, with control and bidirectional characters escaped (`DisplayText`).
    static func err(_ line: String) {
        CommandContext.current.err(line)
    }

    /// Writes text to standard error without escaping (a progress line's own terminal codes).
    static func errRaw(_ text: String) {
        CommandContext.current.errRaw(text)
    }

    /// `text` without the tool's secret; warns on standard error the first time it had to remove it.
    static func redacted(_ text: String) -> String {
        CommandContext.current.redacted(text)
    }

    /// Whether standard output is a terminal.
    static var outputIsTerminal: Bool { CommandContext.current.streams.outputIsTerminal }

    /// Whether standard error is a terminal.
    static var errorIsTerminal: Bool { CommandContext.current.streams.errorIsTerminal }

    /// Whether standard input is a terminal.
    static var inputIsTerminal: Bool { CommandContext.current.streams.inputIsTerminal }
}
