import FracttalModel

/// How a create that is never repeated blindly ended.
enum CreationResult<Made: Sendable, Found: Sendable>: Sendable {
    /// The server answered with the new object.
    case created(Made)
    /// The answer was lost, and the object was found by re-reading.
    case adopted(Found)

    func map<Outcome>(_ created: (Made) -> Outcome, adopted: (Found) -> Outcome) -> Outcome {
        switch self {
        case .created(let made): created(made)
        case .adopted(let found): adopted(found)
        }
    }
}

extension FracttalClient {
    /// Sends a create; after an ambiguous failure looks for what it may have made, then adopts or tries again.
    func createOnce<Made: Sendable, Found: Sendable>(
        _ operation: String,
        address: ResourceAddress,
        send: (String) async throws -> Made,
        findMade: () async throws -> Found?
    ) async throws -> CreationResult<Made, Found> {
        let policy = configuration.retryPolicy
        var attempt = 1
        while true {
            do {
                return .created(try await send(operation))
            } catch let ambiguous as AmbiguousFailure {
                if let found = try await findMade() {
                    await recorder.countAdoption()
                    configuration.events?(.adopted(address))
                    return .adopted(found)
                }
                guard attempt < policy.maxCreateAttempts else { throw ambiguous.error.withAttempts(attempt) }
                let delay = policy.backoff(afterAttempt: attempt)
                configuration.events?(.retry(
                    operation: operation, attempt: attempt, of: policy.maxCreateAttempts, delay: delay,
                    reason: ambiguous.error.shortReason
                ))
                await recorder.countRetry()
                try await clock.sleep(until: clock.now() + delay)
                attempt += 1
            }
        }
    }
}

extension FracttalAPIError {
    /// The same failure, counting `attempts` attempts.
    func withAttempts(_ attempts: Int) -> FracttalAPIError {
        switch self {
        case .serverError(let operation, let status, let message, _):
            .serverError(operation: operation, status: status, message: message, attempts: attempts)
        case .unreachable(let operation, let url, let reason, _):
            .unreachable(operation: operation, url: url, reason: reason, attempts: attempts)
        default:
            self
        }
    }
}
