/// Implements the methods of one interface.
///
/// The server calls ``handle(_:context:replies:)`` for each call to a method of the
/// interface, one call at a time per connection, after checking the parameters against the
/// method's input declaration. The handler answers through `replies`:
/// - a simple method calls ``VarlinkReplyWriter/reply(_:)`` once (or returns without replying,
///   which sends an empty reply `{}`);
/// - a streaming method, when the call has `more` set, calls ``VarlinkReplyWriter/yield(_:)``
///   for each intermediate reply and ends with ``VarlinkReplyWriter/reply(_:)``;
/// - failures are thrown as ``VarlinkError``; any other thrown error is logged and answered
///   with ``VarlinkServerConfiguration/internalErrorName``.
///
/// The task running the handler is cancelled when the client disconnects or the server's
/// shutdown grace period ends.
public protocol VarlinkInterfaceHandler: Sendable {
    /// Handles one call.
    ///
    /// - Parameters:
    ///   - call: The call, with validated parameters.
    ///   - context: The connection and method the call belongs to.
    ///   - replies: Where to send the reply or replies.
    func handle(_ call: VarlinkCall, context: VarlinkCallContext, replies: VarlinkReplyWriter) async throws
}
