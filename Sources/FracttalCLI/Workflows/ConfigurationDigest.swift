import FracttalConfig
import FracttalPlan
import Foundation

/// The digest a plan records of the configuration it was made from.
enum ConfigurationDigest {
    /// A digest over every file's path and bytes, in read order.
    static func of(_ files: [ConfigurationFile]) -> String {
        var data = Data()
        for file in files {
            data.append(Data(file.path.utf8))
            data.append(0)
            data.append(file.data)
            data.append(0)
        }
        return Fingerprint.of(data: data)
    }
}
