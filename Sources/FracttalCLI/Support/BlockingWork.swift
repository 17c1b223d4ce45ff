import Dispatch

/// Runs synchronous, CPU-bound work on a Dispatch thread, so that the Swift concurrency pool (one
/// thread per processor) stays free for the HTTP reads that run meanwhile.
enum BlockingWork {
    /// The result of `work`, computed off the concurrency pool.
    static func run<Result: Sendable>(_ work: @escaping @Sendable () -> Result) async -> Result {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
    }
}
