import Foundation
import FracttalModel
import Synchronization

/// Keeps the secret the tool signs in with (`FRACTTAL_CLIENT_SECRET`) out of everything it prints or
/// saves, whatever carried it there (a variable interpolated into a description, a description typed
/// into Fracttal): each occurrence becomes `***`, and a warning says so once.
///
/// A second line of defence: configuration already refuses `${env:FRACTTAL_CLIENT_SECRET}`.
final class OutputRedaction: Sendable {
    /// A redaction that protects nothing until `protect(_:)` is called.
    init() {}

    /// Values shorter than this are too common as text to be replaced safely (and too short to be a real secret).
    static let shortestRedacted = 6

    private struct State {
        var secret: String?
        var warned = false
    }

    private let state = Mutex(State())

    /// Protects `secret` from now on; nil or a too short value protects nothing.
    func protect(_ secret: String?) {
        guard let secret, secret.count >= Self.shortestRedacted else { return }
        state.withLock { $0.secret = secret }
    }

    /// `text` with the protected secret replaced by `***`, and whether anything was replaced for the first time.
    func redacted(_ text: String) -> (text: String, firstTime: Bool) {
        // Foundation's search: the standard library's `utf8.firstRange(of:)` is ten times slower on a long plan.
        guard let secret = state.withLock({ $0.secret }), text.contains(secret) else { return (text, false) }
        let firstTime = state.withLock { state in
            defer { state.warned = true }
            return !state.warned
        }
        return (text.replacingOccurrences(of: secret, with: "***"), firstTime)
    }

    /// The warning printed the first time something was replaced.
    static let warning = "warning: the value of FRACTTAL_CLIENT_SECRET appeared in what fracttal was about to print or save, and was replaced by ***; look for it in the configuration's values and in the live descriptions, and rotate that secret if it was shared. [\(Diagnostic.Code.secretRedacted)]"
}
