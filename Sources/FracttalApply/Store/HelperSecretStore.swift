import Foundation
import FracttalModel
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A store kept by a helper program (`exec:COMMAND`), run as `/bin/sh -c COMMAND` in the working folder
/// and spoken to in JSON Lines: one request a line on its standard input, one answer a line on its
/// standard output, one request in flight at a time, `bye` at the end.
///
/// The helper's environment lacks `FRACTTAL_CLIENT_SECRET`; secrets reach it only on its standard input.
/// What it writes on standard error is passed on line by line, escaped, with every secret this store was
/// given (and the tool's own) replaced by `***`. A line on standard output that is not JSON, a helper
/// that exits, or no answer within the timeout is a failed store, and the helper is not used again.
public final class HelperSecretStore: SecretStore {
    /// `exec:COMMAND`, as the user named it.
    public let name: String
    private let command: String
    private let environment: [String: String]
    private let workingDirectory: String?
    /// How long an answer may take.
    private let timeout: Duration
    private let onDiagnostic: @Sendable (String) -> Void

    private struct Running {
        var process: Process
        /// The tool's end of the socket that is the helper's standard input and output.
        var socket: Int32
        var buffer: [UInt8] = []
    }

    /// The running helper, started by `open`; nil before and once it failed or was closed.
    private let running = Mutex<Running?>(nil)
    /// Why the helper cannot be used any more, once it failed.
    private let broken = Mutex<String?>(nil)
    /// The helper's standard error, cut into lines with every known secret replaced by `***`.
    private let errorLines = RedactedLines()

    /// A store for `command` (without `exec:`); nothing runs until `open`.
    ///
    /// - Parameters:
    ///   - environment: the tool's environment; the helper gets it without `FRACTTAL_CLIENT_SECRET`.
    ///   - timeout: how long one answer may take.
    ///   - onDiagnostic: a line the helper wrote on standard error, already escaped and redacted.
    public init(
        command: String, environment: [String: String], workingDirectory: String?, timeout: Duration,
        onDiagnostic: @escaping @Sendable (String) -> Void
    ) {
        name = "exec:\(command)"
        self.command = command
        var environment = environment
        if let secret = environment.removeValue(forKey: "FRACTTAL_CLIENT_SECRET") { errorLines.protect(secret) }
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.timeout = timeout
        self.onDiagnostic = onDiagnostic
    }

    public func open(_ scope: StoreScope) throws(SecretStoreError) -> StoreCapabilities {
        try start()
        let answer = try request(["op": "hello", "protocol": 1, "target": scope.target, "scope": scope.text])
        guard answer["protocol"] as? Int == 1 else {
            throw fail("it speaks protocol \(answer["protocol"].map { "\($0)" } ?? "(none)"), not 1")
        }
        let capabilities = answer["capabilities"] as? [String] ?? []
        return StoreCapabilities(locks: capabilities.contains("lock"))
    }

    public func list() throws(SecretStoreError) -> [StoredSecretEntry] {
        let answer = try request(["op": "list"])
        guard let entries = answer["entries"] as? [[String: Any]] else { throw fail("its list has no `entries`") }
        return entries.compactMap { entry in
            guard let name = entry["name"] as? String else { return nil }
            // An entry that only holds a mark has no stored secret, whatever key the helper shows for it.
            let stored = entry["stored"] as? Bool ?? (entry["secret_created_at"] as? String != nil)
            return StoredSecretEntry(
                name: name, key: stored ? entry["key"] as? String : nil,
                secretCreatedAt: stored ? StoreJSON.date(entry["secret_created_at"]) : nil,
                pending: StoreJSON.mark(from: entry["pending"]))
        }
    }

    public func lock(holder: String, ttlSeconds: Int) throws(SecretStoreError) -> LockAttempt {
        let answer = try request(["op": "lock", "holder": holder, "ttl_seconds": ttlSeconds], refusalIsAnswer: true)
        if answer["ok"] as? Bool == true, let lockID = answer["lock_id"] as? String {
            return .granted(lockID: lockID, ttlSeconds: answer["ttl_seconds"] as? Int ?? ttlSeconds)
        }
        guard let heldBy = answer["held_by"] as? String else {
            throw .unusable(store: name, reason: "the helper refused the lock: \(Self.text(answer["error"]))")
        }
        return .held(LockHolder(
            heldBy: heldBy, since: answer["since"] as? String ?? "an unknown time", lockID: answer["lock_id"] as? String ?? "unknown"))
    }

