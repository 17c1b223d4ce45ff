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
    ///
    /// A server may make the object after the answer was lost (a backend finishing a request its proxy
    /// gave up on), so the client pauses before each look (`ambiguousCreatePause`, longer on each try)
    /// and looks right before any repeat of the request. After `maxCreateAttempts` requests it gives up
    /// and says so; the apply journal then leaves the object to the next apply.
    func createOnce<Made: Sendable, Found: Sendable>(
        _ operation: String,
        address: ResourceAddress,
        send: (String) async throws -> Made,
        findMade: () async throws -> Found?
    ) async throws -> CreationResult<Made, Found> {
        try await sendPausingAfterAmbiguity(operation, send: { .created(try await send($0)) }) {
            guard let found = try await findMade() else { return nil }
            recorder.countAdoption()
            configuration.events?(.adopted(address))
            return .adopted(found)
        }
    }

    /// Sends a request that must not be repeated at once after an answer that leaves its effect unknown
    /// (a create, a rotation): pauses so that a late commit lands first, asks `recover` whether the
    /// request's effect can be found, and sends it again only when not.
    func sendPausingAfterAmbiguity<Value: Sendable>(
        _ operation: String,
        send: (String) async throws -> Value,
        recover: () async throws -> Value? = { nil }
    ) async throws -> Value {
        let policy = configuration.retryPolicy
        var attempt = 1
        var waited = Duration.zero
        while true {
            do {
                return try await send(operation)
            } catch let ambiguous as AmbiguousFailure {
                let pause = policy.ambiguousCreatePause * attempt
                configuration.events?(.awaitingLateCommit(operation: operation, reason: ambiguous.error.shortReason, pause: pause))
                recorder.countRetry()
                try await clock.sleep(for: pause)
                waited += pause
                if let recovered = try await recover() { return recovered }
                guard attempt < policy.maxCreateAttempts else {
                    throw FracttalAPIError.unconfirmed(
                        operation: operation, reason: ambiguous.error.shortReason, attempts: attempt,
                        waitedSeconds: Int(waited.components.seconds))
                }
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
