/// A ``VarlinkInterfaceHandler`` that routes calls to one closure per method.
///
/// ```swift
/// var router = VarlinkMethodRouter()
/// router.method("Ping") { call, context in
///     ["pong": call.parameters["ping"] ?? .null]
/// }
/// router.streamingMethod("Watch") { call, context, replies in
///     for event in events { try await replies.yield(event) }
///     try await replies.reply(["done": true])
/// }
/// try service.register(interfaceDescription: text, handler: router)
/// ```
/// A method declared in the interface but not routed is answered with
/// `org.varlink.service.MethodNotImplemented`.
public struct VarlinkMethodRouter: VarlinkInterfaceHandler {
    /// A method answered with a single reply.
    public typealias SimpleMethod = @Sendable (VarlinkCall, VarlinkCallContext) async throws -> [String: JSONValue]
    /// A method that sends its replies itself.
    public typealias StreamingMethod =
        @Sendable (VarlinkCall, VarlinkCallContext, VarlinkReplyWriter) async throws
        -> Void

    private var routes: [String: StreamingMethod] = [:]

    /// Creates a router with no methods.
    public init() {}

    /// Routes the method `name` (unqualified) to `body`, whose result is the single reply.
    public mutating func method(_ name: String, _ body: @escaping SimpleMethod) {
        routes[name] = { call, context, replies in
            try await replies.reply(try await body(call, context))
        }
    }

    /// Routes the method `name` (unqualified) to `body`, which sends its replies through the
    /// writer (``VarlinkReplyWriter/yield(_:)`` then ``VarlinkReplyWriter/reply(_:)``).
    public mutating func streamingMethod(_ name: String, _ body: @escaping StreamingMethod) {
        routes[name] = body
    }

    public func handle(_ call: VarlinkCall, context: VarlinkCallContext, replies: VarlinkReplyWriter) async throws {
        guard let route = routes[call.methodName] else {
            throw VarlinkError.methodNotImplemented(call.method)
        }
        try await route(call, context, replies)
    }
}
