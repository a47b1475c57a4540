/// Why a byte sequence is not acceptable JSON.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate enum Base: Sendable, Hashable {
            case invalidUTF8, syntax, depthExceeded, duplicateKey, numberOutOfRange
        }
        fileprivate let base: Base

        /// The text is not valid UTF-8 (including overlong forms and encoded surrogates), or a
        /// `\u` escape names an unpaired surrogate.
        public static let invalidUTF8 = Code(base: .invalidUTF8)
        /// The text does not follow the JSON grammar (RFC 8259).
        public static let syntax = Code(base: .syntax)
        /// Arrays and objects are nested deeper than ``JSONParser/maximumDepth``.
        public static let depthExceeded = Code(base: .depthExceeded)
        /// An object names the same key twice.
        public static let duplicateKey = Code(base: .duplicateKey)
        /// A number does not fit in a finite `Double`.
        public static let numberOutOfRange = Code(base: .numberOutOfRange)

        public var description: String {
            switch base {
            case .invalidUTF8: "invalid UTF-8"
            case .syntax: "syntax error"
            case .depthExceeded: "nesting too deep"
            case .duplicateKey: "duplicate key"
            case .numberOutOfRange: "number out of range"
            }
        }
    }

    /// The kind of problem.
    public let code: Code
    /// The byte offset in the input where the problem was found.
    public let offset: Int
    /// A short human-readable explanation.
    public let message: String

    /// Creates an error.
    public init(code: Code, offset: Int, message: String) {
        self.code = code
        self.offset = offset
        self.message = message
    }

    public var description: String {
        "\(code) at byte \(offset): \(message)"
    }
}
