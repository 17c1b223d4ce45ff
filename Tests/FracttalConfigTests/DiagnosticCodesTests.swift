import Foundation
import Testing

/// docs/diagnostics.md lists exactly the codes the sources define, each defined in one place only.
struct DiagnosticCodesTests {
    /// The package root, three folders above this file.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every `"FRCnnn"` literal under Sources/ outside comments, with the files it is written in (once per occurrence).
    static func codesInSources() throws -> [String: [String]] {
        let sources = root.appendingPathComponent("Sources")
        let pattern = try Regex(#""(FRC\d{3})""#)
        var found: [String: [String]] = [:]
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift" else { continue }
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
            for line in lines where !line.drop(while: { $0 == " " }).hasPrefix("//") {
                for match in line.matches(of: pattern) {
                    let code = String(line[match.range].dropFirst().dropLast())
                    found[code, default: []].append(file.lastPathComponent)
                }
            }
        }
        return found
    }

    /// The codes of the `### FRCnnn: title` entries of docs/diagnostics.md, in the order written.
    static func codesInDocument() throws -> [String] {
        let text = try String(contentsOf: root.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("### FRC") else { return nil }
            return String(line.dropFirst(4).prefix(6))
        }
    }

    @Test func everyCodeInTheSourcesIsDocumentedAndNothingElse() throws {
        let sources = Set(try Self.codesInSources().keys)
        let documented = Set(try Self.codesInDocument())
        #expect(sources.count > 100, "the scan of Sources/ found too few codes: \(sources.sorted())")
        #expect(sources.subtracting(documented).sorted() == [], "codes emitted but not in docs/diagnostics.md")
        #expect(documented.subtracting(sources).sorted() == [], "codes in docs/diagnostics.md that no source emits")
    }

    @Test func eachCodeIsDefinedOnce() throws {
        let repeated = try Self.codesInSources().filter { $0.value.count > 1 }
        #expect(repeated.isEmpty, "one code for two problems: \(repeated)")
    }

    @Test func theDocumentListsEachCodeOnceInOrder() throws {
        let documented = try Self.codesInDocument()
        #expect(documented == documented.sorted())
        #expect(Set(documented).count == documented.count)
    }

    @Test func everyEntryShowsALineOfOutputWithItsCode() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        let entries = text.components(separatedBy: "\n### ").dropFirst()
        for entry in entries {
            let code = String(entry.prefix(6))
            #expect(entry.contains(" [\(code)]\n```"), "\(code) has no example ending in [\(code)]")
            #expect(entry.contains("\nWhen: ") && entry.contains("\nFix: "), "\(code) lacks When or Fix")
        }
    }
}
