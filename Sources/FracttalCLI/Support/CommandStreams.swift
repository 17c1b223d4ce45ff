import Foundation

/// Where a command run writes its output and reads its confirmation: the process's standard streams,
/// or whatever a test gives it.
public struct CommandStreams: Sendable {
    /// Writes text to standard output, as is and at once (a script may be waiting for a line).
    public var writeOutput: @Sendable (String) -> Void
    /// Writes text to standard error, as is and at once.
    public var writeError: @Sendable (String) -> Void
    /// Reads one line of standard input without its newline; nil at the end of input.
    public var readInputLine: @Sendable () -> String?
    /// Whether standard output is a terminal (colour is used only there).
    public var outputIsTerminal: Bool
    /// Whether standard error is a terminal (apply's progress is a live line only there).
    public var errorIsTerminal: Bool
    /// Whether standard input is a terminal (apply asks for `yes` only there).
    public var inputIsTerminal: Bool

    /// Streams made of the given functions; none of them is a terminal unless said so.
    public init(
        writeOutput: @escaping @Sendable (String) -> Void,
        writeError: @escaping @Sendable (String) -> Void,
        readInputLine: @escaping @Sendable () -> String? = { nil },
        outputIsTerminal: Bool = false,
        errorIsTerminal: Bool = false,
        inputIsTerminal: Bool = false
    ) {
        self.writeOutput = writeOutput
        self.writeError = writeError
        self.readInputLine = readInputLine
        self.outputIsTerminal = outputIsTerminal
        self.errorIsTerminal = errorIsTerminal
        self.inputIsTerminal = inputIsTerminal
    }

    /// The process's standard output, error and input, unbuffered, each a terminal when `isatty` says so.
    /// A reader that goes away ends the command quietly (`StandardDescriptor`).
    public static var standard: CommandStreams {
        CommandStreams(
            writeOutput: { StandardDescriptor.writeOutput($0) },
            writeError: { StandardDescriptor.writeError($0) },
            readInputLine: { readLine(strippingNewline: true) },
            outputIsTerminal: isatty(STDOUT_FILENO) == 1,
            errorIsTerminal: isatty(STDERR_FILENO) == 1,
            inputIsTerminal: isatty(STDIN_FILENO) == 1
        )
    }
}
