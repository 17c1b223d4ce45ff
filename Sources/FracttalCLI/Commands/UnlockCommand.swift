import ArgumentParser
import FracttalApply

/// `fracttal unlock LOCK_ID`: removes exactly that lock of the secret store.
struct UnlockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlock",
        abstract: "Remove the secret store's lock left by an apply that died.",
        discussion: """
            Example:
              fracttal unlock 9f1c0d7e --secrets-out 'exec:contrib/secret-stores/aws/fracttal-store-aws'

            The lock id is the one a refused apply names. A helper's lock also frees itself once its \\
            holder stops renewing it; a file store's lock is freed when its process ends.
            """
    )

    @Argument(help: "The id of the lock to remove, as a refused apply names it.")
    var lockID: String

    @OptionGroup var store: SecretStoreOptions
    @OptionGroup var target: TargetOptions

    func run() async throws {
        guard store.storeName() != nil else {
            throw CommandFailure(.storeRequired, "name the secret store whose lock to remove with --secrets-out or FRACTTAL_SECRETS_OUT.")
        }
        let opened = try await OpenTarget.open(target, store: OpenTarget.StoreRequest(options: store), refuseSandboxInCI: false)
        try await opened.closing { opened in
            guard let session = opened.store else { return }
            do {
                try await StoreSession.blocking { () throws(SecretStoreError) in try session.store.unlock(lockID: lockID) }
            } catch {
                throw CommandFailure(error, otherwise: .storeUnusable)
            }
            CommandContext.current.out("Removed lock \(lockID) of \(session.store.name).\n")
        }
    }
}
