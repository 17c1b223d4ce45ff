import Foundation
import FracttalModel

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
        var digest = FNV1a()
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
                files.append(ConfigurationFile(path: path))
                digest.add(path.utf8)
                digest.add(CollectionOfOne(0))
                data.withUnsafeBytes { digest.add($0) }
                digest.add(CollectionOfOne(0))
                diagnostics += Self.read(data, path: path, interpolator: interpolator, into: &collector)
            }
        }
        if warnsAboutUndeclaredGroups {
            diagnostics += collector.referenceWarnings()
        }
        return LoadedConfiguration(state: collector.state, diagnostics: Self.sorted(diagnostics), files: files, digest: digest.hex)
    }

    /// Reads one file's documents into the collector; answers its diagnostics. `handsOverItems` off
    /// reads the whole tree after the pass, as a test's reference.
    static func read(
        _ data: Data, path: String, interpolator: EnvironmentInterpolator, into collector: inout DeclarationCollector,
        handsOverItems: Bool = true
    ) -> [Diagnostic] {
        let source: SourceText
        switch SourceText.decode(data) {
        case .failure(let invalid):
            let location = SourceLocation(file: path, line: invalid.line, column: invalid.column)
            return [.notUTF8(path, byteOffset: invalid.byteOffset, at: location)]
        case .success(let text):
            source = text
        }
        var reader = DocumentReader(file: path, interpolator: interpolator, source: source)
        // The items of the long lists are read as the composer hands them over, so that the file's
        // whole tree is never held; a part of the file that turns out not to be read is then forgotten.
        let fileStart = collector.checkpoint
        var documentStart: (document: Int, collector: DeclarationCollector.Checkpoint, diagnostics: Int)?
        let composition = YAMLComposer.compose(
            source.bytes, aliasLimit: ConfigurationLimits.maxAliasExpansions,
            handingOverItemsOf: handsOverItems ? DeclarationList.allCases.map(\.rawValue) : []
        ) { tree, item in
            if documentStart?.document != item.document {
                documentStart = (item.document, collector.checkpoint, reader.diagnostics.count)
            }
            reader.read(handedOver: item, in: &tree, into: &collector)
        }
        let stopDiagnostics = composition.stop.map {
            $0.diagnostics(file: path, text: source.string, aliasLimit: ConfigurationLimits.maxAliasExpansions)
        } ?? []
        // An alias in a key refuses the whole file: nothing of it is read.
        if case .aliasInKey? = composition.stop {
            collector.rollBack(to: fileStart)
            return stopDiagnostics
        }
        // Only the documents completed before a stop are read; the one the stop came in is forgotten.
        if let documentStart, documentStart.document >= composition.documents.count {
            collector.rollBack(to: documentStart.collector)
            reader.diagnostics.removeSubrange(documentStart.diagnostics...)
        }
        reader.tree = composition.tree
        for root in composition.documents {
            reader.read(document: composition.tree[root], into: &collector)
        }
        for diagnostic in stopDiagnostics {
            reader.report(diagnostic)
        }
        if composition.stop == nil, composition.documents.isEmpty {
            reader.report(.noDocument(path, at: SourceLocation(file: path, line: 1, column: 1)))
        }
        return reader.diagnostics
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
