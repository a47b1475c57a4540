import Foundation
import GRDB

extension SQLiteEventStore {
    /// Writes a consistent copy of the database to a new file at `path` with
    /// SQLite's online backup, while appends go on.
    ///
    /// The copy is taken in one read transaction, so it holds exactly the
    /// events committed when the backup began. It can be opened with
    /// ``open(path:configuration:)``. A failed backup removes its partial file.
    ///
    /// - Throws: ``StoreError/Code/invalidArgument`` when a file exists at
    ///   `path`; ``StoreError/Code/backupFailed`` when the copy cannot be written.
    public func backup(to path: String) async throws {
        try await perform("cannot back up \(self.path) to \(path)", fallback: .backupFailed) {
            guard !FileManager.default.fileExists(atPath: path) else {
                throw StoreError(.invalidArgument, "a file already exists at \(path)")
            }
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(
                    at: directory, withIntermediateDirectories: true)
                try await pool.read { source in
                    let destination = try DatabaseQueue(path: path)
                    try destination.writeWithoutTransaction { target in
                        try source.backup(to: target)
                    }
                    try destination.close()
                }
            } catch {
                for suffix in ["", "-wal", "-shm", "-journal"] {
                    try? FileManager.default.removeItem(atPath: path + suffix)
                }
                throw error
            }
        }
    }
}
