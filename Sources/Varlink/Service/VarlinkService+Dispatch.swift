import Logging
import Synchronization

/// Facts about the connection a call arrived on.
struct VarlinkConnectionInfo: Sendable {
    let id: UInt64
    let peer: VarlinkPeerCredentials?
}

extension VarlinkService {
    /// Answers one call: finds the interface and method, validates the parameters, runs the
    /// handler and sends its replies, turning every failure into the proper error reply.
    ///
    /// - Parameters:
    ///   - call: The parsed call.
    ///   - connection: The connection it arrived on.
    ///   - logger: The connection's logger.
    ///   - internalErrorName: The error name sent when a handler throws a non-Varlink error.
    ///   - send: Transmits one reply.
    /// - Throws: Only when the connection can no longer be used: a send failed
    ///   (``VarlinkReplyWriterError``) or the task was cancelled (`CancellationError`).
    func dispatch(
        _ call: VarlinkCall,
        connection: VarlinkConnectionInfo,
        logger: Logger,
        internalErrorName: String,
        send: @escaping @Sendable (VarlinkReply) async throws -> Void
    ) async throws {
        var logger = logger
        logger[metadataKey: "varlink.method"] = "\(call.method)"
        let writer = VarlinkReplyWriter(mode: call.mode, send: send)
        defer { writer.finish() }

        let entry: Entry
        let method: VarlinkMethod
        switch resolve(call) {
        case .failure(let error):
            logger.debug("Call rejected", metadata: ["varlink.error": "\(error)"])
            try await writer.fail(error)
            return
        case .success(let resolved):
            (entry, method) = resolved
        }

        let context = VarlinkCallContext(
            connectionID: connection.id, peer: connection.peer, interface: entry.interface, method: method,
            logger: logger)

        var failure: VarlinkError?
        do {
            if let handler = entry.handler {
                try await handler.handle(call, context: context, replies: writer)
            } else {
                try await handleServiceInterface(call, replies: writer)
            }
        } catch let error as VarlinkError {
            failure = error
        } catch let error as VarlinkReplyWriterError where error.code == .connectionClosed {
            throw error
        } catch {
            if Task.isCancelled {
                throw CancellationError()
            }
            logger.error("Handler failed", metadata: ["error": "\(String(reflecting: error))"])
            failure = VarlinkError(name: internalErrorName)
        }

        if writer.transportFailed {
            throw VarlinkReplyWriterError(code: .connectionClosed, message: "the connection is gone")
        }
        if Task.isCancelled {
            throw CancellationError()
        }
        if let failure {
            if writer.hasReplied {
                logger.warning(
                    "Handler threw after its final reply; error dropped", metadata: ["varlink.error": "\(failure)"])
            } else {
                logger.debug("Call failed", metadata: ["varlink.error": "\(failure)"])
                try await writer.fail(failure)
            }
        } else if !writer.hasReplied {
            try await writer.reply([:])
        }
    }

    /// Finds the interface entry and method for a call and validates its parameters.
    private func resolve(_ call: VarlinkCall) -> Result<(Entry, VarlinkMethod), VarlinkError> {
        let interfaceName = call.interfaceName
        guard !interfaceName.isEmpty, let entry = entries[interfaceName] else {
            return .failure(.interfaceNotFound(interfaceName.isEmpty ? call.method : interfaceName))
        }
        guard let method = entry.interface.method(named: call.methodName) else {
            return .failure(.methodNotFound(call.method))
        }
        if call.upgrade {
            // Protocol upgrades would hand the raw connection to the handler; not supported.
            return .failure(.methodNotImplemented(call.method))
        }
        do {
            try entry.interface.validate(call.parameters, against: method.input)
        } catch {
            return .failure(error.varlinkError)
        }
        return .success((entry, method))
    }

    /// Answers the methods of `org.varlink.service`.
    private func handleServiceInterface(_ call: VarlinkCall, replies: VarlinkReplyWriter) async throws {
        switch call.methodName {
        case "GetInfo":
            try await replies.reply([
                "vendor": .string(vendor),
                "product": .string(product),
                "version": .string(version),
                "url": .string(url),
                "interfaces": .array(interfaceNames.map(JSONValue.string)),
            ])
        case "GetInterfaceDescription":
            let name = call.parameters["interface"]?.stringValue ?? ""
            guard let interface = entries[name]?.interface else {
                throw VarlinkError.interfaceNotFound(name)
            }
            try await replies.reply(["description": .string(interface.description)])
        default:
            throw VarlinkError.methodNotImplemented(call.method)
        }
    }
}

extension VarlinkService {
    /// Runs one call through the service without a socket and returns every reply it produced,
    /// in order. For testing handlers and interfaces.
    ///
    /// - Parameters:
    ///   - call: The call to answer.
    ///   - peer: The credentials the handler sees.
    ///   - connectionID: The connection id the handler sees.
    ///   - logger: The logger the handler sees.
    /// - Returns: The replies (empty for a `oneway` call).
    public func replies(
        to call: VarlinkCall,
        peer: VarlinkPeerCredentials? = nil,
        connectionID: UInt64 = 0,
        logger: Logger = Logger(label: "varlink.test")
    ) async throws -> [VarlinkReply] {
        let collected = Mutex<[VarlinkReply]>([])
        try await dispatch(
            call,
            connection: VarlinkConnectionInfo(id: connectionID, peer: peer),
            logger: logger,
            internalErrorName: VarlinkError.Name.internalError
        ) { reply in
            collected.withLock { $0.append(reply) }
        }
        return collected.withLock { $0 }
    }
}
