import GRDB

extension SQLiteEventStore {
    /// Runs raw SQL on the writer connection, outside any transaction the store
    /// opens. For tests only: it can break every invariant the store keeps.
    @_spi(Testing) public func executeRaw(_ sql: String) async throws {
        try await perform("cannot execute raw SQL") {
            try await pool.writeWithoutTransaction { db in try db.execute(sql: sql) }
        }
    }

    /// The first column of every row of a raw query, as text, on the writer
    /// connection (so PRAGMAs report the writer's settings). For tests only.
    @_spi(Testing) public func queryRaw(_ sql: String) async throws -> [String?] {
        try await perform("cannot run a raw query") {
            try await pool.writeWithoutTransaction { db in
                try String?.fetchAll(db, sql: sql)
            }
        }
    }
}
