import Crypto

/// What the store keeps of a secret: a random per-secret salt and SHA-256(salt ‖ secret).
package struct SecretDigest: Sendable, Hashable {
    /// The random salt, 16 bytes.
    let salt: [UInt8]
    /// SHA-256 of the salt followed by the secret's UTF-8 bytes.
    let hash: [UInt8]

    /// Hashes `secret` with a fresh random salt.
    package init(hashing secret: String) {
        self.init(hashing: secret, salt: RandomText.bytes(count: 16))
    }

    /// Hashes `secret` with the given salt.
    init(hashing secret: String, salt: [UInt8]) {
        var hasher = SHA256()
        hasher.update(data: salt)
        hasher.update(data: Array(secret.utf8))
        self.salt = salt
        self.hash = Array(hasher.finalize())
    }

    /// A digest read back from the store.
    init(salt: [UInt8], hash: [UInt8]) {
        self.salt = salt
        self.hash = hash
    }

    /// Whether `secret` is the secret this digest was made from, compared in constant time.
    func matches(_ secret: String) -> Bool {
        let candidate = SecretDigest(hashing: secret, salt: salt).hash
        guard candidate.count == hash.count else { return false }
        var difference: UInt8 = 0
        for index in hash.indices { difference |= hash[index] ^ candidate[index] }
        return difference == 0
    }
}
