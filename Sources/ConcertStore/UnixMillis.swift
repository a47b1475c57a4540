import Foundation

/// Dates as whole milliseconds since 1970, the form they take in the database.
enum UnixMillis {
    /// The date rounded to the nearest millisecond.
    ///
    /// - Throws: ``StoreError/Code/invalidArgument`` when the date is not finite
    ///   or too far from 1970 to fit in 64 bits of milliseconds.
    static func millis(_ date: Date, of what: @autoclosure () -> String) throws -> Int64 {
        let millis = (date.timeIntervalSince1970 * 1000).rounded()
        guard let value = Int64(exactly: millis) else {
            throw StoreError(.invalidArgument, "\(what()) (\(date)) cannot be stored as Unix milliseconds")
        }
        return value
    }

    /// The date at `millis` milliseconds since 1970.
    static func date(_ millis: Int64) -> Date {
        Date(timeIntervalSince1970: Double(millis) / 1000)
    }
}
