/// An interface description that cannot be accepted, with the position of the problem.
public struct VarlinkIDLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate enum Base: Sendable, Hashable {
            case syntax, invalidName, duplicateName, undefinedType, unsupported
        }
        fileprivate let base: Base

        /// The text does not follow the grammar.
        public static let syntax = Code(base: .syntax)
        /// A name breaks the naming rules (interface reverse-domain, members `UpperCamel`,
        /// fields `lower_snake`).
        public static let invalidName = Code(base: .invalidName)
        /// A member, field or enum value is declared twice.
        public static let duplicateName = Code(base: .duplicateName)
        /// A type reference names no type of the interface.
        public static let undefinedType = Code(base: .undefinedType)
        /// A construct outside the classic grammar that some parsers reject (CR line endings,
        /// `any`, single-value enums).
        public static let unsupported = Code(base: .unsupported)

        public var description: String {
            switch base {
            case .syntax: "syntax error"
            case .invalidName: "invalid name"
            case .duplicateName: "duplicate name"
            case .undefinedType: "undefined type"
            case .unsupported: "unsupported construct"
            }
        }
    }

    /// The kind of problem.
    public let code: Code
    /// The 1-based line of the problem.
    public let line: Int
    /// The 1-based column (in UTF-8 bytes) of the problem.
    public let column: Int
    /// A short human-readable explanation.
    public let message: String

    /// Creates an error.
    public init(code: Code, line: Int, column: Int, message: String) {
        self.code = code
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        "line \(line), column \(column): \(code): \(message)"
    }
}
