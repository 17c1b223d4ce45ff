import Foundation

/// The machine the benchmark ran on, as BENCHMARKS.md states it.
struct Machine: Sendable {
    /// Online processors.
    var processors: Int
    /// The CPU model from /proc/cpuinfo.
    var cpuModel: String
    /// Total memory in GiB, from /proc/meminfo.
    var memoryGiB: Double
    /// The kernel, from uname.
    var system: String

    /// Reads the current machine.
    static func current() -> Machine {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
        let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
        let kilobytes = meminfo.split(separator: "\n").first { $0.hasPrefix("MemTotal:") }
            .flatMap { $0.split(separator: " ").dropFirst().first }
            .flatMap { Double($0) } ?? 0
        var name = utsname()
        uname(&name)
        let release = withUnsafeBytes(of: &name.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let sysname = withUnsafeBytes(of: &name.sysname) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return Machine(
            processors: ProcessInfo.processInfo.activeProcessorCount, cpuModel: model,
            memoryGiB: kilobytes / 1024 / 1024, system: "\(sysname) \(release)"
        )
    }
}
