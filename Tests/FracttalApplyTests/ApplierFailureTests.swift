import Foundation
import FracttalApply
import FracttalModel
import FracttalPlan
import FracttalTestSupport
import Testing

struct ApplierFailureTests {
    @Test func runningCallsFinishAndNothingNewStartsAfterAFailure() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let fake = FakeCompany()
        await fake.configure {
            $0.heldCalls = [.createConsumer("a"), .createConsumer("c")]
            $0.failingCalls = [.createConsumer("b")]
        }
        // a and c stay in flight until the applier has reported b's failure.
        let recorder = EventRecorder { event in
            if case .actionFinished(let result) = event, result.outcome.isFailure {
                Task { await fake.releaseHeld() }
            }
        }
        let plan = Fixture.plan(
            ["a", "b", "c", "d", "e", "f"].map { Fixture.consumerCreate($0, step: 1) } + [Fixture.groupCreate("later", step: 2)])
        let applier = Applier(
            mutations: fake, secrets: try await fileStore(folder.path("s.json")), parallelism: 3, onEvent: recorder.callback)
        let report = try await applier.run(plan, live: await fake.liveState())

        #expect(!report.succeeded)
        #expect(report.results.map(\.outcome.kind) == [
            "done", "failed FRC301", "done", "not started", "not started", "not started", "not started",
        ])
        #expect(Set(await fake.calls) == [.createConsumer("a"), .createConsumer("b"), .createConsumer("c")])
        #expect(report.summaryLine == "Apply failed: 2 added, 0 changed, 0 replaced, 0 destroyed, 0 secrets rotated; 1 failed, 4 not started.")
        // The secrets of the calls that finished after the failure were still written.
        let secrets = try jsonSecrets(try folder.read("s.json"))
        #expect(Set(secrets.keys) == ["a", "c"])
        #expect(!recorder.events.contains(.stepStarted(step: 2, actionCount: 1)))
    }

    @Test func theNthCallFailingStopsASequentialApply() async throws {
        let fake = FakeCompany()
        await fake.configure { $0.failingCallNumbers = [2] }
        let plan = Fixture.plan(["g1", "g2", "g3", "g4"].map { Fixture.groupCreate($0, step: 1) })
        let report = try await Applier(mutations: fake, parallelism: 1).run(plan, live: await fake.liveState())
        #expect(report.results.map(\.outcome.isFailure) == [false, true, false, false])
        #expect(report.results.map(\.outcome) .filter { $0 == .notStarted }.count == 2)
        #expect(await fake.calls == [.createGroup("g1"), .createGroup("g2")])
        #expect(report.failures.map(\.address) == [ResourceAddress(.group, "g2")])
        #expect(report.summaryLine == "Apply failed: 1 added, 0 changed, 0 replaced, 0 destroyed, 0 secrets rotated; 1 failed, 2 not started.")
    }

    @Test func aFailedStepLeavesLaterStepsNotStarted() async throws {
        let fake = FakeCompany()
        await fake.configure { $0.failingCalls = [.createGroup("G")] }
        let plan = Fixture.plan([
            Fixture.groupCreate("G", step: 1),
            Fixture.consumerCreate("a", group: .planned(name: "G"), groupName: "G", step: 2),
        ])
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let report = try await Applier(mutations: fake, secrets: try await fileStore(folder.path("s.json")))
            .run(plan, live: await fake.liveState())
        #expect(report.results.map(\.outcome.kind) == ["failed FRC301", "not started"])
        #expect(await fake.calls == [.createGroup("G")])
    }

    @Test func aReplacementWhoseCreateFailsKeepsTheOldOne() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let fake = FakeCompany(consumers: [Fixture.liveConsumer("OLDKEY0000000000", "x")])
        await fake.configure { $0.failingCalls = [.createConsumer("x")] }
        let plan = Fixture.plan([Fixture.consumerReplace("x", key: "OLDKEY0000000000", step: 1)])
        let report = try await Applier(mutations: fake, secrets: try await fileStore(folder.path("s.json")))
            .run(plan, live: await fake.liveState())
        #expect(report.results[0].outcome.kind == "failed FRC301")
        #expect(await fake.calls == [.createConsumer("x")])
        #expect(await fake.consumers.map(\.key) == ["OLDKEY0000000000"])
    }

    @Test func aSecretThatCannotBeWrittenStopsTheApplyAndIsKeptUnshown() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let secretsFolder = folder.path("out")
        try FileManager.default.createDirectory(atPath: secretsFolder, withIntermediateDirectories: false)
        let path = (secretsFolder as NSString).appendingPathComponent("s.json")
        let fake = FakeCompany()
        // The folder vanishes while b is being created, after the preconditions were checked.
        await fake.configure {
            $0.onCall = { call in
                guard call == .createConsumer("b") else { return }
                // a's secret may still be on its way to the disk (its call slot is free by then): let it land first.
                let deadline = Date().addingTimeInterval(10)
                while Date() < deadline,
                      !((try? String(contentsOfFile: path, encoding: .utf8))?.contains("\"a\"") ?? false) {
                    usleep(1_000)
                }
                try? FileManager.default.removeItem(atPath: secretsFolder)
            }
        }
        let sink = try await fileStore(path)
        let plan = Fixture.plan(["a", "b", "c"].map { Fixture.consumerCreate($0, step: 1) })
        let report = try await Applier(mutations: fake, secrets: sink, parallelism: 1).run(plan, live: await fake.liveState())

        let bKey = try #require(await fake.consumers.first { $0.name == "b" }?.key)
        let bSecret = try #require(await fake.secrets[bKey])
        // c's mark cannot be stored in the vanished folder either, so its create is never sent.
        #expect(report.results.map(\.outcome.isFailure).prefix(2) == [false, true])
        #expect(await fake.consumers.first { $0.name == "c" } == nil)
        #expect(["not started", "failed FRC322"].contains(report.results[2].outcome.kind))
        #expect(report.unsavedSecrets == [UnsavedSecret(name: "b", key: bKey)])
        #expect(!report.succeeded)
        guard case .failed(let reason, let code) = report.results[1].outcome else { Issue.record("b did not fail"); return }
        #expect(code == "FRC314")
        #expect(reason.contains(bKey))
        #expect(!reason.contains(bSecret))
        #expect(!String(describing: report).contains(bSecret))
    }
}
