import Foundation
import FracttalTestSupport

/// The built `fracttal` started in the background with its output captured, so that a test can signal
/// or kill it mid-run and then read what it printed.
final class RunningFracttal: @unchecked Sendable {
    private let process = Process()
    private let output = Pipe()
    private let error = Pipe()
    private let outData = Locked(Data())
    private let errData = Locked(Data())
    private let readers = DispatchGroup()

    /// Starts `fracttal` with the arguments, in the folder, with the extra environment variables.
    init(_ arguments: [String], in folder: URL, environment extra: [String: String] = [:]) throws {
        process.executableURL = FracttalProcess.executableURL
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = FracttalProcess.cleanEnvironment.merging(extra) { _, new in new }
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        for (pipe, sink) in [(output, outData), (error, errData)] {
            readers.enter()
            DispatchQueue.global().async { [readers] in
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                sink.withLock { $0 = data }
                readers.leave()
            }
        }
    }

    /// Sends `signal` (SIGINT, SIGTERM, SIGKILL) to the process.
    func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits for the process to end and returns what it printed.
    func finish() async -> FracttalProcess.Result {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { [self] in
                process.waitUntilExit()
                readers.wait()
                continuation.resume(returning: FracttalProcess.Result(
                    status: process.terminationStatus,
                    stdout: String(decoding: outData.value, as: UTF8.self),
                    stderr: String(decoding: errData.value, as: UTF8.self)))
            }
        }
    }
}

/// Polls `condition` every 50 ms until it holds; fails the wait after `timeout`.
func waitUntil(timeout: Duration = .seconds(30), _ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + timeout
    while try await !condition() {
        guard ContinuousClock.now < deadline else { throw WaitTimedOut() }
        try await Task.sleep(for: .milliseconds(50))
    }
}

/// `waitUntil` gave up.
struct WaitTimedOut: Error {}
