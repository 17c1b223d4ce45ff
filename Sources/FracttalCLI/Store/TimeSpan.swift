import ArgumentParser

/// A duration given on the command line: a number of seconds, or a number with `ms`, `s`, `m` or `h`.
struct TimeSpan: ExpressibleByArgument, Sendable, Equatable, CustomStringConvertible {
    /// The duration.
    var duration: Duration

    init(_ duration: Duration) {
        self.duration = duration
    }

    init?(argument: String) {
        let units: [(suffix: String, duration: (Int64) -> Duration)] = [
            ("ms", { .milliseconds($0) }), ("s", { .seconds($0) }), ("m", { .seconds($0 * 60) }), ("h", { .seconds($0 * 3600) }), ("", { .seconds($0) }),
        ]
        for unit in units where argument.hasSuffix(unit.suffix) {
            guard let value = Int64(argument.dropLast(unit.suffix.count)), value >= 0, value <= 86_400_000 else { return nil }
            duration = unit.duration(value)
            return
        }
        return nil
    }

    var description: String {
        let (seconds, attoseconds) = duration.components
        return attoseconds == 0 ? "\(seconds)s" : "\(seconds * 1000 + attoseconds / 1_000_000_000_000_000)ms"
    }

    var defaultValueDescription: String { description }
}
