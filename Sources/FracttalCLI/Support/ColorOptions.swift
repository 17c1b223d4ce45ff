import ArgumentParser

/// `--no-color`, and the rule for when colour is used at all.
struct ColorOptions: ParsableArguments {
    @Flag(name: .customLong("no-color"), help: "Never colour the output (NO_COLOR in the environment does the same).")
    var noColor = false

    /// Colour only on a terminal, and never with `NO_COLOR` set or `--no-color` given.
    var colorsStandardOutput: Bool {
        !noColor && CommandContext.current.environment["NO_COLOR"] == nil && StandardStreams.outputIsTerminal
    }

}
