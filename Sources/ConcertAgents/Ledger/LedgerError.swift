/// Why the ledger could not take a command (other than `decide` refusing it).
public struct LedgerError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: Hashable, Sendable {
        /// The daemon is shutting down and takes no more commands.
        case stopping
        /// Too many commands are waiting; try again shortly.
        case overloaded
        /// The event log could not be written; nothing of the command was recorded.
        case storeFailed
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
