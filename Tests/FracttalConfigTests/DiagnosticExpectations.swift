import Foundation
import FracttalConfig
import FracttalModel
import FracttalTestSupport
import Testing

/// One diagnostic a test expects at a marker, known by its severity and code rather than its wording.
struct Expected {
    var marker: String
    var severity: Diagnostic.Severity
    var code: Diagnostic.Code
    /// Values the message must name, such as a suggested key; the wording around them is free.
    var mentions: [String]
    /// The file the marker is in, when a test writes several.
    var file: String

    static func error(
        _ marker: String, _ code: Diagnostic.Code, mentioning mentions: String..., in file: String = "config.yaml"
    ) -> Expected {
        Expected(marker: marker, severity: .error, code: code, mentions: mentions, file: file)
    }

    static func warning(
        _ marker: String, _ code: Diagnostic.Code, mentioning mentions: String..., in file: String = "config.yaml"
    ) -> Expected {
        Expected(marker: marker, severity: .warning, code: code, mentions: mentions, file: file)
    }

    /// Whether a diagnostic is this one: same severity, code and place, and it names every mention.
    func matches(_ diagnostic: Diagnostic, at location: FracttalModel.SourceLocation) -> Bool {
        diagnostic.codeAndPlace == "\(severity.rawValue) \(code) at \(location)"
            && mentions.allSatisfy { diagnostic.message.contains($0) }
    }
}

extension Diagnostic {
    /// `error FRC101 at file:line:column` (or `at no place`): what a test compares instead of the wording.
    var codeAndPlace: String { "\(severity.rawValue) \(code) at \(location?.description ?? "no place")" }
}

/// Loads marked files (name → marked text; read in the order given) and checks that the diagnostics
/// are exactly the expected ones, each with its code at its marker. Answers the loaded configuration for further checks.
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
        var expectation = expectation
        expectation.mentions = expectation.mentions.map {
            resolvePlaceholders($0, file: expectation.file, markers: markers, folder: folder)
        }
        if let index = unmatched.firstIndex(where: { expectation.matches($0, at: location) }) {
            unmatched.remove(at: index)
        } else {
            let mentions = expectation.mentions.isEmpty ? "" : " mentioning \(expectation.mentions)"
            let wanted = "\(expectation.severity.rawValue) \(expectation.code) at \(location)\(mentions)"
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
/// for mentions of another place.
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
