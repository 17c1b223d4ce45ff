import Foundation

/// Runs the built `fracttal` binary and captures what it printed.
struct FracttalProcess {
    /// What one run left behind.
    struct Result: CustomStringConvertible {
        /// The exit status.
        var status: Int32
        /// Everything written to standard output.
        var stdout: String
        /// Everything written to standard error.
        var stderr: String

        var description: String { "exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
    }

    /// The built executable, next to the test bundle in the build products folder.
    static let executableURL: URL = {
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
        ]
        for case let folder? in candidates {
            let url = folder.appendingPathComponent("fracttal")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/fracttal")
    }()

    /// The environment every run starts from: this process's, without any Fracttal or CI variable.
    static var cleanEnvironment: [String: String] {
        ProcessInfo.processInfo.environment.filter { key, _ in
            !key.hasPrefix("FRACTTAL_") && key != "CI" && key != "NO_COLOR"
        }
    }

    /// Runs `fracttal` with the arguments, in the folder, with the extra environment variables.
    ///
    /// The waiting happens on a Dispatch thread, never on the concurrency pool, so a sandbox
    /// served by this test process keeps answering while the binary runs.
    static func run(
        _ arguments: [String], in folder: URL, environment extra: [String: String] = [:], input: String? = nil
    ) async throws -> Result {
        let process = Process()
        process.executableURL = executableURL
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = cleanEnvironment.merging(extra) { _, new in new }
        let output = Pipe()
        let error = Pipe()
        let inputPipe = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = inputPipe
        try process.run()
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                if let input { inputPipe.fileHandleForWriting.write(Data(input.utf8)) }
                try? inputPipe.fileHandleForWriting.close()
                let group = DispatchGroup()
                nonisolated(unsafe) var errData = Data()
                group.enter()
                DispatchQueue.global().async {
                    errData = error.fileHandleForReading.readDataToEndOfFile()
                    group.leave()
                }
                let outData = output.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                group.wait()
                continuation.resume(returning: Result(
                    status: process.terminationStatus,
                    stdout: String(decoding: outData, as: UTF8.self),
                    stderr: String(decoding: errData, as: UTF8.self)
                ))
            }
        }
    }
}

extension FracttalProcess {
    /// Starts `fracttal` without waiting for it; its output is discarded.
    static func start(_ arguments: [String], in folder: URL, environment extra: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = executableURL
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = cleanEnvironment.merging(extra) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }
}
