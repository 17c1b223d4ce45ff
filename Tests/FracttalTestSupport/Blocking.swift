import Foundation

/// Runs blocking work (pipe reads, process waits) on a Dispatch thread, so it never holds a
/// thread of the concurrency pool that an in-process sandbox needs to answer.
public func blocking<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(returning: body()) }
    }
}
