import Foundation
import FracttalConfig
import FracttalModel
import FracttalTestSupport
import Testing

/// One diagnostic a test expects at a marker.
struct Expected {
    var marker: String
    var severity: Diagnostic.Severity
    var message: String
    /// The file the marker is in, when a test writes several.
    var file: String

    static func error(_ marker: String, _ message: String, in file: String = "config.yaml") -> Expected {
        Expected(marker: marker, severity: .error, message: message, file: file)
    }

    static func warning(_ marker: String, _ message: String, in file: String = "config.yaml") -> Expected {
        Expected(marker: marker, severity: .warning, message: message, file: file)
    }
}

/// Loads marked files (name → marked text; read in the order given) and checks that the diagnostics
/// are exactly the expected ones, each at its marker. Answers the loaded configuration for further checks.
@discardableResult
func expectDiagnostics(
    _ files: KeyValuePairs<String, String>,
    _ expected: [Expected],
    environment: [String: String] = [:],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> LoadedConfiguration {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    var markers: [String: [String: (line: Int, column: Int)]] = [:]
    var paths: [String] = []
    for (name, marked) in files {
        let text = MarkedText(marked)
        markers[name] = text.markers
        paths.append(try folder.write(text.text, to: name))
    }
    let loaded = ConfigurationLoader(environment: environment).load(paths: paths)
    var unmatched = loaded.diagnostics
    for expectation in expected {
        guard let marker = markers[expectation.file]?[expectation.marker] else {
            Issue.record("marker \(expectation.marker) is not in \(expectation.file)", sourceLocation: sourceLocation)
            continue
        }
        let location = FracttalModel.SourceLocation(
            file: folder.path(expectation.file), line: marker.line, column: marker.column
        )
        let message = resolvePlaceholders(expectation.message, file: expectation.file, markers: markers, folder: folder)
        let wanted = Diagnostic(expectation.severity, message, at: location)
        if let index = unmatched.firstIndex(of: wanted) {
            unmatched.remove(at: index)
        } else {
            let near = unmatched.map { "  \($0)" }.joined(separator: "\n")
            Issue.record("expected \(wanted)\nbut got:\n\(near)", sourceLocation: sourceLocation)
        }
    }
    for diagnostic in unmatched {
        Issue.record("unexpected diagnostic: \(diagnostic)", sourceLocation: sourceLocation)
    }
    return loaded
}

/// Replaces `{1️⃣}` (a marker of the same file) and `{a.yaml#1️⃣}` by that marker's `path:line:column`,
/// for messages that name another place.
private func resolvePlaceholders(
    _ message: String, file: String, markers: [String: [String: (line: Int, column: Int)]], folder: TemporaryFolder
) -> String {
    var result = message.replacingOccurrences(of: "{path}", with: folder.path(file))
    for (name, fileMarkers) in markers {
        for (marker, position) in fileMarkers {
            let place = "\(folder.path(name)):\(position.line):\(position.column)"
            result = result.replacingOccurrences(of: "{\(name)#\(marker)}", with: place)
            if name == file {
                result = result.replacingOccurrences(of: "{\(marker)}", with: place)
            }
        }
    }
    return result
}

/// The single-file form of `expectDiagnostics`, for `config.yaml`.
@discardableResult
func expectDiagnostics(
    _ marked: String,
    _ expected: [Expected],
    environment: [String: String] = [:],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> LoadedConfiguration {
    try expectDiagnostics(["config.yaml": marked], expected, environment: environment, sourceLocation: sourceLocation)
}
