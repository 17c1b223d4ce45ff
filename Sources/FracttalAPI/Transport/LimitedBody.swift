import OpenAPIRuntime

/// An answer body of unknown length that ends the read with `ScreenedAnswer` once it passes a limit,
/// so that a broken or hostile server cannot make the client buffer without end.
struct LimitedBody: AsyncSequence, Sendable {
    typealias Element = HTTPBody.ByteChunk

    let body: HTTPBody
    let limit: Int64
    let status: Int

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: HTTPBody.AsyncIterator
        let limit: Int64
        let status: Int
        var seen: Int64 = 0

        mutating func next() async throws -> HTTPBody.ByteChunk? {
            guard let chunk = try await base.next() else { return nil }
            seen += Int64(chunk.count)
            if seen > limit { throw ScreenedAnswer(status: status, kind: .tooLarge(bytes: seen), retryAfter: nil) }
            return chunk
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: body.makeAsyncIterator(), limit: limit, status: status)
    }
}
