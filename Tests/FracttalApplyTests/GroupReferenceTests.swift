import FracttalApply
import FracttalModel
import FracttalPlan
import FracttalTestSupport
import Testing

struct GroupReferenceTests {
    @Test func consumersGoToTheGroupCreatedInAnEarlierStep() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let fake = FakeCompany(consumers: [Fixture.liveConsumer("KEYB", "b")])
        let plan = Fixture.plan([
            Fixture.groupCreate("Other", step: 1),
            Fixture.groupCreate("G", step: 1),
            Fixture.consumerCreate("a", group: .planned(name: "G"), groupName: "G", step: 2),
            Fixture.consumerUpdate("b", key: "KEYB", group: .planned(name: "G"), step: 2),
            Fixture.consumerCreate("c", group: .live(id: 1), step: 2),
        ])
        let report = try await Applier(mutations: fake, secrets: try await fileStore(folder.path("s.json")))
            .run(plan, live: await fake.liveState())
        #expect(report.succeeded)
        let groupID = try #require(await fake.groups.first { $0.name == "G" }?.id)
        #expect(report.results[1].groupID == groupID)
        let consumers = await fake.consumers
        #expect(consumers.first { $0.name == "a" }?.permissionGroup == groupID)
        #expect(consumers.first { $0.name == "b" }?.permissionGroup == groupID)
        #expect(consumers.first { $0.name == "c" }?.permissionGroup == 1)
    }

    @Test func createsAreToldTheIDsAndKeysKnownBeforeThem() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let fake = FakeCompany(consumers: [Fixture.liveConsumer("KEYB", "b")])
        let plan = Fixture.plan([
            Fixture.groupCreate("G", step: 1),
            Fixture.consumerCreate("a", group: .planned(name: "G"), groupName: "G", step: 2),
        ])
        _ = try await Applier(mutations: fake, secrets: try await fileStore(folder.path("s.json")))
            .run(plan, live: await fake.liveState())
        let groupID = try #require(await fake.groups.first { $0.name == "G" }?.id)
        #expect(await fake.knownIDsGiven["G"] == [1])
        #expect(await fake.knownKeysGiven["a"] == ["KEYB"])
        #expect(groupID != 1)
    }

    @Test func aPlannedGroupThatWasNeverCreatedFailsTheConsumerWithoutACall() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let fake = FakeCompany()
        let plan = Fixture.plan([Fixture.consumerCreate("a", group: .planned(name: "Missing"), groupName: "Missing", step: 1)])
        let report = try await Applier(mutations: fake, secrets: try await fileStore(folder.path("s.json")))
            .run(plan, live: await fake.liveState())
        #expect(report.results[0].outcome.kind == "failed FRC305")
        #expect(await fake.calls.isEmpty)
    }
}
