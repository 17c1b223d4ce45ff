import FracttalModel

/// Something the client does on its own that a progress display may show.
public enum ClientEvent: Sendable, Hashable, CustomStringConvertible {
    /// The client waits for the rate-limit window to reset before sending more requests.
    case rateLimitWait(Duration)
    /// A call failed in a way that may pass; the client repeats it after `delay`.
    case retry(operation: String, attempt: Int, of: Int, delay: Duration, reason: String)
    /// A list changed while it was being read; the client reads it again from the start.
    case listReread(list: String, read: Int)
    /// A create or rotation got no usable answer; the client waits `pause` for a late commit before looking again.
    case awaitingLateCommit(operation: String, reason: String, pause: Duration)
    /// A create whose answer was lost had taken effect; the client found the object and adopts it.
    case adopted(ResourceAddress)

    /// One line for people, for example `waiting 12 s for the rate limit`.
    public var description: String {
        switch self {
        case .rateLimitWait(let duration):
            "waiting \(duration.wholeSecondsRoundedUp) s for the rate limit"
        case .retry(let operation, let attempt, let total, let delay, let reason):
            "\(reason) while trying to \(operation): attempt \(attempt + 1) of \(total) in \(delay.formattedSeconds) s"
        case .listReread(let list, let read):
            "the \(list) changed while being read: reading them again (read \(read))"
        case .awaitingLateCommit(let operation, let reason, let pause):
            "\(reason) while trying to \(operation): checking again in \(pause.formattedSeconds) s, in case the server finishes it late"
        case .adopted(let address):
            "the answer to creating \(address) was lost but the object was made: adopting it"
        }
    }
}

extension Duration {
    /// Whole seconds, rounded up (a wait of 0.2 s shows as 1 s).
    var wholeSecondsRoundedUp: Int64 {
        let (seconds, attoseconds) = components
        return attoseconds > 0 ? seconds + 1 : seconds
    }

    /// Seconds with one decimal, for example `0.4`.
    var formattedSeconds: String {
        let tenths = Int64((seconds * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// The duration in seconds as a floating-point number.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
