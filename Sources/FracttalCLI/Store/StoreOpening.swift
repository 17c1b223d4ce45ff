import FracttalApply
import FracttalModel
import Foundation

/// Opens the secret store a command names, for the target of an open session.
enum StoreOpening {
    /// The store named by `options` (flag or environment), or nil when none is named.
    static func store(_ options: SecretStoreOptions) -> (any SecretStore)? {
        guard let named = options.storeName() else { return nil }
        let context = CommandContext.current
        if named.hasPrefix("exec:") {
            return HelperSecretStore(
                command: String(named.dropFirst("exec:".count)), environment: context.environment,
                workingDirectory: context.workingDirectory, timeout: options.helperTimeout.duration,
                onDiagnostic: { line in context.err(line) })
        }
        return FileSecretStore(path: context.location(of: named), name: named, format: options.secretsFormat)
    }

    /// Opens `store` for the session's target and signing consumer; throws `CommandFailure`.
    static func open(_ store: any SecretStore, for session: TargetSession) async throws -> StoreSession {
        do {
            return try await StoreSession.open(
                store, scope: StoreScope(target: session.target.name, signingKey: session.ownClientID), clock: CommandContext.current.clock)
        } catch {
            throw CommandFailure(error, otherwise: .storeUnusable)
        }
    }

    /// Takes the store's lock for an apply, or refuses a store without one unless `--no-lock`; says so on
    /// standard error when it waits, and warns about a file store that dies with a CI runner.
    static func lock(_ session: StoreSession, options: LockOptions) async throws {
        if !session.capabilities.locks {
            guard options.noLock else {
                throw CommandFailure(
                    SecretStoreError.missingCapability(
                        store: session.store.name, capability: "lock",
                        remedy: "pass --no-lock to use it without one (two applies at once may then clash), or use a store with a lock"),
                    otherwise: .storeUnusable)
            }
            CommandContext.current.err("warning: the secret store \(session.store.name) has no lock (--no-lock): two applies at once may clash.")
        } else if !options.noLock {
            do {
                try await session.lock(holder: LockHolderText.make(), timeout: options.lockTimeout.duration) { holder in
                    CommandContext.current.err("waiting up to \(options.lockTimeout) for the lock of \(session.store.name), held by \(holder.heldBy) since \(holder.since) (lock \(holder.lockID))…")
                }
            } catch {
                throw CommandFailure(error, otherwise: .storeUnusable)
            }
        }
        warnAboutRunnerFile(session.store)
    }

    /// With CI set, a file store inside the working folder is gone with the runner: say so.
    private static func warnAboutRunnerFile(_ store: any SecretStore) {
        guard CommandContext.current.isCI, let file = store as? FileSecretStore else { return }
        let folder = URL(fileURLWithPath: CommandContext.current.location(of: ".")).standardizedFileURL.path
        let path = URL(fileURLWithPath: CommandContext.current.location(of: file.name)).standardizedFileURL.path
        guard path.hasPrefix(folder + "/") else { return }
        CommandContext.current.err("warning: the secret store \(file.name) is a file inside the working folder of a CI runner: it and its record of delivery are lost with the runner unless a later step keeps them; use a store helper (--secrets-out exec:…) that outlives the runner.")
    }
}
