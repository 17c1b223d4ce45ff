import Foundation
@testable import FracttalConfig
import Testing
import Yams

/// How one string becomes one YAML scalar.
struct ExportScalarTests {
    @Test(arguments: [
        ("plain text", "plain text"),
        ("Técnicos de campo", "Técnicos de campo"),
        ("consumidorfabian09/05", "consumidorfabian09/05"),
        ("Projeto 1212", "Projeto 1212"),
        ("it's", "it's"),
        ("a#b", "a#b"),
        ("$HOME", "$HOME"),
        ("yes", "'yes'"),
        ("Off", "'Off'"),
        ("n", "'n'"),
        ("true", "'true'"),
        ("Null", "'Null'"),
        ("~", "'~'"),
        ("1212", "'1212'"),
        ("09", "'09'"),
        ("0x1F", "'0x1F'"),
        (".inf", "'.inf'"),
        ("2026-11-01", "'2026-11-01'"),
        ("1:20", "'1:20'"),
        ("<<", "'<<'"),
        ("a: b", "'a: b'"),
        ("key:", "'key:'"),
        ("a #b", "'a #b'"),
        ("- item", "'- item'"),
        ("?x", "'?x'"),
        (":x", "':x'"),
        ("*alias", "'*alias'"),
        ("&anchor", "'&anchor'"),
        ("!tag", "'!tag'"),
        ("%TAG", "'%TAG'"),
        ("@at", "'@at'"),
        ("`tick`", "'`tick`'"),
        ("{a}", "'{a}'"),
        ("a, b", "'a, b'"),
        ("'", "''''"),
        ("\"double\"", "'\"double\"'"),
        ("", "''"),
        (" leading", "' leading'"),
        ("trailing ", "'trailing '"),
        ("a\u{A0}b", "'a\u{A0}b'"),
        ("line1\nline2", "\"line1\\nline2\""),
        ("crlf\r\nend", "\"crlf\\r\\nend\""),
        ("tab\tinside", "\"tab\\tinside\""),
        ("a\u{0}b", "\"a\\0b\""),
        ("esc\u{1B}", "\"esc\\e\""),
        ("bom\u{FEFF}", "\"bom\\uFEFF\""),
        ("ls\u{2028}", "\"ls\\L\""),
        ("🔧", "\"\\U0001F527\""),
    ])
    func renders(_ text: String, _ expected: String) {
        #expect(YAMLScalar.render(text) == expected)
    }

    /// Every awkward string, written as a mapping value and as a flow-list item, reads back as that exact
    /// string under Yams' default resolver, which applies the YAML 1.1 types (`yes`, `1_000`, dates) too.
    @Test func everyAwkwardStringIsAStringUnderYAML11() throws {
        for text in ExportFixtures.nastyStrings + ExportFixtures.nastyDescriptions {
            let rendered = YAMLScalar.render(text)
            for (yaml, path) in [("k: \(rendered)\n", false), ("k: [\(rendered)]\n", true)] {
                let root = try #require(try Yams.compose(yaml: yaml), "\(rendered)")
                var node = try #require(root["k"], "\(rendered)")
                if path { node = try #require(node.sequence?.first, "\(rendered)") }
                let scalar = try #require(node.scalar, "\(rendered)")
                #expect(scalar.string.unicodeScalars.elementsEqual(text.unicodeScalars), "\(rendered)")
                #expect(node.tag.rawValue == Tag.Name.str.rawValue, "\(rendered) reads as \(node.tag.rawValue)")
            }
        }
    }

    @Test func theFallbackEscapesEverythingOutsidePrintableASCII() {
        #expect(YAMLScalar.doubleQuoted("a\"b\\c\u{0}é\u{2028}🔧") == "\"a\\\"b\\\\c\\x00\\xE9\\u2028\\U0001F527\"")
    }
}