    public func lockStatus() throws(SecretStoreError) -> LockHolder? {
        let answer = try request(["op": "lock_status"])
        guard answer["held"] as? Bool == true else { return nil }
        return LockHolder(
            heldBy: answer["held_by"] as? String ?? "someone", since: answer["since"] as? String ?? "an unknown time",
            lockID: answer["lock_id"] as? String ?? "unknown")
    }

    public func renew(lockID: String) throws(SecretStoreError) {
        _ = try request(["op": "renew", "lock_id": lockID])
    }

    public func unlock(lockID: String) throws(SecretStoreError) {
        _ = try request(["op": "unlock", "lock_id": lockID])
    }

    public func intend(_ intents: [DeliveryIntent], lockID: String?) throws(SecretStoreError) -> [String?] {
        let objects = intents.map { StoreJSON.object(of: $0.mark, name: $0.name) }
        return try results(of: ["op": "intend", "lock_id": lockID ?? NSNull(), "intents": objects], count: intents.count)
    }

    public func put(_ secrets: [DeliveredSecret], lockID: String?) throws(SecretStoreError) -> [String?] {
        for secret in secrets { errorLines.protect(secret.secret) }
        let objects: [[String: Any]] = secrets.map { secret in
            [
                "intent": secret.intent ?? NSNull(), "name": secret.name, "key": secret.key, "secret": secret.secret,
                "secret_created_at": StoreJSON.instant(secret.secretCreatedAt),
            ]
        }
        return try results(of: ["op": "put", "lock_id": lockID ?? NSNull(), "entries": objects], count: secrets.count)
    }

    public func withdraw(_ intents: [String], lockID: String?) throws(SecretStoreError) {
        _ = try request(["op": "withdraw", "lock_id": lockID ?? NSNull(), "intents": intents])
    }

    public func rename(_ renames: [EntryRename], lockID: String?) throws(SecretStoreError) -> [String?] {
        let objects: [[String: Any]] = renames.map { ["key": $0.key, "from": $0.from, "to": $0.to] }
        return try results(of: ["op": "rename", "lock_id": lockID ?? NSNull(), "entries": objects], count: renames.count)
    }

    public func forget(_ entries: [EntryForget], lockID: String?) throws(SecretStoreError) -> [String?] {
        let objects: [[String: Any]] = entries.map { ["name": $0.name, "key": $0.key] }
        return try results(of: ["op": "forget", "lock_id": lockID ?? NSNull(), "entries": objects], count: entries.count)
    }

    /// A helper answers each batch at its own pace: no rest.
    public var restAfterWrite: Duration { .zero }

    public func close() {
        if broken.withLock({ $0 }) == nil, running.withLock({ $0 != nil }) {
            _ = try? request(["op": "bye"])
        }
        guard let helper = running.withLock({ held -> Running? in defer { held = nil }; return held }) else { return }
        closeFile(helper.socket)
        let deadline = ContinuousClock.now + .seconds(2)
        while helper.process.isRunning, ContinuousClock.now < deadline { usleep(10_000) }
        if helper.process.isRunning { helper.process.terminate() }
    }

    // MARK: - Conversation

