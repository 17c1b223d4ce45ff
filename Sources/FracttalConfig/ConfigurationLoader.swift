import Foundation
import FracttalModel
import Yams

/// Loads configuration files into a desired state; every problem becomes a diagnostic.
public struct ConfigurationLoader: Sendable {
    /// The variables `${env:NAME}` reads.
    public var environment: [String: String]

    /// Whether a consumer's group that no file declares is a warning: true offline (`validate`);
    /// `plan` turns it off because it checks the name against the live groups itself.
    public var warnsAboutUndeclaredGroups: Bool

    /// Creates a loader; `environment` answers `${env:NAME}`.
    public init(environment: [String: String], warnsAboutUndeclaredGroups: Bool = true) {
        self.environment = environment
        self.warnsAboutUndeclaredGroups = warnsAboutUndeclaredGroups
    }

    /// Reads files and folders (no path: the current folder) and merges every document. Never throws.
    public func load(paths: [String]) -> LoadedConfiguration {
        let (filePaths, pathDiagnostics) = ConfigurationPaths.expand(paths)
        var diagnostics = pathDiagnostics
        var files: [ConfigurationFile] = []
        var collector = DeclarationCollector()
        let interpolator = EnvironmentInterpolator(environment: environment)
        for path in filePaths {
            let start = SourceLocation(file: path, line: 1, column: 1)
            switch LimitedFileReader.read(path, limit: ConfigurationLimits.maxFileBytes) {
            case .failure(.tooLarge(let bytes)):
                diagnostics.append(.fileTooLarge(path, bytes: bytes, at: start))
            case .failure(.unreadable(let reason)):
                diagnostics.append(.unreadableFile(path, reason: reason))
            case .success(let data):
                files.append(ConfigurationFile(path: path, data: data))
                diagnostics += Self.read(data, path: path, interpolator: interpolator, into: &collector)
            }
        }
        if warnsAboutUndeclaredGroups {
            diagnostics += collector.referenceWarnings()
        }
        return LoadedConfiguration(state: collector.state, diagnostics: Self.sorted(diagnostics), files: files)
    }

    /// Reads one file's documents into the collector; answers its diagnostics.
    static func read(
        _ data: Data, path: String, interpolator: EnvironmentInterpolator, into collector: inout DeclarationCollector
    ) -> [Diagnostic] {
        let text: String
        switch SourceText.decode(data) {
        case .failure(let invalid):
            let location = SourceLocation(file: path, line: invalid.line, column: invalid.column)
            return [.notUTF8(path, byteOffset: invalid.byteOffset, at: location)]
        case .success(let source):
            text = source.text
        }
        if let finding = AliasKeyScanner.findAliasInKey(text) {
            return [.aliasInKey(at: SourceLocation(file: path, line: finding.line, column: finding.column))]
        }
        var reader = DocumentReader(file: path, interpolator: interpolator, source: text)
        var aliases = AliasExpansionCounter(limit: ConfigurationLimits.maxAliasExpansions)
        // Without an `&` there is no anchor, hence no alias: the count can be skipped.
        let hasAnchors = text.utf8.contains(UInt8(ascii: "&"))
        var documents = 0
        do {
            // Resolver.basic tags nothing implicitly: Yams hashes keys quickly, and the reader
            // applies the YAML 1.2 core schema itself. The parser must outlive the walk (anchors are weak).
            let parser = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
            try withExtendedLifetime(parser) {
                while let root = try parser.nextRoot() {
                    documents += 1
                    if hasAnchors { aliases.add(root) }
                    if aliases.exceeded {
                        if let crossing = aliases.crossing, let location = Self.location(of: crossing, in: text, path: path) {
                            reader.report(.tooManyAliases(path, limit: aliases.limit, crossedBy: crossing.anchor, at: location))
                        } else {
                            reader.report(.tooManyAliases(path, limit: aliases.limit, at: reader.location(of: root)))
                        }
                        return
                    }
                    reader.read(document: root, into: &collector)
                }
            }
        } catch {
            for diagnostic in YAMLErrorDiagnostic.make(error, file: path, text: text) {
                reader.report(diagnostic)
            }
            return reader.diagnostics
        }
        if documents == 0 {
            reader.report(.noDocument(path, at: SourceLocation(file: path, line: 1, column: 1)))
        }
        return reader.diagnostics
    }

    /// Where the alias that crossed the expansion limit is written; nil when the text does not show it.
    static func location(of crossing: AliasExpansionCounter.Crossing, in text: String, path: String) -> SourceLocation? {
        let aliases = AliasKeyScanner.aliases(in: text)
        guard crossing.ordinal <= aliases.count else { return nil }
        let alias = aliases[crossing.ordinal - 1]
        guard alias.anchor == crossing.anchor else { return nil }
        return SourceLocation(file: path, line: alias.line, column: alias.column)
    }

    /// Sorts by location, keeping the emitted order among equals; diagnostics without a place come first.
    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            switch (lhs.element.location, rhs.element.location) {
            case (nil, nil): return lhs.offset < rhs.offset
            case (nil, _): return true
            case (_, nil): return false
            case let (left?, right?): return left == right ? lhs.offset < rhs.offset : left < right
            }
        }.map(\.element)
    }
}
