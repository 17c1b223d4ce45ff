/// A failure the command has already explained to the user; it only ends the process with exit code 1.
struct CommandFailure: Error, CustomStringConvertible {
    /// The one-sentence explanation printed on standard error, or empty when already printed.
    var message: String

    /// An empty message (the default) means the explanation is already printed and only the exit code is left.
    init(_ message: String = "") {
        self.message = message
    }

    var description: String { message.isEmpty ? "" : "error: \(message)" }
}
