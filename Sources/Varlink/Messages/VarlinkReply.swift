/// A reply message: output parameters, or an error with its parameters.
public struct VarlinkReply: Sendable, Hashable {
    /// The output parameters, or the error's parameters.
    public var parameters: [String: JSONValue]
    /// The fully qualified error name when the call failed.
    public var error: String?
    /// Whether more replies to the same call follow. Only valid for calls made with `more`,
    /// and never on an error reply.
    public var continues: Bool

    /// Creates a successful reply.
    public init(parameters: [String: JSONValue] = [:], continues: Bool = false) {
        self.parameters = parameters
        self.error = nil
        self.continues = continues
    }

    /// Creates an error reply.
    public init(error: VarlinkError) {
        self.parameters = error.parameters
        self.error = error.name
        self.continues = false
    }

    /// The error this reply carries, if it is an error reply.
    public var varlinkError: VarlinkError? {
        error.map { VarlinkError(name: $0, parameters: parameters) }
    }
}

extension VarlinkReply {
    /// Parses a reply from one message's bytes (without the NUL terminator).
    ///
    /// `"continues": false` is accepted and means the same as its absence.
    ///
    /// - Throws: ``VarlinkMessageError`` for invalid UTF-8 or JSON, a non-object message, a
    ///   non-string `error`, non-object `parameters`, a non-boolean `continues`, `continues` on
    ///   an error, or an unknown member other than a dotted vendor extension.
    public init(parsing bytes: some Collection<UInt8>) throws(VarlinkMessageError) {
        let members = try VarlinkMessageError.parseObject(bytes)
        try VarlinkMessageError.rejectUnknown(members, known: ["parameters", "error", "continues"])
        let error: String?
        switch members["error"] {
        case nil, .null?:
            error = nil
        case .string(let name)?:
            error = name
        default:
            throw VarlinkMessageError(code: .invalidField, message: "\"error\" is not a string")
        }
        let continues = try VarlinkMessageError.flag("continues", in: members)
        if continues && error != nil {
            throw VarlinkMessageError(code: .invalidField, message: "an error reply cannot continue")
        }
        self.parameters = try VarlinkMessageError.parameters(in: members)
        self.error = error
        self.continues = continues
    }

    /// The message as a JSON object. `parameters` is always present (possibly empty) because
    /// some clients expect it; `continues` only when true.
    public var jsonObject: [String: JSONValue] {
        var members: [String: JSONValue] = ["parameters": .object(parameters)]
        if let error {
            members["error"] = .string(error)
        }
        if continues {
            members["continues"] = true
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
