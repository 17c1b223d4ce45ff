import FracttalApply
import FracttalModel
import FracttalPlan
import FracttalTestSupport
import Testing

struct ApplierOrderTests {
    /// A plan of five steps: group changes, consumer changes, a rotation, a consumer delete, a group delete.
    static func fiveStepPlan() -> Plan {
        Fixture.plan([
            Fixture.groupCreate("G", step: 1),
            Fixture.groupUpdate("Default", id: 1, step: 1),
            Fixture.consumerCreate("a", group: .planned(name: "G"), groupName: "G", step: 2),
            Fixture.consumerCreate("b", step: 2),
            Fixture.consumerUpdate("c", key: "KEYC", group: .planned(name: "G"), step: 2),
            Fixture.rotation("d", key: "KEYD", step: 3),
            Fixture.consumerDelete("e", key: "KEYE", step: 4),
            Fixture.groupDelete("Old", id: 2, step: 5),
        ])
    }

    static func fiveStepCompany() -> FakeCompany {
        FakeCompany(
            groups: [LiveGroup(id: 1, name: "Default", isDefault: true), LiveGroup(id: 2, name: "Old")],
            consumers: [Fixture.liveConsumer("KEYC", "c"), Fixture.liveConsumer("KEYD", "d"), Fixture.liveConsumer("KEYE", "e")])
    }

    /// The step each call of `fiveStepPlan` belongs to.
    static func step(of call: FakeCompany.Call) -> Int {
        switch call {
        case .createGroup, .replaceGroup: 1
        case .createConsumer, .replaceConsumer: 2
        case .rotateSecret: 3
        case .deleteConsumer: 4
        case .deleteGroup: 5
        }
    }

    @Test func runsStepsInOrderWithoutOverlap() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let fake = Self.fiveStepCompany()
        let recorder = EventRecorder()
        let applier = Applier(
            mutations: fake, secrets: try await fileStore(folder.path("secrets.json")), parallelism: 4, onEvent: recorder.callback)
        let plan = Self.fiveStepPlan()
        let report = try await applier.run(plan, live: await fake.liveState())

        #expect(report.succeeded)
        #expect(report.summaryLine == "Apply complete: 3 added, 2 changed, 0 replaced, 2 destroyed, 1 secret rotated.")
        #expect(report.results.map(\.address) == plan.actions.map(\.address))
        // Every call of a step ends before any call of a later step begins.
        let marks = await fake.marks
        for (position, mark) in marks.enumerated() {
            guard case .began(let call) = mark else { continue }
            for earlier in marks[..<position] {
                if case .began(let other) = earlier { #expect(Self.step(of: other) <= Self.step(of: call)) }
            }
            for later in marks[position...] {
                if case .ended(let other) = later { #expect(Self.step(of: other) >= Self.step(of: call), "\(other) ended after \(call) began") }
            }
        }
        let stepsStarted = recorder.events.compactMap { event -> [Int]? in
            if case .stepStarted(let step, let count) = event { return [step, count] }
            return nil
        }
        #expect(stepsStarted == [[1, 2], [2, 3], [3, 1], [4, 1], [5, 1]])
        let finished = recorder.events.compactMap { event -> ActionResult? in
            if case .actionFinished(let result) = event { return result }
            return nil
        }
        #expect(finished.count == plan.actions.count)
        #expect(finished.allSatisfy { $0.outcome == .done && $0.duration != nil })
    }

    @Test func everyActionStartsBeforeItFinishes() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let fake = Self.fiveStepCompany()
        let recorder = EventRecorder()
        let applier = Applier(mutations: fake, secrets: try await fileStore(folder.path("s.json")), onEvent: recorder.callback)
        _ = try await applier.run(Self.fiveStepPlan(), live: await fake.liveState())
        var started: Set<ResourceAddress> = []
        for event in recorder.events {
            switch event {
            case .actionStarted(let address, _, _): started.insert(address)
            case .actionFinished(let result): #expect(started.contains(result.address))
            case .stepStarted: break
            }
        }
        #expect(started.count == 8)
    }

    @Test(arguments: [1, 3, 4])
    func neverRunsMoreThanTheParallelismAtOnce(parallelism: Int) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let fake = FakeCompany()
        let count = 10
        // Calls wait until `parallelism` of them wait (or all came), so the bound is reached and then tested.
        await fake.configure { $0.batches = FakeCompany.Batches(width: parallelism, total: count) }
        let plan = Fixture.plan((1...count).map { Fixture.consumerCreate("c\($0)", step: 1) })
        let recorder = EventRecorder()
        let applier = Applier(
            mutations: fake, secrets: try await fileStore(folder.path("s.json")), parallelism: parallelism, onEvent: recorder.callback)
        let report = try await applier.run(plan, live: await fake.liveState())
        #expect(report.succeeded)
        #expect(await fake.maxInFlight == parallelism)
        #expect(await fake.calls.count == count)
        // An action frees its slot before its secret reaches the disk, so its events may overlap the next calls.
        #expect(Self.mostActionsRunning(recorder.events) >= parallelism)
    }

    /// The most actions started and not yet finished at any point of an event sequence.
    static func mostActionsRunning(_ events: [ApplyEvent]) -> Int {
        var running = 0
        var most = 0
        for event in events {
            switch event {
            case .actionStarted: running += 1
            case .actionFinished: running -= 1
            case .stepStarted: break
            }
            most = max(most, running)
        }
        return most
    }

    @Test func defaultParallelismIsFour() async throws {
        let fake = FakeCompany()
        let count = 9
        await fake.configure { $0.batches = FakeCompany.Batches(width: 4, total: count) }
        let plan = Fixture.plan((1...count).map { Fixture.groupCreate("g\($0)", step: 1) })
        let recorder = EventRecorder()
        let applier = Applier(mutations: fake, onEvent: recorder.callback)
        #expect(applier.parallelism == 4)
        let report = try await applier.run(plan, live: await fake.liveState())
        #expect(report.succeeded)
        #expect(await fake.maxInFlight == 4)
        #expect(Self.mostActionsRunning(recorder.events) == 4)
    }

    @Test func startsActionsOfAStepInPlanOrderWhenSequential() async throws {
        let fake = FakeCompany()
        let plan = Fixture.plan(["z", "y", "x"].map { Fixture.groupCreate($0, step: 1) })
        _ = try await Applier(mutations: fake, parallelism: 1).run(plan, live: await fake.liveState())
        #expect(await fake.calls == [.createGroup("z"), .createGroup("y"), .createGroup("x")])
    }
}
