/// What a consumer create call left on the server.
///
/// As with `GroupCreation`, an adopted consumer was found by re-reading after a lost answer; its secret
/// was never seen, so the caller must rotate it to deliver one.
public enum ConsumerCreation: Sendable, Hashable {
    /// The server answered with the new consumer and its secret.
    case created(LiveConsumer, ConsumerCredentials)
    /// The answer was lost; the consumer was found by re-reading, without its secret.
    case adopted(LiveConsumer)

    /// The consumer, however it was obtained.
    public var consumer: LiveConsumer {
        switch self {
        case .created(let consumer, _), .adopted(let consumer): consumer
        }
    }
}
