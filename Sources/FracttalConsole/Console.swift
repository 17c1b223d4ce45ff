import FracttalSandbox
import HTTPTypes
import Hummingbird

/// The sandbox's web console under `/console/`: Fracttal's Settings > API Connections screens
/// (OAuth consumers, permission groups) rendered on the server, for people. It reads and writes
/// the sandbox's store through the same validation (`BodyValidation`) and the same store calls
/// as `/api`, so a change made here obeys the API's rules and shows in the next `plan`.
struct Console: Sendable {
    let store: SandboxStore
    let clock: any SandboxClock
    let sessions: ConsoleSessions
    let renderer: ConsoleRenderer

    /// Parses the templates; throws when one is malformed.
    init(store: SandboxStore, clock: any SandboxClock, sessions: ConsoleSessions) throws {
        self.store = store
        self.clock = clock
        self.sessions = sessions
        self.renderer = try ConsoleRenderer()
    }

    /// The signed-in session of a page behind the guard.
    func session(_ visit: ConsoleVisit) throws -> ConsoleSession {
        guard let session = visit.session else { throw HTTPError(.forbidden) }
        return session
    }

    /// The chrome of a signed-in page, with the notice the previous action left.
    func chrome(_ title: String, _ area: ConsoleChrome.Area, _ session: ConsoleSession) -> ConsoleChrome {
        ConsoleChrome(title: title, area: area, session: session, notice: sessions.takeNotice(for: session))
    }

    /// The page of an address that names nothing.
    func notFound(_ what: String, session: ConsoleSession?, back: ConsoleLink) -> Response {
        renderer.message(.notFound, title: "Not found", what, session: session, link: back)
    }
}
