import Foundation
import FracttalApply
import FracttalModel
import FracttalPlan
import FracttalTestSupport
import Testing

struct ApplyJournalTests {
    static let target = "https://acme.example/api"

    @Test func anIntentWithoutSettlementIsUndeliveredAndItsIssuedKeyIsKept() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let journalFolder = folder.path("journal")
        let journal = try ApplyJournal(folder: journalFolder, target: Self.target)
        let create = try await journal.recordIntent(.create, consumer: "erp", key: nil)
        journal.recordIssued(create, key: "KERP00000000000000")
        _ = try await journal.recordIntent(.rotateSecret, consumer: "bi", key: "KBI000000000000000")
        let settledOne = try await journal.recordIntent(.create, consumer: "done", key: nil)
        journal.recordSettled(settledOne, consumer: "done", key: "KDONE0000000000000")
        try await journal.finish(everythingDone: false)

        let undelivered = try ApplyJournal.undeliveredSecrets(folder: journalFolder, target: Self.target)
        #expect(undelivered.map(\.name) == ["erp", "bi"])
        #expect(undelivered.map(\.key) == ["KERP00000000000000", "KBI000000000000000"])
        #expect(undelivered.map(\.action) == ["create", "rotate_secret"])
        #expect(try ApplyJournal.undeliveredSecrets(folder: journalFolder, target: "https://other.example/api").isEmpty)
        let path = ApplyJournal.path(folder: journalFolder, target: Self.target)
        #expect(try folder.mode(of: "journal/" + (path as NSString).lastPathComponent) == 0o600)
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func aLaterSettlementOfTheSameConsumerSettlesEarlierIntents() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let journalFolder = folder.path("journal")
        let first = try ApplyJournal(folder: journalFolder, target: Self.target)
        _ = try await first.recordIntent(.create, consumer: "erp", key: nil)
        _ = try await first.recordIntent(.rotateSecret, consumer: "bi", key: "KBI000000000000000")
        try await first.finish(everythingDone: false)

        let second = try ApplyJournal(folder: journalFolder, target: Self.target)
        let rotation = try await second.recordIntent(.rotateSecret, consumer: "erp", key: "KERP00000000000000")
        second.recordSettled(rotation, consumer: "erp", key: "KERP00000000000000")
        try await second.finish(everythingDone: false)
        #expect(try ApplyJournal.undeliveredSecrets(folder: journalFolder, target: Self.target).map(\.name) == ["bi"])

        let third = try ApplyJournal(folder: journalFolder, target: Self.target)
        try await third.finish(everythingDone: true)
        #expect(!FileManager.default.fileExists(atPath: ApplyJournal.path(folder: journalFolder, target: Self.target)))
    }

    @Test func aTornLastLineIsSkipped() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let journalFolder = folder.path("journal")
        let journal = try ApplyJournal(folder: journalFolder, target: Self.target)
        _ = try await journal.recordIntent(.create, consumer: "erp", key: nil)
        let path = ApplyJournal.path(folder: journalFolder, target: Self.target)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"record":"settled","id":"#.utf8))
        try handle.close()
        #expect(try ApplyJournal.undeliveredSecrets(folder: journalFolder, target: Self.target).map(\.name) == ["erp"])
    }

    @Test func anApplyJournalsEveryIssuedSecretAndNeverASecret() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let fake = FakeCompany()
        let journalFolder = folder.path("journal")
        let journal = try ApplyJournal(folder: journalFolder, target: Self.target)
        let sink = SecretSink(path: folder.path("s.json"))
        // The journal is read before the first change is sent, and after the apply holds nothing.
        let plan = Fixture.plan([Fixture.consumerCreate("a"), Fixture.consumerCreate("b")])
        let report = try await Applier(mutations: fake, secrets: sink, journal: journal).run(plan, live: await fake.liveState())
        #expect(report.succeeded)
        #expect(!FileManager.default.fileExists(atPath: ApplyJournal.path(folder: journalFolder, target: Self.target)))
    }
}
