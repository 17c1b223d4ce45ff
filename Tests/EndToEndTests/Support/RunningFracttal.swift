import FracttalConcurrency
import Foundation
import FracttalTestSupport

/// The built `fracttal` started in the background with its output captured, so that a test can signal
/// or kill it mid-run, wait for what it prints, and then read all of it.
final class RunningFracttal: @unchecked Sendable {
    private let process = Process()
    private let output = Pipe()
    private let error = Pipe()
    private let outData = Locked(Data())
    /// Standard error as it arrives, and whether it ended.
    private let errText = AwaitedValue<(data: Data, ended: Bool)>((Data(), false))
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
        readers.enter()
        DispatchQueue.global().async { [readers, output, outData] in
            let data = output.fileHandleForReading.readDataToEndOfFile()
            outData.withLock { $0 = data }
            readers.leave()
        }
        // Read with read(2): Foundation's readabilityHandler traps on an interrupted read.
        let descriptor = error.fileHandleForReading.fileDescriptor
        DispatchQueue.global().async { [errText, error] in
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = read(descriptor, &buffer, buffer.count)
                if count > 0 {
                    errText.update { $0.data.append(contentsOf: buffer[0..<count]) }
                } else if count < 0, errno == EINTR {
                    continue
                } else {
                    break
                }
            }
            withExtendedLifetime(error) {}
            errText.update { $0.ended = true }
        }
    }

    /// Sends `signal` (SIGINT, SIGTERM, SIGKILL) to the process.
    func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Returns once the process has written `text` to standard error; throws if it ends, or has not
    /// within `limit`, without writing it.
    func standardError(containing text: String, within limit: Duration = .seconds(60)) async throws {
        let seen = await errText.wait(until: { $0.ended || String(decoding: $0.data, as: UTF8.self).contains(text) }, within: limit)
        guard let seen, String(decoding: seen.data, as: UTF8.self).contains(text) else {
            throw NotPrinted(text: text, printed: String(decoding: errText.value.data, as: UTF8.self))
        }
    }

    /// Waits for the process to end and returns what it printed.
    func finish() async -> FracttalProcess.Result {
        let errors = await errText.wait { $0.ended }.data
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async { [self] in
                process.waitUntilExit()
                readers.wait()
                continuation.resume(returning: FracttalProcess.Result(
                    status: process.terminationStatus,
                    stdout: String(decoding: outData.value, as: UTF8.self),
                    stderr: String(decoding: errors, as: UTF8.self)))
            }
        }
    }
}

/// `RunningFracttal.standardError(containing:)` did not see its text.
struct NotPrinted: Error, CustomStringConvertible {
    let text: String
    let printed: String

    var description: String { "standard error never showed \"\(text)\"; it showed: \(printed)" }
}
