import ArgumentParser

/// How `apply` takes the secret store's lock.
struct LockOptions: ParsableArguments {
    @Option(name: .customLong("lock-timeout"), help: "How long to wait for a store locked by another apply (e.g. 0, 30s, 5m).")
    var lockTimeout: TimeSpan = TimeSpan(.zero)

    @Flag(name: .customLong("no-lock"), help: "Use a secret store that has no lock (two applies at once may then clash).")
    var noLock = false
}
