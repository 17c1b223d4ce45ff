import Dispatch
import Foundation
import FracttalApply
import Synchronization

/// SIGINT and SIGTERM (Ctrl-C; a CI job being cancelled).
///
/// While an apply makes changes, the first signal asks it to stop gracefully (`StopRequest`): it
/// starts nothing new, lets the calls in flight finish for a few seconds, writes every secret it
/// received and reports what was and was not done. Any other time the first signal ends the process
/// at once with exit code 1, and so does a second signal during an apply (the secret store's pending
/// marks still record what was in flight).
enum InterruptSignals {
    private struct State {
        var received = 0
        var stop: StopRequest?
    }

    private static let state = Mutex(State())
    /// The sources stay referenced for the life of the process; `install()` runs once, before any other thread reads them.
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    /// Takes SIGINT and SIGTERM over from the default action; call once, early.
    static func install() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global(qos: .userInitiated))
            source.setEventHandler { received() }
            source.resume()
            sources.append(source)
        }
    }

    /// Runs `work` with the first signal turned into `stop.request()` instead of the end of the process.
    static func stopping<Result>(_ stop: StopRequest, during work: () async throws -> Result) async rethrows -> Result {
        state.withLock { $0.stop = stop }
        defer { state.withLock { $0.stop = nil } }
        return try await work()
    }

    /// A reader of standard output or error went away: while an apply makes changes, asks it to stop
    /// as the first signal does and returns true; returns false any other time (the caller ends the process).
    static func stopApplyingGracefully() -> Bool {
        guard let stop = state.withLock({ $0.stop }) else { return false }
        stop.request()
        return true
    }

    private static func received() {
        let (count, stop) = state.withLock { state in
            state.received += 1
            return (state.received, state.stop)
        }
        if count == 1, let stop {
            CommandContext.current.err("\nInterrupted: starting nothing new, letting calls in flight finish for up to \(Applier.defaultStopGrace.components.seconds) s and writing every secret received; interrupt again to stop at once.")
            stop.request()
            return
        }
        CommandContext.current.err(
            stop == nil && count == 1
                ? "\nInterrupted."
                : "\nInterrupted again: stopping at once; the secret store's pending marks record what was in flight, so run apply again with the same store."
        )
        exit(1)
    }
}
