import FracttalModel
import Foundation

/// Prints diagnostics on standard error as `file:line:column: error: message [FRC101]`.
enum DiagnosticPrinter {
    /// Prints each diagnostic on its own line.
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            CommandContext.current.err(diagnostic.description)
        }
    }
}
