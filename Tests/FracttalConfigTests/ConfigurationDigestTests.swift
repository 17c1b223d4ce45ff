import Foundation
import FracttalConfig
import FracttalPlan
import FracttalTestSupport
import Testing

/// The digest a plan records of its configuration, computed while the files are read.
struct ConfigurationDigestTests {
    @Test func theDigestCoversEachFilesPathAndBytesInReadOrder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let first = "version: 1\npermission_groups:\n  - name: A\n    permissions: []\n"
        let second = "\u{FEFF}version: 1\r\nconsumers: []\r\n"
        try first.write(toFile: folder.path("a.yaml"), atomically: true, encoding: .utf8)
        try second.write(toFile: folder.path("b.yaml"), atomically: true, encoding: .utf8)
        let loaded = ConfigurationLoader(environment: [:]).load(paths: [folder.path])
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        var bytes = Data()
        for (name, text) in [("a.yaml", first), ("b.yaml", second)] {
            bytes += Data(folder.path(name).utf8) + [0] + Data(text.utf8) + [0]
        }
        #expect(loaded.digest == Fingerprint.of(data: bytes))
        try (first + "\n").write(toFile: folder.path("a.yaml"), atomically: true, encoding: .utf8)
        #expect(ConfigurationLoader(environment: [:]).load(paths: [folder.path]).digest != loaded.digest)
    }
}
