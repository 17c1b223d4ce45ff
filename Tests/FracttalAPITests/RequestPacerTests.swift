@testable import FracttalAPI
import FracttalTestSupport
import Synchronization
import Testing

struct RequestPacerTests {
    /// Sends `calls` requests through the pacer at once, as concurrent callers would.
    private func send(_ calls: Int, through pacer: RequestPacer, to server: FakeWindowServer) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<calls {
                group.addTask {
                    var answered = false
                    while !answered {
                        try await pacer.acquire()
                        await Task.yield() // the request is in flight
                        let (accepted, info) = server.handle()
                        if accepted {
                            await pacer.complete(observing: info)
                            answered = true
                        } else {
                            await pacer.rateLimited(observing: info, retryAfter: nil)
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    @Test func sixtyConcurrentCallsNeverExceedThirtyPerFiveSeconds() async throws {
        let clock = VirtualClock()
        let server = FakeWindowServer(clock: clock, limit: 30, window: .seconds(5))
        let waits = Locked<[Duration]>([])
        let pacer = RequestPacer(clock: clock) { wait in waits.withLock { $0.append(wait) } }

        try await send(60, through: pacer, to: server)

        #expect(server.served == 60)
        #expect(server.refused == 0)
        #expect(clock.elapsed >= .seconds(5))
        #expect(waits.withLock { $0.count } >= 1)
    }

    @Test func manyCallsAgainstATinyLimitAreAllServedWithoutRefusals() async throws {
        let clock = VirtualClock()
        let server = FakeWindowServer(clock: clock, limit: 5, window: .seconds(1))
        let pacer = RequestPacer(clock: clock)

        try await send(50, through: pacer, to: server)

        #expect(server.served == 50)
        #expect(server.refused == 0)
        #expect(clock.elapsed >= .seconds(9))
    }

    @Test func aRateLimitAnswerPausesEveryoneUntilTheReset() async throws {
        let clock = VirtualClock()
        let waits = Locked<[Duration]>([])
        let pacer = RequestPacer(clock: clock) { wait in waits.withLock { $0.append(wait) } }

        try await pacer.acquire()
        await pacer.rateLimited(observing: RateLimitInfo(limit: 200, remaining: 0, reset: 12), retryAfter: nil)
        try await pacer.acquire()

        #expect(clock.elapsed >= .seconds(12))
        #expect(waits.withLock { $0 } == [.seconds(12)])
    }

    @Test func aRefusalThatSaysRequestsRemainPausesBriefly() async throws {
        let clock = VirtualClock()
        let pacer = RequestPacer(clock: clock)

        try await pacer.acquire()
        await pacer.rateLimited(observing: RateLimitInfo(limit: 200, remaining: 150, reset: 45), retryAfter: nil)
        try await pacer.acquire()

        #expect(clock.elapsed >= .milliseconds(250))
        #expect(clock.elapsed <= .seconds(1))
    }

    @Test func retryAfterOfA429TakesPrecedence() async throws {
        let clock = VirtualClock()
        let pacer = RequestPacer(clock: clock)

        try await pacer.acquire()
        await pacer.rateLimited(observing: RateLimitInfo(limit: 200, remaining: 0, reset: 30), retryAfter: 2)
        try await pacer.acquire()

        #expect(clock.elapsed >= .seconds(2))
        #expect(clock.elapsed < .seconds(30))
    }

    @Test func remainingRequestsGoOutWithoutWaiting() async throws {
        let clock = VirtualClock()
        let pacer = RequestPacer(clock: clock)

        try await pacer.acquire()
        await pacer.complete(observing: RateLimitInfo(limit: 200, remaining: 199, reset: 60))
        for _ in 0..<50 {
            try await pacer.acquire()
            await pacer.complete(observing: nil)
        }

        #expect(clock.elapsed == .zero)
    }

    @Test func aRetryAfterBeyondFiveMinutesIsAnErrorNamingTheHeaderInsteadOfAWait() async throws {
        let clock = VirtualClock()
        let pacer = RequestPacer(clock: clock)

        try await pacer.acquire()
        await pacer.rateLimited(observing: RateLimitInfo(limit: 200, remaining: 0, reset: 30), retryAfter: 86_400)
        let error = await #expect(throws: (any Error).self) { try await pacer.acquire() }

        let message = "\(error.map { "\($0)" } ?? "")"
        #expect(message.contains("(Retry-After: 86400)"), "\(message)")
        #expect(message.contains("5 minutes"), "\(message)")
        #expect(message.contains("run the command again"), "\(message)")
        #expect(clock.elapsed < .seconds(300), "nothing was waited for")
    }

    @Test func aWaitOfFiveMinutesIsStillMade() async throws {
        let clock = VirtualClock()
        let pacer = RequestPacer(clock: clock)

        try await pacer.acquire()
        await pacer.rateLimited(observing: nil, retryAfter: 300)
        try await pacer.acquire()

        #expect(clock.elapsed >= .seconds(300))
    }
}
