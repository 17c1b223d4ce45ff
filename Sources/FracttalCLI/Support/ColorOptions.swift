import ArgumentParser

/// `--no-color`, and the rule for when colour is used at all.
struct ColorOptions: ParsableArguments {
    @Flag(name: .customLong("no-color"), help: "Never colour the output (NO_COLOR set to a value in the environment does the same).")
    var noColor = false

    /// Colour only on a terminal, and never with `--no-color` given or `NO_COLOR` set to a value
    /// (an empty `NO_COLOR=` leaves colour on, as no-color.org asks).
    var colorsStandardOutput: Bool {
        !noColor && !Self.environmentTurnsColourOff && CommandContext.current.streams.outputIsTerminal
    }

    /// Whether `NO_COLOR` is present and not empty.
    private static var environmentTurnsColourOff: Bool {
        CommandContext.current.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    }

}
