/// Unpredictable strings of `[A-Za-z0-9]` from the system's CSPRNG, for consumer keys,
/// secrets and access tokens. Never seeded: `--seed` drives faults only.
package enum RandomText {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)

    /// A string of `count` characters drawn uniformly from `[A-Za-z0-9]`.
    package static func alphanumeric(count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<count).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `count` random bytes.
    static func bytes(count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// A new consumer key: 18 characters, as the sandbox makes them.
    package static func consumerKey() -> String { alphanumeric(count: 18) }

    /// A new consumer secret: 32 characters.
    package static func consumerSecret() -> String { alphanumeric(count: 32) }

    /// A new access token: 40 characters.
    static func accessToken() -> String { alphanumeric(count: 40) }
}
