import NIOCore

/// A method call message.
///
/// At most one of ``oneway``, ``more`` and ``upgrade`` can be true; the type makes any other
/// combination unrepresentable through ``Mode``.
public struct VarlinkCall: Sendable, Hashable {
    /// How the caller wants to be answered.
    public enum Mode: Sendable, Hashable {
        /// Exactly one reply.
        case normal
        /// No reply at all (`"oneway": true`).
        case oneway
        /// Zero or more replies with `"continues": true`, then a final one (`"more": true`).
        case more
        /// One reply, after which the connection leaves the Varlink protocol
        /// (`"upgrade": true`).
        case upgrade
    }

    /// The fully qualified method name, `interface.Method`.
    public var method: String
    /// The input parameters. An absent or `null` `parameters` member reads as empty.
    public var parameters: [String: JSONValue]
    /// How the caller wants to be answered.
    public var mode: Mode

    /// Creates a call.
    public init(method: String, parameters: [String: JSONValue] = [:], mode: Mode = .normal) {
        self.method = method
        self.parameters = parameters
        self.mode = mode
    }

    /// Whether the call asked for no reply.
    public var oneway: Bool { mode == .oneway }
    /// Whether the call asked for possibly several replies.
    public var more: Bool { mode == .more }
    /// Whether the call asked for a protocol upgrade.
    public var upgrade: Bool { mode == .upgrade }

    /// The interface part of ``method``: everything before the last dot, or `""` if there is
    /// none.
    public var interfaceName: String {
        guard let dot = method.lastIndex(of: ".") else { return "" }
        return String(method[..<dot])
    }

    /// The method part of ``method``: everything after the last dot.
    public var methodName: String {
        guard let dot = method.lastIndex(of: ".") else { return method }
        return String(method[method.index(after: dot)...])
    }
}

extension VarlinkCall {
    /// Parses a call from one message's bytes (without the NUL terminator).
    ///
    /// - Throws: ``VarlinkMessageError`` for invalid UTF-8 or JSON, a non-object message, a
    ///   missing or non-string `method`, a non-boolean flag, non-object `parameters`, more than
    ///   one flag set, or an unknown member other than a dotted vendor extension.
    public init(parsing bytes: some Collection<UInt8>) throws(VarlinkMessageError) {
        let members = try VarlinkMessageError.parseObject(bytes)
        try VarlinkMessageError.rejectUnknown(members, known: ["method", "parameters", "oneway", "more", "upgrade"])
        guard case .string(let method)? = members["method"], !method.isEmpty else {
            throw VarlinkMessageError(code: .missingMethod, message: "\"method\" is missing or not a non-empty string")
        }
        let oneway = try VarlinkMessageError.flag("oneway", in: members)
        let more = try VarlinkMessageError.flag("more", in: members)
        let upgrade = try VarlinkMessageError.flag("upgrade", in: members)
        let mode: Mode
        switch (oneway, more, upgrade) {
        case (false, false, false): mode = .normal
        case (true, false, false): mode = .oneway
        case (false, true, false): mode = .more
        case (false, false, true): mode = .upgrade
        default:
            throw VarlinkMessageError(
                code: .conflictingFlags, message: "more than one of oneway, more and upgrade is true")
        }
        self.init(method: method, parameters: try VarlinkMessageError.parameters(in: members), mode: mode)
    }

    /// The message as a JSON object: `parameters` is omitted when empty and flags are present
    /// only when true.
    public var jsonObject: [String: JSONValue] {
        var members: [String: JSONValue] = ["method": .string(method)]
        if !parameters.isEmpty {
            members["parameters"] = .object(parameters)
        }
        switch mode {
        case .normal: break
        case .oneway: members["oneway"] = true
        case .more: members["more"] = true
        case .upgrade: members["upgrade"] = true
        }
        return members
    }

    /// The message's JSON text followed by the NUL terminator, ready to send.
    public func encoded() -> [UInt8] {
        var bytes = JSONSerializer.serialize(.object(jsonObject))
        bytes.append(0)
        return bytes
    }
}
