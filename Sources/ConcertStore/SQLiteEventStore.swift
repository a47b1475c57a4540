import Foundation
import GRDB
import Synchronization

/// The event store in one SQLite file, in WAL mode, every commit fsynced.
///
/// Open it with ``open(path:configuration:)``; close it with ``close()``
/// (closing also happens when the last reference goes away). Reads run on a
/// pool of reader connections and never wait for the writer; writes are
/// serialised on one writer connection. All database work runs on GRDB's own
/// Dispatch queues, never on Swift's cooperative pool.
///
/// The database enforces the log's invariants itself: triggers abort any
/// UPDATE or DELETE of an event, and CHECK constraints refuse an event with an
/// empty kind, so that no code path, not even raw SQL, can rewrite history.
public final class SQLiteEventStore: EventStore {
    /// Tunables of the SQLite store.
    public struct Configuration: Sendable, Hashable {
        /// How long a statement waits for a lock held by another connection
        /// before failing with ``StoreError/Code/busy``.
        public var busyTimeout: Duration
        /// How many snapshots ``SQLiteEventStore/saveSnapshot(_:)`` keeps (at least 1).
        public var retainedSnapshots: Int
        /// The largest number of concurrent reader connections (at least 1).
        public var maximumReaderCount: Int

        /// Creates a configuration.
        ///
        /// - Parameters:
        ///   - busyTimeout: How long to wait for a lock; 5 seconds by default.
        ///   - retainedSnapshots: How many snapshots to keep; 3 by default.
        ///   - maximumReaderCount: How many reader connections at most; 4 by default.
        public init(
            busyTimeout: Duration = .seconds(5), retainedSnapshots: Int = 3,
            maximumReaderCount: Int = 4
        ) {
            self.busyTimeout = busyTimeout
            self.retainedSnapshots = retainedSnapshots
            self.maximumReaderCount = maximumReaderCount
        }
    }

    /// The path of the database file.
    public let path: String
    /// The configuration the store was opened with.
    public let configuration: Configuration
    /// The GRDB pool: one writer connection, several readers.
    let pool: DatabasePool
    private let isClosed = Mutex(false)

    private init(path: String, configuration: Configuration, pool: DatabasePool) {
        self.path = path
        self.configuration = configuration
        self.pool = pool
    }

    /// The schema migrations this build knows, in order ("v1-events", "v1-snapshots", ...).
    public static var knownMigrations: [String] { SQLiteSchema.knownMigrations }

    /// Opens the store at `path`, creating the file and its directory if
    /// needed, and migrates its schema to the latest version this build knows.
    ///
    /// - Parameters:
    ///   - path: The path of the database file; its `-wal` and `-shm`
    ///     companions live beside it.
    ///   - configuration: Tunables; the defaults suit the daemon.
    /// - Throws: ``StoreError`` with code ``StoreError/Code/cannotOpen`` when
    ///   the file or directory cannot be created or opened,
    ///   ``StoreError/Code/corrupt`` when the file is not a valid database or
    ///   the triggers that keep the log append-only have been dropped,
    ///   ``StoreError/Code/schemaTooNew`` when a newer build has migrated it,
    ///   ``StoreError/Code/migrationFailed`` when a migration fails.
    public static func open(
        path: String, configuration: Configuration = Configuration()
    ) async throws -> SQLiteEventStore {
        guard !path.isEmpty else {
            throw StoreError(.invalidArgument, "the database path is empty")
        }
        return try await OffPool.run {
            let pool = try openPool(path: path, configuration: configuration)
            do {
                try refuseNewerSchema(pool, path: path)
                try migrate(pool, path: path)
                try checkAppendOnly(pool, path: path)
            } catch {
                try? pool.close()
                throw error
            }
            return SQLiteEventStore(path: path, configuration: configuration, pool: pool)
        }
    }

    /// Closes the store, waiting for running operations. Later calls throw
    /// ``StoreError/Code/closed``; closing twice does nothing.
    public func close() async throws {
        let wasClosed = isClosed.withLock { closed in
            defer { closed = true }
            return closed
        }
        guard !wasClosed else { return }
        do {
            try await OffPool.run { [pool] in try pool.close() }
        } catch {
            isClosed.withLock { $0 = false }
            throw StoreError.wrapping(error, action: "cannot close the database at \(path)")
        }
    }

    /// Runs `body`, wrapping its errors in ``StoreError`` with `action` as context.
    ///
    /// - Throws: ``StoreError/Code/closed`` without running `body` when the store is closed.
    func perform<T>(
        _ action: @autoclosure () -> String, fallback: StoreError.Code = .database,
        _ body: () async throws -> T
    ) async throws -> T {
        if isClosed.withLock({ $0 }) {
            throw StoreError(.closed, "\(action()): the store at \(path) is closed")
        }
        do {
            return try await body()
        } catch {
            throw StoreError.wrapping(error, action: action(), fallback: fallback)
        }
    }
}
