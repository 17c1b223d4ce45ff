import Foundation

/// A configuration file that was read.
public struct ConfigurationFile: Sendable, Hashable {
    /// The path as the user named it (files found in a folder: the folder's path joined with theirs).
    public var path: String

    /// A file read from `path`.
    public init(path: String) {
        self.path = path
    }
}
