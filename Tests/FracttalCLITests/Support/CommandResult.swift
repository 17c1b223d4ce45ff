/// What one run of `fracttal` returned and printed.
struct CommandResult: CustomStringConvertible {
    /// The exit status.
    var status: Int32
    /// Everything written to standard output.
    var stdout: String
    /// Everything written to standard error.
    var stderr: String

    /// Standard output with every run of white space (help's line wrapping included) made one space.
    var flatStdout: String {
        stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    var description: String { "status \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
}
