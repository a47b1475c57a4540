/// A received message is malformed; there is no valid reply to it, so the connection it came on
/// must be closed.
public struct VarlinkMessageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate enum Base: Sendable, Hashable {
            case invalidUTF8, invalidJSON, notAnObject, missingMethod, invalidField, conflictingFlags,
                unknownField
        }
        fileprivate let base: Base

        /// The message is not valid UTF-8.
        public static let invalidUTF8 = Code(base: .invalidUTF8)
        /// The message is not valid JSON.
        public static let invalidJSON = Code(base: .invalidJSON)
        /// The message is JSON but not an object.
        public static let notAnObject = Code(base: .notAnObject)
        /// A call has no `method` string.
        public static let missingMethod = Code(base: .missingMethod)
        /// A member has the wrong type (a non-boolean flag, non-object `parameters`, a
        /// non-string `error`, `continues` on an error reply).
        public static let invalidField = Code(base: .invalidField)
        /// More than one of `oneway`, `more` and `upgrade` is true.
        public static let conflictingFlags = Code(base: .conflictingFlags)
        /// The message has a member the protocol does not define. Vendor extensions, whose names
        /// contain a dot, are allowed and ignored.
        public static let unknownField = Code(base: .unknownField)

        public var description: String {
            switch base {
            case .invalidUTF8: "invalid UTF-8"
            case .invalidJSON: "invalid JSON"
            case .notAnObject: "not a JSON object"
            case .missingMethod: "missing method"
            case .invalidField: "invalid field"
            case .conflictingFlags: "conflicting flags"
            case .unknownField: "unknown field"
            }
        }
    }

    /// The kind of problem.
    public let code: Code
    /// A short human-readable explanation.
    public let message: String

    /// Creates an error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}

extension VarlinkMessageError {
    /// Parses `bytes` as a JSON object, mapping parse failures to message errors.
    static func parseObject(_ bytes: some Collection<UInt8>) throws(VarlinkMessageError) -> [String: JSONValue] {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            let code: Code = error.code == .invalidUTF8 ? .invalidUTF8 : .invalidJSON
            throw VarlinkMessageError(code: code, message: error.description)
        }
        guard case .object(let members) = value else {
            throw VarlinkMessageError(code: .notAnObject, message: "top-level value is not an object")
        }
        return members
    }

    /// Reads an optional boolean member.
    static func flag(_ name: String, in members: [String: JSONValue]) throws(VarlinkMessageError) -> Bool {
        switch members[name] {
        case nil, .null?:
            return false
        case .bool(let value)?:
            return value
        default:
            throw VarlinkMessageError(code: .invalidField, message: "\"\(name)\" is not a boolean")
        }
    }

    /// Reads an optional object member; absent and `null` mean empty.
    static func parameters(in members: [String: JSONValue]) throws(VarlinkMessageError) -> [String: JSONValue] {
        switch members["parameters"] {
        case nil, .null?:
            return [:]
        case .object(let parameters)?:
            return parameters
        default:
            throw VarlinkMessageError(code: .invalidField, message: "\"parameters\" is not an object")
        }
    }

    /// Rejects members outside `known` whose names are not vendor extensions.
    static func rejectUnknown(_ members: [String: JSONValue], known: Set<String>) throws(VarlinkMessageError) {
        for key in members.keys where !known.contains(key) && !key.contains(".") {
            throw VarlinkMessageError(code: .unknownField, message: "unknown member \"\(key)\"")
        }
    }
}
