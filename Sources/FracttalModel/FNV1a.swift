/// FNV-1a over 64 bits: a running digest of bytes, for noticing change, not for security.
///
/// Plans fingerprint live objects with it, and the configuration loader digests the files it reads
/// as it reads them, so that their bytes need not be kept for a digest later.
public struct FNV1a: Sendable {
    @usableFromInline var state: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The digest of nothing yet.
    public init() {}

    /// The digest so far: 16 lower-case hex digits.
    public var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Adds bytes to the digest. Inlinable, so that each caller's kind of bytes gets its own fast loop.
    @inlinable
    public mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            state ^= UInt64(byte)
            state &*= 0x0000_0100_0000_01b3
        }
    }
}
