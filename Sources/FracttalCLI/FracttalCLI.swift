import ArgumentParser

/// The `fracttal` command line as a library: the executable and the tests run it the same way.
public enum FracttalCLI {
    /// Runs `fracttal` with `arguments` (without the program's name) and returns its exit status:
    /// 0, 1 for any failure (usage errors included: the tool has only 0, 1 and 2; see "Exit codes"
    /// in docs/cli.md), or 2 from `plan --detailed-exitcode` when there are changes.
    ///
    /// The run reads only `environment` and writes only to `streams`; nothing of it, the secret it
    /// signs in with included, reaches the process's own streams. Relative paths (arguments, and
    /// `.fracttal/` for the embedded sandbox, and a secrets file) start from `workingDirectory`,
    /// or from the process's current folder when it is nil. `handlesSignals` lets SIGINT and SIGTERM
    /// stop an apply gracefully and end the process otherwise: only for the process's own run,
    /// since it takes the signals over for the whole process.
    public static func run(
        arguments: [String], environment: [String: String], streams: CommandStreams, workingDirectory: String? = nil,
        handlesSignals: Bool = false
    ) async -> Int32 {
        let context = CommandContext(environment: environment, streams: streams, workingDirectory: workingDirectory)
        return await CommandContext.$current.withValue(context) {
            await run(arguments, handlesSignals: handlesSignals)
        }
    }

    private static func run(_ arguments: [String], handlesSignals: Bool) async -> Int32 {
        do {
            var command = try Fracttal.parseAsRoot(arguments)
            // The sandbox server shuts down on signals of its own accord.
            if handlesSignals, !(command is SandboxCommand.Serve) { InterruptSignals.install() }
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch {
            return status(reporting: error)
        }
    }

    /// Prints what `error` has to say (help and `--version` on standard output, the rest on standard
    /// error) and returns the exit status it stands for.
    private static func status(reporting error: any Error) -> Int32 {
        if let failure = error as? CommandFailure {
            if !failure.description.isEmpty { CommandContext.current.err(failure.description) }
            return 1
        }
        if Fracttal.exitCode(for: error) == .success {
            let message = Fracttal.fullMessage(for: error)
            if !message.isEmpty { CommandContext.current.out(message + "\n") }
            return 0
        }
        if let exit = error as? ExitCode {
            return exit.rawValue
        }
        let message = Fracttal.fullMessage(for: error)
        if !message.isEmpty {
            CommandContext.current.errRaw(message + "\n")
        }
        return 1
    }
}
