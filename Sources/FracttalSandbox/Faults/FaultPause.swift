import ServiceLifecycle

/// The wait of `hold_after` and `late_commit`: the fault delay, cut short when the server starts
/// shutting down gracefully (or the task is cancelled), so that stopping the sandbox never waits
/// out a long delay: a held answer is sent and a late commit is made at once.
enum FaultPause {
    /// Waits `milliseconds`, or until the server shuts down, whichever comes first.
    static func wait(milliseconds: Int) async {
        guard milliseconds > 0 else { return }
        let sleeper = Task { try? await Task.sleep(for: .milliseconds(milliseconds)) }
        await withTaskCancellationOrGracefulShutdownHandler {
            await sleeper.value
        } onCancelOrGracefulShutdown: {
            sleeper.cancel()
        }
    }
}