    /// Starts the helper with its standard input and output on one end of a socket pair.
    private func start() throws(SecretStoreError) {
        guard running.withLock({ $0 == nil }) else { return }
        var ends: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &ends) == 0 else {
            throw .unusable(store: name, reason: "no socket for the helper: \(String(cString: strerror(errno)))")
        }
        _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.environment = environment
        if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
        let child = FileHandle(fileDescriptor: ends[1], closeOnDealloc: false)
        process.standardInput = child
        process.standardOutput = child
        let errors = Pipe()
        process.standardError = errors
        let onDiagnostic = onDiagnostic
        let errorLines = errorLines
        errors.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil }
            for line in errorLines.feed(data) { onDiagnostic("secrets helper: " + line) }
        }
        do {
            try process.run()
        } catch {
            closeFile(ends[0])
            closeFile(ends[1])
            throw .unusable(store: name, reason: "the helper cannot be started: \(error.localizedDescription)")
        }
        closeFile(ends[1])
        running.withLock { $0 = Running(process: process, socket: ends[0]) }
    }

    /// Sends one request and reads its answer; a refusal (`ok: false`) throws unless `refusalIsAnswer`.
    private func request(_ object: [String: Any], refusalIsAnswer: Bool = false) throws(SecretStoreError) -> [String: Any] {
        if let reason = broken.withLock({ $0 }) { throw .unusable(store: name, reason: reason) }
        let op = object["op"] as? String ?? "?"
        let text: Data = try running.withLock { (held: inout Running?) throws(SecretStoreError) -> Data in
            guard var helper = held else { throw .unusable(store: name, reason: "the helper is not running") }
            defer { held = helper }
            guard var line = StoreJSON.line(object) else { throw fail("the `\(op)` request cannot be written") }
            line.append(0x0A)
            guard Self.send(line, to: helper.socket) else { throw fail("the helper stopped reading (it may have exited)") }
            let deadline = ContinuousClock.now + timeout
            while true {
                if let end = helper.buffer.firstIndex(of: 0x0A) {
                    let text = Data(helper.buffer[..<end])
                    helper.buffer.removeSubrange(...end)
                    return text
                }
                let left = deadline - ContinuousClock.now
                guard left > .zero else { throw fail("it gave no answer to `\(op)` within \(timeout.components.seconds) s") }
                var poller = pollfd(fd: helper.socket, events: Int16(POLLIN), revents: 0)
                let milliseconds = Int32(min(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1, 60_000))
                let ready = poll(&poller, 1, milliseconds)
                if ready < 0, errno == EINTR { continue }
                guard ready > 0 else { continue }
                var chunk = [UInt8](repeating: 0, count: 65_536)
                let count = recv(helper.socket, &chunk, chunk.count, 0)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { throw fail("it exited without answering `\(op)`") }
                helper.buffer += chunk[0..<count]
            }
        }
        guard let answer = try? JSONSerialization.jsonObject(with: text) as? [String: Any] else {
            throw fail("it answered `\(op)` with a line that is not a JSON object")
        }
        if answer["ok"] as? Bool != true, !refusalIsAnswer {
            throw .unusable(store: name, reason: "the helper refused `\(op)`: \(Self.text(answer["error"]))")
        }
        return answer
    }

    /// The per-entry answers of a batch request.
    private func results(of object: [String: Any], count: Int) throws(SecretStoreError) -> [String?] {
        guard count > 0 else { return [] }
        let answer = try request(object)
        guard let results = answer["results"] as? [[String: Any]], results.count == count else {
            throw fail("it gave no result for each entry of `\(object["op"] as? String ?? "?")`")
        }
        return results.map { $0["ok"] as? Bool == true ? nil : Self.text($0["error"]) }
    }

    /// Marks the helper as failed for good and returns the error to throw.
    private func fail(_ reason: String) -> SecretStoreError {
        broken.withLock { if $0 == nil { $0 = reason } }
        return .unusable(store: name, reason: reason)
    }

    /// Writes all of `data` without raising SIGPIPE when the helper is gone.
    private static func send(_ data: Data, to socket: Int32) -> Bool {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Bool in
            var offset = 0
            while offset < buffer.count {
                let sent = Glibc.send(socket, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                if sent < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += sent
            }
            return true
        }
    }

    /// A helper's error text, escaped, or a stand-in.
    private static func text(_ value: Any?) -> String {
        (value as? String).map { DisplayText.escaped($0) } ?? "no reason given"
    }
}

/// A helper's standard error, cut into escaped lines with every protected value replaced by `***`.
final class RedactedLines: Sendable {
    private struct State {
        var buffer: [UInt8] = []
        var protected: Set<String> = []
    }

    private let state = Mutex(State())

    /// Replaces `value` from now on (values shorter than 6 characters are too common to replace).
    func protect(_ value: String) {
        guard value.count >= 6 else { return }
        state.withLock { _ = $0.protected.insert(value) }
    }

    /// The complete lines that `data` ends; empty data (the end of the stream) ends the last line.
    func feed(_ data: Data) -> [String] {
        let (lines, protected) = state.withLock { state -> ([String], Set<String>) in
            state.buffer += data
            if data.isEmpty, !state.buffer.isEmpty { state.buffer.append(0x0A) }
            var lines: [String] = []
            while let end = state.buffer.firstIndex(of: 0x0A) {
                lines.append(String(decoding: state.buffer[..<end], as: UTF8.self))
                state.buffer.removeSubrange(...end)
            }
            return (lines, state.protected)
        }
        return lines.map { line in
            var text = line
            for value in protected { text = text.replacingOccurrences(of: value, with: "***") }
            return DisplayText.escaped(text)
        }
    }
}
