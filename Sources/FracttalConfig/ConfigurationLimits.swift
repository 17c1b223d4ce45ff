/// The limits the configuration language sets on configuration files (docs/configuration.md lists them).
enum ConfigurationLimits {
    /// The largest file read, in bytes (10 MiB).
    static let maxFileBytes = 10 * 1024 * 1024
    /// The most alias expansions one file may hold (YAML bombs are refused).
    static let maxAliasExpansions = 100
    /// How many Unicode code points a name may hold.
    static let nameLength = 1...100
    /// How many Unicode code points a description may hold.
    static let maxDescriptionLength = 500
    /// How many characters a consumer key holds.
    static let keyLength = 16...20
}
