import ArgumentParser
import FracttalConsole
import FracttalSandbox
import Foundation

/// `fracttal sandbox`: the local Fracttal emulator.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run the local Fracttal emulator, which implements the API contract over HTTP.",
        subcommands: [Serve.self]
    )

    /// `fracttal sandbox serve`: serves the sandbox until SIGINT or SIGTERM.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Serve the local Fracttal emulator over HTTP until interrupted.",
            discussion: """
                Prints the API base URL, the token URL, the web console's URL and its login link \
                (which signs one browser in, once) on standard output, one per line, as soon as the \
                server listens. The bootstrap consumer ci-bootstrap gets a new secret on every \
                start (the store keeps only hashes); --credentials-out writes its key and secret as \
                JSON (mode 0600). The secret is never printed. Without --data the company lives in \
                memory and starts from the seed each time. A --host other than loopback (127.0.0.0/8, \
                ::1, localhost) is refused unless --allow-remote is given. Request bodies over 1 MiB \
                get 413. SIGINT or SIGTERM stop the server.

                Examples:
                  fracttal sandbox serve --data sandbox.sqlite --credentials-out creds.json
                  fracttal sandbox serve --faults error_before=0.1,lost=0.05 --seed 7
                  fracttal sandbox serve --faults late_commit=0.1 --fault-delay 2000
                """
        )

        @Option(help: "The port to listen on; 0 picks a free port.")
        var port: Int = 0

        @Option(help: "The address to bind; loopback unless --allow-remote is given.")
        var host: String = "127.0.0.1"

        @Flag(help: "Allow a --host other than loopback, which exposes the sandbox's API beyond this machine.")
        var allowRemote = false

        @Option(help: ArgumentHelp("The SQLite file that keeps the company across restarts (default: in memory).", valueName: "file"))
        var data: String?

        @Option(
            help: ArgumentHelp(
                "Requests per bearer token and fixed window of SECONDS, both whole numbers of at least 1 (default: \(RateLimit.fracttalDefault)).",
                valueName: "N/SECONDS"
            ),
            transform: { try RateLimit.parse($0) }
        )
        var rateLimit: RateLimit = .fracttalDefault

        @Option(name: .customLong("token-ttl"), help: ArgumentHelp("Lifetime of an access token.", valueName: "seconds"))
        var tokenTTL: Int = 7200

        @Option(
            help: ArgumentHelp(
                "Faults for /api calls: comma-separated kind=probability (from 0 to 1, each kind once) among error_before, error_after, lost, ratelimit, gateway_before, gateway_after, hold_after, late_commit, and latency=A-Bms.",
                valueName: "spec"
            ),
            transform: { try FaultPlan.parse($0) }
        )
        var faults: FaultPlan?

        @Option(
            help: ArgumentHelp(
                "How long hold_after holds an answer and late_commit waits before its change (default 4000).",
                valueName: "ms"
            )
        )
        var faultDelay: String?

        @Option(help: ArgumentHelp("Seed of the fault generator, so that faults repeat.", valueName: "n"))
        var seed: UInt64?

        @Option(help: ArgumentHelp("Write the bootstrap consumer's key and secret here as JSON (mode 0600).", valueName: "file"))
        var credentialsOut: String?

        /// `--rate-limit` and `--faults` are read by the sandbox's own parsers while the arguments are
        /// parsed, so a bad one is a usage error that carries the parser's sentence. The other settings
        /// are checked here rather than in `validate()`, so that a bad one is a single sentence.
        func run() async throws {
            let configuration = SandboxConfiguration(
                host: host, allowRemote: allowRemote, port: port, dataPath: data,
                rateLimit: rateLimit, tokenTTL: tokenTTL, faults: faults ?? .none,
                faultDelayMilliseconds: try faultDelay.map(SandboxConfiguration.parseFaultDelay)
                    ?? SandboxConfiguration.defaultFaultDelayMilliseconds,
                seed: seed, handlesSignals: true
            )
            let console = SandboxConsole()
            let server = try await SandboxServer.start(configuration, routes: console)
            if let warning = configuration.remoteExposureWarning {
                CommandContext.current.err(warning)
            }
            if let credentialsOut {
                do {
                    try server.bootstrapCredentials.writeJSON(to: credentialsOut)
                } catch {
                    await server.stop()
                    throw error
                }
            }
            // Written unbuffered, so that a script reading the URLs gets them at once.
            CommandContext.current.out(
                "API base URL: \(server.apiBaseURL)\nToken URL: \(server.tokenURL)\nConsole URL: \(console.url(on: server))\n"
                    + "Console login URL (works once): \(console.loginURL(on: server))\n"
            )
            let key = server.bootstrapCredentials.key
            let note =
                credentialsOut.map { "its key and new secret are in \($0)" }
                ?? "its new secret is not shown: pass --credentials-out FILE to get it"
            CommandContext.current.err("Bootstrap consumer ci-bootstrap (key \(key)): \(note). Stop with Ctrl-C.")
            try await server.waitUntilStopped()
        }
    }
}
