import FracttalCLI
import FracttalTestSupport

/// Runs the `fracttal` command line in this process, as the executable does, with the streams captured.
enum InProcessFracttal {
    /// Runs `arguments` with only `environment` (nothing of the test process's own), relative paths
    /// starting in `folder`, and streams that are terminals when `terminal` says so. `input` answers
    /// the reads of standard input in turn.
    static func run(
        _ arguments: [String], in folder: TemporaryFolder? = nil, environment: [String: String] = [:],
        terminal: Terminal = .none, input: [String] = []
    ) async -> CommandResult {
        let output = Locked("")
        let error = Locked("")
        let lines = Locked(input[...])
        let streams = CommandStreams(
            writeOutput: { text in output.withLock { $0 += text } },
            writeError: { text in error.withLock { $0 += text } },
            readInputLine: { lines.withLock { $0.popFirst() } },
            outputIsTerminal: terminal.contains(.output),
            errorIsTerminal: terminal.contains(.error),
            inputIsTerminal: terminal.contains(.input)
        )
        let status = await FracttalCLI.run(
            arguments: arguments, environment: environment, streams: streams, workingDirectory: folder?.path
        )
        return CommandResult(status: status, stdout: output.value, stderr: error.value)
    }

    /// Which of the standard streams a run sees as a terminal.
    struct Terminal: OptionSet {
        let rawValue: Int
        static let output = Terminal(rawValue: 1)
        static let error = Terminal(rawValue: 2)
        static let input = Terminal(rawValue: 4)
        static let none: Terminal = []
        static let all: Terminal = [.output, .error, .input]
    }
}
