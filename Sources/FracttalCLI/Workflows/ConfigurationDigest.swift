import FracttalConfig
import FracttalPlan
import Foundation

/// The digest a plan records of the configuration it was made from.
enum ConfigurationDigest {
    /// A digest over every file's path and bytes, in read order.
    static func of(_ files: [ConfigurationFile]) -> String {
        // The files' bytes are hashed where they are, not copied into one buffer first.
        let separator = Data([0])
        return Fingerprint.of(concatenating: files.flatMap { [Data($0.path.utf8), separator, $0.data, separator] })
    }
}
