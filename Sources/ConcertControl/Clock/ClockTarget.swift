import ConcertCore
import Foundation

/// Reads `Advance`'s `by` and `to` into an instant.
enum ClockTarget {
    /// The largest single step, so a typo cannot run ten thousand years of agents.
    static let maximumStep: TimeInterval = 20 * 366 * 86_400

    /// `90d`, `36h`, `15m`, `2w` as seconds.
    static func duration(_ text: String) -> TimeInterval? {
        guard let unit = text.last, let amount = Int(text.dropLast()), amount >= 0 else { return nil }
        switch unit {
        case "m": return TimeInterval(amount) * 60
        case "h": return TimeInterval(amount) * 3_600
        case "d": return TimeInterval(amount) * 86_400
        case "w": return TimeInterval(amount) * 7 * 86_400
        default: return nil
        }
    }

    /// An RFC 3339 instant, or a day meaning its start in `timeZone`.
    static func instant(_ text: String, timeZone: TimeZone) -> Date? {
        if let day = CalendarDate(iso: text) { return day.start(in: timeZone) }
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let plain = ISO8601DateFormatter()
        return plain.date(from: text) ?? withFraction.date(from: text)
    }
}
