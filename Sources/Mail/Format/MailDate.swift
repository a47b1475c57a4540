import Foundation

/// RFC 5322 `date-time` values (3.3) in UTC: `Tue, 12 Jan 2027 09:30:00 +0000`.
enum MailDate {
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `date` to the whole second before it, in UTC.
    ///
    /// - Throws: ``MailError/Code/invalidDate`` when `date` is not finite or falls outside
    ///   years 1 to 9999.
    static func formatted(_ date: Date) throws(MailError) -> String {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite else { throw MailError(.invalidDate, "the date is not finite") }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let parts = calendar.dateComponents(
            [.era, .year, .month, .day, .hour, .minute, .second, .weekday],
            from: Date(timeIntervalSince1970: seconds.rounded(.down)))
        guard parts.era == 1, let year = parts.year, (1...9999).contains(year), let month = parts.month,
            let day = parts.day, let hour = parts.hour, let minute = parts.minute, let second = parts.second,
            let weekday = parts.weekday
        else { throw MailError(.invalidDate, "the date \(date) falls outside years 1 to 9999") }
        return "\(weekdays[weekday - 1]), \(day) \(months[month - 1]) \(padded(year, 4)) "
            + "\(padded(hour, 2)):\(padded(minute, 2)):\(padded(second, 2)) +0000"
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
