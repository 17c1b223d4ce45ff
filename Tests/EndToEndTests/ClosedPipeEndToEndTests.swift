import Foundation
import FracttalTestSupport
import Testing

/// `fracttal plan big.yaml | head -1`: a reader that goes away ends the command quietly, as SIGPIPE
/// ends any Unix tool, never with a trap and a crash report.
@Suite(.serialized)
struct ClosedPipeEndToEndTests {
    /// A configuration of `count` new groups: a plan of some hundred kilobytes, more than a pipe holds.
    static func manyGroups(_ count: Int) -> String {
        var text = "version: 1\npermission_groups:\n"
        for index in 0..<count {
            text += "  - name: Grupo \(index)\n    description: Grupo de prueba número \(index)\n    permissions: [assets:view, work_orders:view]\n"
        }
        return text
    }

    @Test(arguments: [["plan", "big.yaml"], ["plan", "big.yaml", "--format", "json"], ["show", "plan.json"]])
    func aReaderThatStopsEarlyEndsTheCommandQuietly(_ arguments: [String]) async throws {
        try await SandboxFixture.with { sandbox in
            try sandbox.write(Self.manyGroups(1_500), to: "big.yaml")
            let saved = try await sandbox.run(["plan", "big.yaml", "--out", "plan.json"])
            try #require(saved.status == 0, "\(saved)")
            try #require(saved.stdout.utf8.count > 128 * 1024, "the plan must be larger than a pipe's buffer (64 KiB)")

            let result = try await Self.runReadingOneLine(arguments, in: sandbox.folder.url, environment: sandbox.environment)

            if arguments.contains("json") {
                #expect(result.firstLine == "{", "\(result)")
            } else {
                #expect(result.firstLine.hasPrefix("Target: "), "\(result)")
            }
            // More than a pipe's buffer is left to write, so the next write meets the closed pipe.
            #expect(result.reason == .uncaughtSignal && result.status == SIGPIPE, "\(result)")
            #expect(!result.stderr.contains("Fatal error"), "\(result)")
            #expect(!result.stderr.contains("Broken pipe"), "\(result)")
        }
    }

    /// What a run whose standard output was closed after its first line left behind.
    struct ClosedRun: CustomStringConvertible {
        var firstLine: String
        var reason: Process.TerminationReason
        var status: Int32
        var stderr: String

        var description: String {
            "ended by \(reason == .exit ? "exit" : "signal") \(status)\n--- first line\n\(firstLine)\n--- stderr\n\(stderr)"
        }
    }

    /// Runs the binary with standard output to a pipe, reads up to the first line end, closes the
    /// reading end (as `head -1` does) and waits for the process to end.
    static func runReadingOneLine(_ arguments: [String], in folder: URL, environment: [String: String]) async throws -> ClosedRun {
        let process = Process()
        process.executableURL = FracttalProcess.executableURL
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = FracttalProcess.cleanEnvironment.merging(environment) { _, new in new }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Only the child may hold the writing end, so that closing the reading end breaks the pipe.
        try? output.fileHandleForWriting.close()
        try? error.fileHandleForWriting.close()
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let errors = Locked(Data())
                let group = DispatchGroup()
                group.enter()
                DispatchQueue.global().async {
                    let data = error.fileHandleForReading.readDataToEndOfFile()
                    errors.withLock { $0 = data }
                    group.leave()
                }
                var received = Data()
                while !received.contains(UInt8(ascii: "\n")) {
                    let chunk = output.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    received.append(chunk)
                }
                try? output.fileHandleForReading.close()
                process.waitUntilExit()
                group.wait()
                let firstLine = String(decoding: received.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
                continuation.resume(returning: ClosedRun(
                    firstLine: firstLine, reason: process.terminationReason, status: process.terminationStatus,
                    stderr: String(decoding: errors.value, as: UTF8.self)))
            }
        }
    }
}
