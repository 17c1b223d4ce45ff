import ArgumentParser
import FracttalApply

/// Where new secrets go and where the record of their delivery lives: `--secrets-out PATH` (a file) or
/// `--secrets-out exec:COMMAND` (a store helper); `FRACTTAL_SECRETS_OUT` when the flag is not given.
struct SecretStoreOptions: ParsableArguments {
    @Option(
        name: .customLong("secrets-out"),
        help: ArgumentHelp(
            "The secret store: a file (mode 0600) or exec:COMMAND for a store helper. Default: FRACTTAL_SECRETS_OUT.",
            valueName: "path-or-exec"),
        completion: .file())
    var secretsOut: String?

    @Option(name: .customLong("secrets-format"), help: "The file store's format: json or env.")
    var secretsFormat: SecretsFormat = .json

    @Option(name: .customLong("helper-timeout"), help: "How long a store helper may take to answer one request (e.g. 60s, 2m).")
    var helperTimeout: TimeSpan = TimeSpan(.seconds(60))

    /// The store as named by the flag, else by `FRACTTAL_SECRETS_OUT`; nil when neither names one.
    func storeName() -> String? {
        if let secretsOut, !secretsOut.isEmpty { return secretsOut }
        if let named = CommandContext.current.environment["FRACTTAL_SECRETS_OUT"], !named.isEmpty { return named }
        return nil
    }
}

extension SecretsFormat: ExpressibleByArgument {}
