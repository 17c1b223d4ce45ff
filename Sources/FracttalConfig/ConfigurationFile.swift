import Foundation

/// A configuration file as read: its path and its exact bytes, for a digest of the configuration.
public struct ConfigurationFile: Sendable, Hashable {
    /// The path as the user named it (files found in a folder: the folder's path joined with theirs).
    public var path: String
    /// The file's bytes, exactly as read (a byte-order mark included).
    public var data: Data

    /// Keeps the bytes unchanged: the configuration digest is computed from exactly these.
    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }
}
