import FracttalConcurrency
import Foundation
import FracttalModel

/// What one run of the command line takes from its surroundings: the environment, the streams, the
/// folder relative paths start from, and the redaction of the secret it signs in with.
///
/// A task-local value, so that commands, workflows and the tasks they start read the run's own
/// values wherever they are, and two runs in one process (tests) never see each other's.
struct CommandContext: Sendable {
    /// The environment (target, credentials, `${env:NAME}`, `NO_COLOR`, `CI`).
    var environment: [String: String]
    /// Where the run writes and reads.
    var streams: CommandStreams
    /// The folder relative paths start from; nil for the process's current folder.
    var workingDirectory: String?
    /// Keeps `FRACTTAL_CLIENT_SECRET` out of everything the run prints or saves.
    var redaction: OutputRedaction
    /// The wall clock: the plan's own time, and what `rotate_secret_before` and secret ages are measured against.
    var now: @Sendable () -> Date = { Date() }
    /// The clock the client, the applier, the store's lock and the progress line wait and measure with.
    var clock: any FracttalClock = ContinuousClock()

    /// A context for `environment` and `streams` that protects the environment's `FRACTTAL_CLIENT_SECRET`.
    init(environment: [String: String], streams: CommandStreams, workingDirectory: String? = nil) {
        self.environment = environment
        self.streams = streams
        self.workingDirectory = workingDirectory
        redaction = OutputRedaction()
        redaction.protect(environment["FRACTTAL_CLIENT_SECRET"])
    }

    /// Whether the run is in CI: `CI` is set to anything but empty, `false` or `0`.
    var isCI: Bool {
        environment["CI"].map { !$0.isEmpty && $0 != "false" && $0 != "0" } ?? false
    }

    /// The context of the running command; outside any run (a signal handler), the process's own.
    @TaskLocal static var current = CommandContext(environment: ProcessInfo.processInfo.environment, streams: .standard)

    /// Where a path the user gave (or a default such as `.fracttal/sandbox.sqlite`) is: `path` itself for
    /// the process's own run, which leaves relative paths to the current folder (and messages as the
    /// user wrote them), or `path` inside the run's working folder.
    func location(of path: String) -> String {
        guard let workingDirectory, !path.hasPrefix("/") else { return path }
        return (workingDirectory as NSString).appendingPathComponent(path)
    }

    /// Writes text to standard output as is (renderers have escaped what they print).
    func out(_ text: String) {
        streams.writeOutput(redacted(text))
    }

    /// Writes a line to standard error, with control and bidirectional characters escaped.
    func err(_ line: String) {
        errRaw(DisplayText.escapedLines(line) + "\n")
    }

    /// Writes text to standard error without escaping (a progress line's own terminal codes).
    func errRaw(_ text: String) {
        streams.writeError(redacted(text))
    }

    /// `text` without the tool's secret; warns on standard error the first time it had to remove it.
    func redacted(_ text: String) -> String {
        let (clean, firstTime) = redaction.redacted(text)
        if firstTime { streams.writeError(OutputRedaction.warning + "\n") }
        return clean
    }
}
