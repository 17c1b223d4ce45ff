/// What `fracttal --version` prints: the release's version, or a note that this is a build from source.
///
/// `scripts/release.sh VERSION` stamps a release without editing a tracked file or changing any
/// compiler flag (a `-D` define carries no string, and a changed flag would rebuild every module):
/// it writes `ReleaseStamp.generated.swift` (git-ignored) beside this file, holding
/// `extension BuildVersion { static var stamp: String? { "VERSION" } }`, builds, and deletes it.
/// A member declared on the type itself is chosen over the protocol extension's default below,
/// so the stamp wins when that file is there and the default holds in every other build.
enum BuildVersion: VersionStamped {
    /// The text of `--version`.
    static var text: String { stamp ?? "0.0.0-source (built from source, not a release)" }
}

/// A type whose version a release build may stamp.
protocol VersionStamped {
    /// The release version, or nil in a build from source.
    static var stamp: String? { get }
}

extension VersionStamped {
    /// No stamp: a build from source.
    static var stamp: String? { nil }
}
