import Foundation
import FracttalApply
import FracttalModel
import FracttalPlan
import FracttalTestSupport
import Testing

struct ApplyPreconditionsTests {
    @Test func aPlanThatIssuesSecretsNeedsASecretsFile() async throws {
        let fake = FakeCompany(consumers: [Fixture.liveConsumer("KEYR", "r")])
        for action in [Fixture.consumerCreate("a", step: 1), Fixture.rotation("r", key: "KEYR", step: 1),
                       Fixture.consumerReplace("r", key: "KEYR", step: 1)] {
            let plan = Fixture.plan([Fixture.groupCreate("G", step: 1), action])
            let error = await #expect(throws: ApplyPreconditionError.self) {
                try await Applier(mutations: fake).run(plan, live: await fake.liveState())
            }
            #expect(error?.code == "FRC309")
            #expect(error?.description.contains("--secrets-out") == true)
            #expect(error?.description.contains(action.address.description) == true)
        }
        #expect(await fake.calls.isEmpty)
    }

    @Test func aPlanWithoutNewSecretsNeedsNoSecretsFile() async throws {
        let fake = FakeCompany(
            groups: [LiveGroup(id: 1, name: "Default", isDefault: true), LiveGroup(id: 2, name: "Old")],
            consumers: [Fixture.liveConsumer("KEYB", "b"), Fixture.liveConsumer("KEYE", "e")])
        let plan = Fixture.plan([
            Fixture.groupCreate("G", step: 1),
            Fixture.consumerUpdate("b", key: "KEYB", step: 2),
            Fixture.consumerDelete("e", key: "KEYE", step: 3),
            Fixture.groupDelete("Old", id: 2, step: 4),
        ])
        try await ApplyPreconditions.check(plan, live: await fake.liveState(), secrets: nil)
        let report = try await Applier(mutations: fake).run(plan, live: await fake.liveState())
        #expect(report.succeeded)
    }

    @Test func envNamesThatCollideAreRefusedBeforeAnyChange() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let fake = FakeCompany()
        let sink = try await fileStore(folder.path("secrets.env"), format: .env)
        let plan = Fixture.plan([Fixture.consumerCreate("a b", step: 1), Fixture.consumerCreate("a-b", step: 1)])
        let error = await #expect(throws: SecretStoreError.self) {
            try await Applier(mutations: fake, secrets: sink).run(plan, live: await fake.liveState())
        }
        #expect(error == .envNamesCollide(store: folder.path("secrets.env"), first: "a b", second: "a-b", envName: "A_B"))
        #expect(await fake.calls.isEmpty)
        #expect(try folder.entries().isEmpty)
    }

    @Test func aNameTheFileHoldsForAnotherLiveConsumerIsRefused() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("FRACTTAL_A_B_KEY=KEYAB\nFRACTTAL_A_B_SECRET=old\n", to: "secrets.env", mode: 0o600)
        let fake = FakeCompany(consumers: [Fixture.liveConsumer("KEYAB", "a b")])
        let sink = try await fileStore(folder.path("secrets.env"), format: .env)
        let plan = Fixture.plan([Fixture.consumerCreate("a-b", step: 1)])
        let error = await #expect(throws: SecretStoreError.self) {
            try await Applier(mutations: fake, secrets: sink).run(plan, live: await fake.liveState())
        }
        #expect(error == .envEntryCollides(store: folder.path("secrets.env"), name: "a-b", heldBy: "a b", key: "KEYAB", envName: "A_B"))
        #expect(error?.description.contains("old") == false)
        #expect(await fake.calls.isEmpty)
    }

    @Test func aFileEntryOfTheSameOrAGoneConsumerIsOverwritten() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("FRACTTAL_A_B_KEY=KEYAB\nFRACTTAL_X_KEY=GONE\n", to: "secrets.env", mode: 0o600)
        let fake = FakeCompany(consumers: [Fixture.liveConsumer("KEYAB", "a b")])
        let sink = try await fileStore(folder.path("secrets.env"), format: .env)
        // `a b` rotates its own entry, and `x`'s entry names a key that is no longer live.
        let plan = Fixture.plan([Fixture.rotation("a b", key: "KEYAB", step: 1), Fixture.consumerCreate("x", step: 1)])
        try await ApplyPreconditions.check(plan, live: await fake.liveState(), secrets: sink)
        // A consumer renamed by the plan keeps its entry: the entry's key will carry the new name.
        let renamed = Fixture.plan([
            Fixture.consumerUpdate("a-b", key: "KEYAB", step: 1), Fixture.rotation("a-b", key: "KEYAB", step: 2),
        ])
        try await ApplyPreconditions.check(renamed, live: await fake.liveState(), secrets: sink)
    }

    @Test func anUnreadableSecretsFileIsRefusedBeforeAnyChange() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("not json", to: "s.json")
        let fake = FakeCompany()
        let plan = Fixture.plan([Fixture.consumerCreate("a", step: 1)])
        let error = await #expect(throws: SecretStoreError.self) {
            try await Applier(mutations: fake, secrets: try await fileStore(folder.path("s.json"))).run(plan, live: await fake.liveState())
        }
        #expect(error == .unusable(store: folder.path("s.json"), reason: "it is not valid JSON"))
        #expect(await fake.calls.isEmpty)
    }

    @Test func aMissingFolderIsRefusedBeforeAnyChange() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let fake = FakeCompany()
        let plan = Fixture.plan([Fixture.consumerCreate("a", step: 1)])
        let sink = try await fileStore(folder.path("missing/s.json"))
        await #expect(throws: SecretStoreError.self) {
            try await Applier(mutations: fake, secrets: sink).run(plan, live: await fake.liveState())
        }
        #expect(await fake.calls.isEmpty)
    }
}
