import Foundation
import FracttalApply
import FracttalModel
import FracttalPlan
import FracttalTestSupport
import Testing

struct ApplierAdoptionTests {
    /// The key the fake gives its n-th consumer.
    static func fakeKey(_ number: Int) -> String {
        "K" + String(repeating: "0", count: 13) + String(repeating: "0", count: 4 - String(number).count) + String(number)
    }

    @Test func anAdoptedConsumerGetsItsSecretRotatedAndWritten() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let fake = FakeCompany()
        await fake.configure { $0.lostAnswers = ["a"] }
        let plan = Fixture.plan([Fixture.consumerCreate("a", step: 1)])
        let report = try await Applier(mutations: fake, secrets: try await fileStore(folder.path("s.json")))
            .run(plan, live: await fake.liveState())

        let key = Self.fakeKey(1)
        #expect(await fake.calls == [.createConsumer("a"), .rotateSecret(key)])
        #expect(report.succeeded)
        #expect(report.results[0].adopted)
        #expect(report.results[0].secretWritten)
        #expect(report.results[0].key == key)
        // The rotation is part of the create: it is counted as added, not as a rotated secret.
        #expect(report.summaryLine == "Apply complete: 1 added, 0 changed, 0 replaced, 0 destroyed, 0 secrets rotated.")
        let current = try #require(await fake.secrets[key])
        let written = try jsonSecrets(try folder.read("s.json"))
        #expect(written["a"]?["key"] == key)
        #expect(written["a"]?["secret"] == current, "the file holds the rotated secret, not the lost one")
    }

    @Test func anAdoptedConsumerWhoseRotationFailsSaysWhichKeyToRotate() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let fake = FakeCompany()
        let key = Self.fakeKey(1)
        await fake.configure {
            $0.lostAnswers = ["a"]
            $0.failingCalls = [.rotateSecret(key)]
        }
        let plan = Fixture.plan([Fixture.consumerCreate("a", step: 1)])
        let report = try await Applier(mutations: fake, secrets: try await fileStore(folder.path("s.json")))
            .run(plan, live: await fake.liveState())
        #expect(report.results[0].outcome.kind == "failed FRC307")
        #expect(report.results[0].outcome.description.contains(key))
        #expect(report.results[0].key == key)
        #expect(report.results[0].adopted)
        // No secret was stored; the create's pending mark stays, so the next plan rotates that consumer.
        #expect(try jsonSecrets(try folder.read("s.json")).isEmpty)
        #expect((try jsonRecord(try folder.read("s.json"))["pending"] as? [[String: Any]])?.first?["name"] as? String == "a")
    }

    @Test func anAdoptedGroupIsUsedByLaterConsumers() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let fake = FakeCompany()
        await fake.configure { $0.lostAnswers = ["G"] }
        let plan = Fixture.plan([
            Fixture.groupCreate("G", step: 1),
            Fixture.consumerCreate("a", group: .planned(name: "G"), groupName: "G", step: 2),
        ])
        let report = try await Applier(mutations: fake, secrets: try await fileStore(folder.path("s.json")))
            .run(plan, live: await fake.liveState())
        #expect(report.succeeded)
        #expect(report.results[0].adopted)
        let groupID = try #require(report.results[0].groupID)
        #expect(await fake.consumers.first?.permissionGroup == groupID)
    }

    @Test func aReplacementCreatesStoresTheNewSecretThenDeletesTheOldOne() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let fake = FakeCompany(consumers: [Fixture.liveConsumer("OLDKEY0000000000", "x")])
        let plan = Fixture.plan([Fixture.consumerReplace("x", key: "OLDKEY0000000000", step: 1)])
        let report = try await Applier(mutations: fake, secrets: try await fileStore(folder.path("s.json")))
            .run(plan, live: await fake.liveState())
        let key = Self.fakeKey(1)
        #expect(report.succeeded)
        #expect(report.results[0].key == key)
        #expect(await fake.calls == [.createConsumer("x"), .deleteConsumer("OLDKEY0000000000")])
        #expect(await fake.consumers.map(\.grantType) == [.authorizationCode])
        #expect(try jsonSecrets(try folder.read("s.json"))["x"]?["key"] == key)
        #expect(report.summaryLine == "Apply complete: 0 added, 0 changed, 1 replaced, 0 destroyed, 0 secrets rotated.")
    }

    @Test func aRotationWritesTheNewSecret() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let fake = FakeCompany(consumers: [Fixture.liveConsumer("KEYR", "r")])
        let plan = Fixture.plan([Fixture.rotation("r", key: "KEYR", step: 1)])
        let report = try await Applier(mutations: fake, secrets: try await fileStore(folder.path("s.json")))
            .run(plan, live: await fake.liveState())
        #expect(report.summaryLine == "Apply complete: 0 added, 0 changed, 0 replaced, 0 destroyed, 1 secret rotated.")
        let written = try jsonSecrets(try folder.read("s.json"))
        #expect(written["r"]?["secret"] == (await fake.secrets["KEYR"]))
    }
}
