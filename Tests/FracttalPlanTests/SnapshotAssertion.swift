import Foundation
import Testing

/// Compares `actual` with `Snapshots/<name>` beside this file; with `RECORD_SNAPSHOTS=1`, writes it instead.
///
/// The source folder (found through `#filePath`) is used rather than the bundle's copy, so that recording
/// updates the files under version control.
func assertSnapshot(_ actual: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let url = folder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url, options: .atomic)
        } catch {
            Issue.record("could not record the snapshot \(name): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
        Issue.record("no snapshot at \(url.path); run the tests with RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    guard expected != actual else { return }
    let expectedLines = expected.components(separatedBy: "\n")
    let actualLines = actual.components(separatedBy: "\n")
    let line = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        ?? min(expectedLines.count, actualLines.count)
    let want = line < expectedLines.count ? expectedLines[line].debugDescription : "(end of snapshot)"
    let got = line < actualLines.count ? actualLines[line].debugDescription : "(end of output)"
    Issue.record(
        "output differs from the snapshot \(name) at line \(line + 1):\n  snapshot: \(want)\n  actual:   \(got)\nrun the tests with RECORD_SNAPSHOTS=1 to re-record it if the change is meant",
        sourceLocation: sourceLocation)
}
