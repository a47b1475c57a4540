import Foundation

/// RFC 3339 text for instants on the wire, with milliseconds, in UTC.
enum Timestamps {
    static func string(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: true).timeSeparator(.colon).timeZone(separator: .omitted))
    }
}
