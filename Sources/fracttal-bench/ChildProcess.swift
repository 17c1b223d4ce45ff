import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// What one child process run came to: its wall time, peak resident memory and exit status.
struct ChildRun: Sendable {
    /// Wall time from spawn to exit, on the monotonic clock.
    var seconds: Double
    /// Peak resident set size in kilobytes: the child's own high-water mark (`VmHWM`), read while it
    /// runs; `wait4`'s `ru_maxrss` only when that could not be read.
    var peakKilobytes: Int
    /// The exit status, or 128 + signal.
    var status: Int32

    /// Peak RSS in MiB.
    var peakMiB: Double { Double(peakKilobytes) / 1024 }
}

/// Spawns a program with its standard output and error sent to files, and measures it.
///
/// The peak is read from `/proc/PID/status` (`VmHWM`) every 2 ms while the child runs, not taken from
/// `ru_maxrss`: `posix_spawn` starts the child in this process's memory (vfork), and Linux carries
/// that memory's high-water mark across `exec` into the child's `ru_maxrss`. With the sandbox served
/// in this process (60 to 70 MiB while it answers a 10,000-consumer plan), `ru_maxrss` never read
/// less than this process's own peak. `VmHWM` belongs to the memory the child's program got at
/// `exec`, so it is the program's own.
enum ChildProcess {
    /// Runs `arguments[0]` (a path) with `environment`, in the working folder `directory` (the
    /// benchmark's own when nil); `sample` is called about every millisecond while the child runs (for
    /// counters the benchmark polls).
    static func run(
        _ arguments: [String], environment: [String: String], directory: String? = nil, stdout: String = "/dev/null",
        stderr: String = "/dev/null", sample: (() -> Void)? = nil
    ) throws -> ChildRun {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let directory {
            guard let addChdir = addChdir, addChdir(&actions, directory) == 0 else {
                throw BenchError("cannot start \(arguments[0]) in \(directory): posix_spawn_file_actions_addchdir_np is missing or failed")
            }
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let started = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw BenchError("cannot start \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        // The high-water mark is read on a thread of its own, every 2 ms, so that the wait below
        // still sees the exit at once.
        let highWater = Mutex<(kilobytes: Int?, exited: Bool)>((nil, false))
        let reader = DispatchGroup()
        reader.enter()
        DispatchQueue.global().async { [pid] in
            defer { reader.leave() }
            while !highWater.withLock({ $0.exited }) {
                if let reading = ownHighWaterKilobytes(of: pid) {
                    highWater.withLock { $0.kilobytes = max($0.kilobytes ?? 0, reading) }
                }
                usleep(2_000)
            }
        }
        var status: Int32 = 0
        var usage = rusage()
        while true {
            let options: Int32 = sample == nil ? 0 : WNOHANG
            let result = wait4(pid, &status, options, &usage)
            if result == pid { break }
            if result < 0 && errno != EINTR {
                highWater.withLock { $0.exited = true }
                throw BenchError("wait4 failed for \(arguments[0]): \(String(cString: strerror(errno)))")
            }
            if let sample {
                sample()
                usleep(500)
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        highWater.withLock { $0.exited = true }
        reader.wait()
        let exit: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return ChildRun(seconds: seconds, peakKilobytes: highWater.withLock { $0.kilobytes } ?? Int(usage.ru_maxrss), status: exit)
    }

    /// The `VmHWM` line of `/proc/PID/status` in kilobytes; nil once the child has exited, or off
    /// Linux. `posix_spawn` returns only after the child's `exec`, so the line is the program's own.
    private static func ownHighWaterKilobytes(of pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        return Int(line.dropFirst("VmHWM:".count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
    }
}

/// The signature of `posix_spawn_file_actions_addchdir_np`.
private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

#if canImport(Darwin)
private let addChdir: AddChdir? = posix_spawn_file_actions_addchdir_np
#else
/// glibc's `posix_spawn_file_actions_addchdir_np` (2.29 and later), which its Swift module does not
/// export, looked up at run time; nil when missing.
private let addChdir: AddChdir? = dlsym(nil, "posix_spawn_file_actions_addchdir_np").map { unsafeBitCast($0, to: AddChdir.self) }
#endif

/// A failure of the benchmark itself, with a message for the person running it.
struct BenchError: Error, CustomStringConvertible {
    /// What went wrong.
    let description: String

    init(_ description: String) { self.description = description }
}
