/// Values the request loop hands to the middlewares of the attempt it is running.
enum RequestContext {
    /// The access token the attempt carries.
    @TaskLocal static var bearerToken: String?
    /// The attempt's number for the call (1 for the first), for the log.
    @TaskLocal static var attempt: Int = 1
}
