@testable import FracttalAPI
import FracttalModel

extension FracttalClient {
    /// Reads only the consumer list.
    func readConsumersForTest() async throws -> [LiveConsumer] {
        try await readConsumers()
    }

    /// The access token the client holds now (fetching one if needed), to search logs for it.
    func currentTokenForTest() async throws -> String {
        try await executor.tokens.token()
    }
}
