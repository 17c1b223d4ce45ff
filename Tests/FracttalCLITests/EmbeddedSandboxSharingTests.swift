import Foundation
import FracttalCLI
import FracttalTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Commands run at once in one folder share its embedded sandbox without signing each other out:
/// each start of the sandbox gives its bootstrap consumer a new secret, so they take turns.
struct EmbeddedSandboxSharingTests {
    static let waitingMessage = "waiting for another fracttal command using the embedded sandbox in this folder"

    @Test func commandsRunAtOnceInOneFolderAllSucceed() async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(SampleConfigurations.newObjects, to: "config/main.yaml")

            // Each plan finds changes (exit 2 with --detailed-exitcode); the export succeeds (exit 0).
            let results = await withTaskGroup(of: (expected: Int32, result: CommandResult).self) { group in
                for _ in 0..<4 {
                    group.addTask { (2, await InProcessFracttal.run(["plan", "config", "--detailed-exitcode"], in: folder)) }
                }
                group.addTask { (0, await InProcessFracttal.run(["export", "--out", "exported"], in: folder)) }
                return await group.reduce(into: []) { $0.append($1) }
            }

            for (expected, result) in results {
                #expect(result.status == expected, "\(result)")
                #expect(!result.stderr.contains("FRACTTAL_CLIENT_ID"), "\(result)")
            }
        }
    }

    @Test func aCommandWaitsForTheOneUsingTheSandboxAndSaysSo() async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(SampleConfigurations.newGroup, to: "config/main.yaml")
            // Another command holds the sandbox of this folder.
            try FileManager.default.createDirectory(atPath: folder.path(".fracttal"), withIntermediateDirectories: true)
            let other = open(folder.path(".fracttal/sandbox.sqlite.lock"), O_RDWR | O_CREAT, 0o600)
            try #require(other >= 0)
            defer { close(other) }
            try #require(flock(other, LOCK_EX | LOCK_NB) == 0)

            let waiting = Signal()
            let output = Locked("")
            let errors = Locked("")
            let streams = CommandStreams(
                writeOutput: { text in output.withLock { $0 += text } },
                writeError: { text in
                    let all = errors.withLock { $0 += text; return $0 }
                    if all.contains(Self.waitingMessage) {
                        waiting.fire()
                    }
                }
            )
            let run = Task {
                await FracttalCLI.run(
                    arguments: ["plan", "config", "--detailed-exitcode"], environment: [:], streams: streams,
                    workingDirectory: folder.path)
            }

            // A run that does not wait ends the wait too, and fails below.
            Task {
                _ = await run.value
                waiting.fire()
            }
            await waiting.wait()
            #expect(errors.value.contains(Self.waitingMessage), "\(errors.value)")
            #expect(output.value.isEmpty, "nothing planned while the other command holds the sandbox")
            flock(other, LOCK_UN)
            let status = await run.value

            #expect(status == 2, "stdout: \(output.value)\nstderr: \(errors.value)")
            #expect(output.value.hasPrefix("Target: sandbox:.fracttal/sandbox.sqlite\n"), "\(output.value)")
        }
    }
}

/// Fires once; `wait()` returns once it has fired, whether before or after the call.
final class Signal: Sendable {
    private let state = Locked<(fired: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func fire() {
        let waiters = state.withLock { state in
            guard !state.fired else { return [CheckedContinuation<Void, Never>]() }
            state.fired = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    func wait() async {
        await withCheckedContinuation { continuation in
            let fired = state.withLock { state in
                if !state.fired { state.waiters.append(continuation) }
                return state.fired
            }
            if fired { continuation.resume() }
        }
    }
}
