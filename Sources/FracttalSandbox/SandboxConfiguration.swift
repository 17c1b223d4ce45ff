public import Logging
import Foundation

/// How to run a sandbox: where it listens, where it keeps its data, and how it behaves.
public struct SandboxConfiguration: Sendable {
    /// The address to bind; loopback unless told otherwise.
    public var host: String
    /// Whether `host` may be other than loopback (`--allow-remote`).
    public var allowRemote: Bool
    /// The port to bind; 0 picks a free one.
    public var port: Int
    /// The SQLite file that keeps the company across restarts; nil keeps it in memory.
    public var dataPath: String?
    /// The per-token rate limit.
    public var rateLimit: RateLimit
    /// Lifetime of an access token, in seconds.
    public var tokenTTL: Int
    /// The faults to inject into `/api` calls.
    public var faults: FaultPlan
    /// How long `hold_after` holds an answer and `late_commit` waits before its commit, in milliseconds.
    public var faultDelayMilliseconds: Int
    /// Seed of the fault generator, for repeatable faults; nil seeds it at random.
    public var seed: UInt64?
    /// The time source of token expiry, rate-limit windows and timestamps.
    public var clock: any SandboxClock
    /// Whether SIGINT and SIGTERM shut the server down gracefully (for `fracttal sandbox serve`).
    public var handlesSignals: Bool
    /// The level of the server's log (written to standard error).
    public var logLevel: Logger.Level

    /// Creates a configuration; the defaults are an in-memory sandbox on a free loopback port.
    public init(
        host: String = "127.0.0.1", allowRemote: Bool = false, port: Int = 0, dataPath: String? = nil,
        rateLimit: RateLimit = .fracttalDefault, tokenTTL: Int = 7200, faults: FaultPlan = .none,
        faultDelayMilliseconds: Int = SandboxConfiguration.defaultFaultDelayMilliseconds, seed: UInt64? = nil,
        clock: any SandboxClock = SystemSandboxClock(), handlesSignals: Bool = false, logLevel: Logger.Level = .error
    ) {
        self.host = host
        self.allowRemote = allowRemote
        self.port = port
        self.dataPath = dataPath
        self.rateLimit = rateLimit
        self.tokenTTL = tokenTTL
        self.faults = faults
        self.faultDelayMilliseconds = faultDelayMilliseconds
        self.seed = seed
        self.clock = clock
        self.handlesSignals = handlesSignals
        self.logLevel = logLevel
    }

    /// Parses `--rate-limit N/SECONDS`, e.g. `200/60`.
    public static func parseRateLimit(_ text: String) throws -> RateLimit { try RateLimit.parse(text) }

    /// Parses `--faults`, e.g. `error_before=0.1,lost=0.05,latency=5-50ms`.
    public static func parseFaults(_ text: String) throws -> FaultPlan { try FaultPlan.parse(text) }

    /// The default of `--fault-delay`: 4 seconds.
    public static let defaultFaultDelayMilliseconds = 4000

    /// Parses `--fault-delay MS`, a whole number of milliseconds from 0.
    public static func parseFaultDelay(_ text: String) throws -> Int {
        guard let milliseconds = Int(text.trimmingCharacters(in: .whitespaces)), milliseconds >= 0 else {
            throw SandboxConfigurationError(
                "--fault-delay '\(text)' is not a whole number of milliseconds: give one from 0, e.g. --fault-delay 4000"
            )
        }
        return milliseconds
    }

    /// What serving on a non-loopback `host` exposes, for a warning on start; nil on loopback.
    public var remoteExposureWarning: String? {
        LoopbackHost.contains(host)
            ? nil
            : "warning: the sandbox listens on \(host), beyond this machine: anyone who reaches it can use a plain-HTTP (unencrypted) API whose bootstrap consumer ci-bootstrap holds every permission."
    }

    /// Checks the values that parsing cannot.
    func validate() throws {
        guard allowRemote || LoopbackHost.contains(host) else {
            throw SandboxConfigurationError(
                "the sandbox refuses to listen on \(host), which is not a loopback address, because it serves a plain-HTTP API whose bootstrap consumer holds every permission: use 127.0.0.1, or pass --allow-remote to expose it anyway"
            )
        }
        guard faultDelayMilliseconds >= 0 else {
            throw SandboxConfigurationError(
                "fault delay \(faultDelayMilliseconds) ms is negative: give a whole number of milliseconds from 0"
            )
        }
        guard (0...65535).contains(port) else {
            throw SandboxConfigurationError("port \(port) is out of range: give 0 (any free port) to 65535")
        }
        guard tokenTTL >= 1 else {
            throw SandboxConfigurationError("token TTL \(tokenTTL) is too short: give at least 1 second")
        }
        guard rateLimit.count >= 1, rateLimit.windowSeconds >= 1 else {
            throw SandboxConfigurationError("rate limit \(rateLimit) is invalid: both numbers must be at least 1")
        }
    }
}
