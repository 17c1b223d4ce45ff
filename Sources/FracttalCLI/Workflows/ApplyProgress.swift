import FracttalAPI
import FracttalApply
import FracttalModel
import FracttalPlan
import Foundation
import Synchronization

/// Shows apply's progress on standard error.
///
/// On a terminal: one live line per step with counts, the estimated time left, and rate-limit
/// waits. Elsewhere (CI, a pipe): one plain line per finished action with its duration.
final class ApplyProgress: Sendable {
    private struct State {
        var step = 0
        var stepTotal = 0
        var finished = 0
        var failed = 0
        var stepStarted: ContinuousClock.Instant
        var waitingUntil: ContinuousClock.Instant?
        var lineOpen = false
    }

    private let isTerminal: Bool
    private let state: Mutex<State>
    /// The run this progress belongs to, kept because events may arrive on threads outside its tasks.
    private let context: CommandContext

    /// Creates a progress display on the running command's standard error: a live line when it is
    /// a terminal, plain lines for a log.
    init() {
        context = CommandContext.current
        isTerminal = context.streams.errorIsTerminal
        state = Mutex(State(stepStarted: context.clock.now))
    }

    /// Receives the applier's events.
    var applyEvent: @Sendable (ApplyEvent) -> Void {
        { [self] event in handle(event) }
    }

    /// Receives the client's events (rate-limit waits).
    var clientEvent: @Sendable (ClientEvent) -> Void {
        { [self] event in handle(event) }
    }

    /// Ends the live line, so what follows starts on a line of its own.
    func finish() {
        state.withLock { state in
            if state.lineOpen {
                context.errRaw("\n")
                state.lineOpen = false
            }
        }
    }

    private func handle(_ event: ApplyEvent) {
        state.withLock { state in
            switch event {
            case .stepStarted(let step, let count):
                if state.lineOpen { context.errRaw("\n") }
                state = State(step: step, stepTotal: count, stepStarted: context.clock.now)
                if isTerminal { drawLine(&state) } else { context.err("Step \(step): \(count) action(s)") }
            case .actionStarted:
                break
            case .actionFinished(let result):
                state.finished += 1
                if result.outcome.isFailure { state.failed += 1 }
                if isTerminal {
                    drawLine(&state)
                } else {
                    let seconds = result.duration.map { Self.seconds($0) } ?? "-"
                    context.err("\(result.address) \(result.action.rawValue): \(result.outcome) (\(seconds))")
                }
            }
        }
    }

    private func handle(_ event: ClientEvent) {
        state.withLock { state in
            if isTerminal, case .rateLimitWait(let duration) = event {
                state.waitingUntil = context.clock.now + duration
                drawLine(&state)
            } else if !isTerminal {
                context.err(event.description)
            }
        }
    }

    private func drawLine(_ state: inout State) {
        var line = "Step \(state.step): \(state.finished)/\(state.stepTotal) done"
        if state.failed > 0 { line += ", \(state.failed) failed" }
        let now = context.clock.now
        let elapsed = now - state.stepStarted
        if state.finished > 0, state.finished < state.stepTotal {
            let left = elapsed / state.finished * (state.stepTotal - state.finished)
            line += ", about \(Self.seconds(left)) left"
        }
        if let until = state.waitingUntil, until > now {
            line += " (waiting \(Self.seconds(until - now)) for the rate limit)"
        }
        context.errRaw("\r\u{1B}[2K" + DisplayText.escaped(line))
        state.lineOpen = true
    }

    private static func seconds(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return String(format: "%.1f s", seconds)
    }
}
