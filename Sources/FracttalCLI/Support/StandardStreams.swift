import Foundation
import FracttalModel

/// Where the command line writes: people's output to standard output, diagnostics to standard error.
///
/// Everything written goes through `OutputRedaction`, so the tool's own secret is never printed.
enum StandardStreams {
    /// Writes text to standard output as is (renderers have escaped what they print).
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(redacted(text).utf8))
    }

    /// Writes a line to standard error, with control and bidirectional characters escaped (`DisplayText`).
    static func err(_ line: String) {
        errRaw(DisplayText.escapedLines(line) + "\n")
    }

    /// Writes text to standard error without escaping (a progress line's own terminal codes).
    static func errRaw(_ text: String) {
        FileHandle.standardError.write(Data(redacted(text).utf8))
    }

    /// `text` without the tool's secret; warns on standard error the first time it had to remove it.
    static func redacted(_ text: String) -> String {
        let (clean, firstTime) = OutputRedaction.shared.redacted(text)
        if firstTime { FileHandle.standardError.write(Data((OutputRedaction.warning + "\n").utf8)) }
        return clean
    }

    /// Whether standard output is a terminal.
    static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Whether standard error is a terminal.
    static var errorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Whether standard input is a terminal.
    static var inputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
}
