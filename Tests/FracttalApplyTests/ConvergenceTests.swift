import Foundation
import FracttalApply
import FracttalModel
import FracttalPlan
import FracttalTestSupport
import Testing

/// Plans made by the real planner, applied to the fake company, until nothing is left to do.
struct ConvergenceTests {
    static let place = SourceLocation(file: "fracttal.yaml", line: 1, column: 1)

    static func desired() -> DesiredState {
        func located<T>(_ value: T) -> Located<T> { Located(value, at: place) }
        return DesiredState(
            settings: Settings(prune: located(true), location: place),
            groups: [
                DesiredGroup(
                    name: located("Técnicos"), description: located("Field"),
                    permissions: [located(PermissionPattern("assets:*")!)], location: place),
            ],
            consumers: [
                DesiredConsumer(
                    fields: ConsumerFields(name: "erp-sync", permissionGroup: "Técnicos", hub: true),
                    fieldLocations: FieldLocations(default: place), location: place),
                DesiredConsumer(
                    fields: ConsumerFields(
                        name: "bi", grantType: .authorizationCode, permissionGroup: "Default", redirectURI: "https://bi.example.com/cb"),
                    fieldLocations: FieldLocations(default: place), location: place),
            ])
    }

    static func plan(_ live: LiveState) throws -> Plan {
        let context = PlanningContext(
            target: "test", configurationDigest: "digest", ownClientID: nil, now: Date(timeIntervalSince1970: 1_700_100_000),
            allowMassDelete: true)
        let result = Planner.plan(desired: desired(), live: live, context: context)
        #expect(result.isUsable, "\(result.diagnostics)")
        return result.plan
    }

    @Test func applyingAgainAfterAFailedReplacementConverges() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let fake = FakeCompany(consumers: [Fixture.liveConsumer("KEYBI", "bi"), Fixture.liveConsumer("KEYOLD", "old")])
        await fake.configure { $0.failingCalls = [.createConsumer("bi")] }
        let sink = try await fileStore(folder.path("secrets.env"), format: .env)

        let first = try Self.plan(await fake.liveState())
        #expect(first.actions.map(\.action) == [.create, .replace, .create, .delete])
        let failed = try await Applier(mutations: fake, secrets: sink).run(first, live: await fake.liveState())
        #expect(!failed.succeeded)
        #expect(failed.results.last?.outcome == .notStarted)

        // The replacement creates first, so its failed create left the old `bi` working: the next plan replaces it again.
        await fake.configure { $0.failingCalls = [] }
        #expect(await fake.consumers.contains { $0.key == "KEYBI" })
        let second = try Self.plan(await fake.liveState())
        #expect(second.actions.map(\.address.description) == [#"consumer["bi"]"#, #"consumer["old"]"#])
        #expect(second.actions.map(\.action) == [.replace, .delete])
        let report = try await Applier(mutations: fake, secrets: sink).run(second, live: await fake.liveState())
        #expect(report.succeeded, "\(report.failures)")

        let third = try Self.plan(await fake.liveState())
        #expect(!third.hasChanges)
        let text = try folder.read("secrets.env")
        #expect(text.contains("FRACTTAL_ERP_SYNC_KEY="))
        #expect(text.contains("FRACTTAL_BI_SECRET="))
    }

    @Test func anAdoptedCreateLeavesNothingForTheNextPlan() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let fake = FakeCompany(consumers: [Fixture.liveConsumer("KEYBI", "bi", group: 1)])
        await fake.configure { $0.lostAnswers = ["erp-sync", "Técnicos", "bi"] }
        let sink = try await fileStore(folder.path("s.json"))
        let report = try await Applier(mutations: fake, secrets: sink).run(try Self.plan(await fake.liveState()), live: await fake.liveState())
        #expect(report.succeeded, "\(report.failures)")
        #expect(report.results.filter(\.adopted).count == 3)
        #expect(!(try Self.plan(await fake.liveState())).hasChanges)
        #expect(Set(try jsonSecrets(try folder.read("s.json")).keys) == ["erp-sync", "bi"])
    }
}
