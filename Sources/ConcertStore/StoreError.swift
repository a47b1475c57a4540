/// An error from the event store, with a stable ``Code`` and a message for people.
///
/// Codes are a struct rather than an enum so that new ones can be added
/// without breaking exhaustive switches in callers; compare with `==`:
///
/// ```swift
/// catch let error as StoreError where error.code == .schemaTooNew { ... }
/// ```
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case cannotOpen, corrupt, schemaTooNew, migrationFailed, invalidArgument
            case constraintViolation, busy, readOnly, diskFull, ioError, closed
            case backupFailed, database
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The database file or its directory cannot be created or opened.
        public static let cannotOpen = Code(.cannotOpen)
        /// The file is not a database, or its content is malformed.
        public static let corrupt = Code(.corrupt)
        /// The database was migrated by a newer build: it holds migrations this build does not know.
        public static let schemaTooNew = Code(.schemaTooNew)
        /// A schema migration failed; the database is left at the previous version.
        public static let migrationFailed = Code(.migrationFailed)
        /// An argument cannot be honoured (a negative limit, a date out of range, ...).
        public static let invalidArgument = Code(.invalidArgument)
        /// The database refused a row (an empty event kind, an UPDATE of the log, ...).
        public static let constraintViolation = Code(.constraintViolation)
        /// The database stayed locked by another connection beyond the busy timeout.
        public static let busy = Code(.busy)
        /// The database cannot be written (file permissions, read-only file system).
        public static let readOnly = Code(.readOnly)
        /// The disk is full.
        public static let diskFull = Code(.diskFull)
        /// The operating system reported an I/O error.
        public static let ioError = Code(.ioError)
        /// The store has been closed.
        public static let closed = Code(.closed)
        /// A backup could not be written.
        public static let backupFailed = Code(.backupFailed)
        /// Any other database error.
        public static let database = Code(.database)

        /// The code's name, e.g. "schemaTooNew".
        public var description: String { base.rawValue }
    }

    /// What kind of failure this is.
    public var code: Code
    /// A sentence for people: what failed and, where known, why.
    public var message: String
    /// The error this one wraps, if any (usually a GRDB `DatabaseError`).
    public var underlying: (any Error)?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What kind of failure this is.
    ///   - message: A sentence for people.
    ///   - underlying: The error this one wraps, if any.
    public init(_ code: Code, _ message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    /// "code: message".
    public var description: String {
        "\(code): \(message)"
    }
}
