import FracttalConcurrency

/// Asks a running apply to stop: it starts nothing new and gives the calls in flight a grace period.
///
/// The command line requests it on the first SIGINT or SIGTERM.
public final class StopRequest: Sendable {
    private let requested = AwaitedValue(false)

    /// Creates a request that has not been made yet.
    public init() {}

    /// Makes the request; later calls do nothing.
    public func request() {
        requested.update { $0 = true }
    }

    /// Whether the request was made.
    public var isRequested: Bool { requested.value }

    /// Returns once the request is made, or when the calling task is cancelled.
    func wait() async {
        _ = await requested.wait { $0 }
    }
}
