import FracttalSandbox

extension Workload {
    /// The unlimited rate limit of the plan measurements: they count requests, not pace them.
    static let unlimited = RateLimit(count: 1_000_000, windowSeconds: 60)

    /// Seeds a new store at `dataPath` with the live company and serves it with `configuration`
    /// (its `dataPath` is set here).
    func serve(dataPath: String, configuration: SandboxConfiguration = SandboxConfiguration(rateLimit: Workload.unlimited)) async throws -> SandboxServer {
        try SandboxServer.bulkSeed(dataPath: dataPath, groups: liveGroups, consumers: liveConsumers)
        var configuration = configuration
        configuration.dataPath = dataPath
        return try await SandboxServer.start(configuration)
    }
}

extension SandboxServer {
    /// The variables that point `fracttal` at this server, signed in as its bootstrap consumer.
    var fracttalTarget: [String: String] {
        [
            "FRACTTAL_BASE_URL": apiBaseURL,
            "FRACTTAL_TOKEN_URL": tokenURL,
            "FRACTTAL_CLIENT_ID": bootstrapCredentials.key,
            "FRACTTAL_CLIENT_SECRET": bootstrapCredentials.secret,
        ]
    }
}
