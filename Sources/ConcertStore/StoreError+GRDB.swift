import GRDB

extension StoreError {
    /// Wraps an error thrown while using the database into a ``StoreError``
    /// that says what was being done.
    ///
    /// `StoreError` and `CancellationError` pass through unchanged.
    ///
    /// - Parameters:
    ///   - error: The error to wrap.
    ///   - action: What was being done, e.g. "cannot append 3 events".
    ///   - fallback: The code for errors that say nothing more specific.
    static func wrapping(
        _ error: any Error, action: String, fallback: Code = .database
    ) -> any Error {
        switch error {
        case is StoreError, is CancellationError:
            return error
        case let databaseError as DatabaseError:
            let code = code(for: databaseError, fallback: fallback)
            let detail = databaseError.message ?? "SQLite error \(databaseError.resultCode.rawValue)"
            return StoreError(code, "\(action): \(detail)", underlying: databaseError)
        case is RowDecodingError:
            return StoreError(.corrupt, "\(action): \(error)", underlying: error)
        default:
            return StoreError(fallback, "\(action): \(error)", underlying: error)
        }
    }

    private static func code(for error: DatabaseError, fallback: Code) -> Code {
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_FORMAT: .corrupt
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH: .cannotOpen
        case .SQLITE_BUSY, .SQLITE_LOCKED: .busy
        case .SQLITE_READONLY: .readOnly
        case .SQLITE_FULL: .diskFull
        case .SQLITE_IOERR: .ioError
        case .SQLITE_CONSTRAINT: .constraintViolation
        case .SQLITE_MISUSE where error.message?.contains("closed") == true: .closed
        default: fallback
        }
    }
}
